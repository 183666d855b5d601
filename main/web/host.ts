import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { METHOD_NAMES, MAX_PAYLOAD_BYTES } from '../../core/contract';
import { createDispatch } from '../dispatch';
import { createHandlers, Workspace, type ServiceOptions } from '../services';
import { exportsDir } from '../services/report';

export interface WebHostOptions extends ServiceOptions {
  rendererDir: string;
  port?: number;
  token?: string;
  /** Opened before the first request, so the page lands in the engagement. */
  initialFile?: (workspace: Workspace, open: (path: string) => Promise<void>) => Promise<void>;
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  workspace: Workspace;
  close: () => Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

export const WEB_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

/** The same `window.shoshin` the Electron preload builds, but over HTTP with the run's token. */
function bridgeScript(): string {
  return `(() => {
  const params = new URLSearchParams(location.search);
  const fromUrl = params.get('token');
  if (fromUrl) sessionStorage.setItem('shoshin-token', fromUrl);
  const token = sessionStorage.getItem('shoshin-token') || '';
  const call = (method) => async (input) => {
    try {
      const response = await fetch('/api/' + method, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-shoshin-token': token },
        body: JSON.stringify(input === undefined ? {} : input),
      });
      return await response.json();
    } catch (error) {
      return { ok: false, error: { code: 'internal', message: 'Shoshin is not running any more. Restart it and reload.' } };
    }
  };
  const api = {};
  for (const method of ${JSON.stringify(METHOD_NAMES)}) api[method] = call(method);
  Object.defineProperty(window, 'shoshin', { value: Object.freeze(api), writable: false });
})();
`;
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function send(res: http.ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, {
    'content-type': type,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  });
  res.end(body);
}

/** Resolves a URL path inside `root`, or null when it would escape it. */
export function safeStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const resolved = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  const rootWithSep = path.resolve(root) + path.sep;
  return resolved.startsWith(rootWithSep) ? resolved : null;
}

function readBody(req: http.IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit keep draining without storing, so the client still gets its answer.
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > limit ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Serves the built renderer and the service bridge on 127.0.0.1 only, for one user with the printed URL. */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const exportsRoot = exportsDir(options.dataDir);
  const handlers = createHandlers({
    ...options,
    // Exports land in the data folder's exports/ (no save dialog in a browser); this link downloads one.
    exportUrl: (file) =>
      path.dirname(path.resolve(file)) === path.resolve(exportsRoot) ? `/exports/${encodeURIComponent(path.basename(file))}?token=${encodeURIComponent(token)}` : null,
  });
  const dispatch = createDispatch(handlers);
  const workspace = new Workspace();
  let port = 0;
  let queue: Promise<unknown> = Promise.resolve();

  const allowedHosts = (): Set<string> => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = (): Set<string> => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  const server = http.createServer((req, res) => {
    void (async () => {
      // DNS rebinding: a hostile page on another name that resolves to 127.0.0.1 sends its own Host.
      if (!allowedHosts().has(req.headers.host ?? '')) return send(res, 421, 'Wrong host.');
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedOrigins().has(origin)) return send(res, 403, 'Cross-origin requests are refused.');
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return send(res, 405, 'Use POST.');
        const headerToken = req.headers['x-shoshin-token'];
        if (!sameToken(typeof headerToken === 'string' ? headerToken : undefined, token)) return send(res, 403, 'Missing or wrong token.');
        if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'Send JSON.');
        const body = await readBody(req, MAX_PAYLOAD_BYTES * 2);
        let method: string;
        try {
          method = decodeURIComponent(url.pathname.slice('/api/'.length));
        } catch {
          method = '';
        }
        let payload: unknown;
        if (body === null) payload = { tooLarge: 'x'.repeat(MAX_PAYLOAD_BYTES + 1) };
        else {
          try {
            payload = JSON.parse(body || '{}');
          } catch {
            return send(res, 200, JSON.stringify({ ok: false, error: { code: 'invalid_input', message: 'The request was not valid JSON.' } }), 'application/json');
          }
        }
        // Mutations apply one at a time, in arrival order, like Electron's single main thread.
        const result = queue.then(() => dispatch(workspace, method, payload));
        queue = result.catch(() => undefined);
        return send(res, 200, JSON.stringify(await result), 'application/json');
      }

      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed.');
      if (url.pathname === '/shoshin-bridge.js') return send(res, 200, bridgeScript(), CONTENT_TYPES['.js']);
      if (url.pathname.startsWith('/exports/')) {
        if (!sameToken(url.searchParams.get('token') ?? undefined, token)) return send(res, 403, 'Missing or wrong token.');
        const file = safeStaticPath(exportsRoot, url.pathname.slice('/exports/'.length));
        if (!file || path.dirname(file) !== path.resolve(exportsRoot) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return send(res, 404, 'Not found.');
        res.setHeader('content-disposition', `attachment; filename="${path.basename(file).replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(path.basename(file))}`);
        return send(res, 200, fs.readFileSync(file), 'application/octet-stream');
      }
      if (url.pathname === '/' || url.pathname === '/index.html') {
        const given = url.searchParams.get('token') ?? undefined;
        if (!sameToken(given, token)) return send(res, 403, 'Open Shoshin with the full address printed by npm run web (it includes the token).');
        const html = fs.readFileSync(path.join(options.rendererDir, 'index.html'), 'utf8');
        const withBridge = html.replace('<head>', '<head>\n    <script src="/shoshin-bridge.js"></script>');
        res.setHeader('content-security-policy', WEB_CSP);
        return send(res, 200, withBridge, CONTENT_TYPES['.html']);
      }
      const file = safeStaticPath(options.rendererDir, url.pathname);
      if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) return send(res, 404, 'Not found.');
      return send(res, 200, fs.readFileSync(file), CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream');
    })().catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) send(res, 500, 'Internal error.');
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  if (options.initialFile) {
    await options.initialFile(workspace, async (filePath) => {
      const result = await dispatch(workspace, 'engagement.open', { path: filePath });
      if (!result.ok) throw new Error(result.error.message);
    });
  }

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    workspace,
    close: () =>
      new Promise<void>((resolve) => {
        workspace.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
