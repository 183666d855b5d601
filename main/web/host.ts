import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { METHOD_NAMES, MAX_PAYLOAD_BYTES } from '../../core/contract';
import { format, msg } from '../../core/messages';
import { createDispatch, fail } from '../dispatch';
import { createHandlers, Workspace, type ServiceOptions } from '../services';
import { dataFolderPaths } from '../services/paths';
import { exportsDir } from '../services/report';
import { CONTENT_SECURITY_POLICY } from '../csp';
import { contentType, fileInside, urlPathSegments } from '../staticFiles';

/** The browser host sets its own path policy: paths confined to the data folder. */
export interface WebHostOptions extends Omit<ServiceOptions, 'paths'> {
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

/** The API's request body type: JSON, optionally saying it is UTF-8 (the only encoding JSON has). */
export function isJsonContentType(header: string | undefined): boolean {
  if (!header) return false;
  const [type, ...parameters] = header.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return parameters.every((parameter) => parameter.replace(/\s*=\s*/, '=').replace(/"/g, '') === 'charset=utf-8');
}

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
      return ${JSON.stringify(fail('internal', msg('error.host.stopped')))};
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
    // On every response, not just the page: an SVG or HTML file opened on its own is a document too.
    'content-security-policy': CONTENT_SECURITY_POLICY,
  });
  res.end(body);
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
    paths: dataFolderPaths({ dataDir: options.dataDir, userDataDir: options.userDataDir }),
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
      // Every route is decided on the decoded, normalised path: `/%69ndex.html`, `/index.html/` and
      // `//index.html` are the page (token and CSP included), and `..` or an encoded separator is refused.
      const target = req.url ?? '/';
      if (!target.startsWith('/')) return send(res, 400, 'Bad request.');
      const queryStart = target.indexOf('?');
      const query = new URLSearchParams(queryStart < 0 ? '' : target.slice(queryStart + 1));
      const route = urlPathSegments(queryStart < 0 ? target : target.slice(0, queryStart));
      if (!route) return send(res, 404, 'Not found.');
      const [first = '', ...rest] = route;

      if (first === 'api') {
        if (req.method !== 'POST') return send(res, 405, 'Use POST.');
        const headerToken = req.headers['x-shoshin-token'];
        if (!sameToken(typeof headerToken === 'string' ? headerToken : undefined, token)) return send(res, 403, 'Missing or wrong token.');
        if (!isJsonContentType(req.headers['content-type'])) return send(res, 415, 'Send JSON (content-type: application/json).');
        const body = await readBody(req, MAX_PAYLOAD_BYTES * 2);
        const method = rest.length === 1 ? (rest[0] ?? '') : '';
        let payload: unknown;
        if (body === null) payload = { tooLarge: 'x'.repeat(MAX_PAYLOAD_BYTES + 1) };
        else {
          try {
            payload = JSON.parse(body || '{}');
          } catch {
            return send(res, 200, JSON.stringify(fail('invalid_input', msg('error.host.badJson'))), 'application/json');
          }
        }
        // Mutations apply one at a time, in arrival order, like Electron's single main thread.
        const result = queue.then(() => dispatch(workspace, method, payload));
        queue = result.catch(() => undefined);
        return send(res, 200, JSON.stringify(await result), 'application/json');
      }

      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed.');
      const canonical = `/${route.join('/')}`;
      if (canonical === '/shoshin-bridge.js') return send(res, 200, bridgeScript(), contentType('shoshin-bridge.js'));
      if (first === 'exports') {
        if (!sameToken(query.get('token') ?? undefined, token)) return send(res, 403, 'Missing or wrong token.');
        const file = rest.length === 1 ? fileInside(exportsRoot, rest) : null;
        if (!file) return send(res, 404, 'Not found.');
        res.setHeader('content-disposition', `attachment; filename="${path.basename(file).replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(path.basename(file))}`);
        return send(res, 200, fs.readFileSync(file), 'application/octet-stream');
      }
      // Lower-cased: on a case-insensitive disk /INDEX.HTML is the same file and gets the same checks.
      if (canonical === '/' || canonical.toLowerCase() === '/index.html') {
        if (!sameToken(query.get('token') ?? undefined, token)) return send(res, 403, format(msg('web.needToken')));
        const html = fs.readFileSync(path.join(options.rendererDir, 'index.html'), 'utf8');
        const withBridge = html.replace('<head>', '<head>\n    <script src="/shoshin-bridge.js"></script>');
        return send(res, 200, withBridge, contentType('index.html'));
      }
      const file = fileInside(options.rendererDir, route);
      // A page only ever comes from the token-checked route above.
      if (!file || contentType(file).startsWith('text/html')) return send(res, 404, 'Not found.');
      return send(res, 200, fs.readFileSync(file), contentType(file));
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
      // Named on the host's own command line (or its recent list): main hands it to the page.
      workspace.grant(filePath);
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
