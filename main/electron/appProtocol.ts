import fs from 'node:fs/promises';
import type * as ElectronNS from 'electron';
import { CONTENT_SECURITY_POLICY } from '../csp';
import { contentType, staticFile } from '../staticFiles';

/**
 * The renderer is served from app://shoshin/, never file://: its URLs never contain the install path
 * (so a space, an accent or CJK in it changes nothing), the page has a real origin for 'self' in the
 * CSP, and the GrantFileProtocolExtraPrivileges fuse can stay off (Electron's security checklist, item 18).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'shoshin';
const APP_PAGE = '/index.html';

/**
 * Registered before `ready`. standard: relative URLs, a real origin, same-origin module scripts and the
 * ELK module worker; secure: a secure context (crypto.randomUUID); supportFetchAPI: module scripts and
 * workers are fetched; codeCache: V8 caches the large bundle between starts. Left off on purpose:
 * bypassCSP, corsEnabled (no other origin may read our files), allowServiceWorkers, stream.
 */
export const APP_SCHEME_PRIVILEGES: ElectronNS.CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

/** The page's address; a document main hands to the window travels in the query. */
export function appPageUrl(open?: string): string {
  const url = new URL(`${APP_SCHEME}://${APP_HOST}${APP_PAGE}`);
  if (open !== undefined) url.searchParams.set('open', open);
  return url.href;
}

/** Whether `url` is our page: the scheme, host and path compared after parsing, query and hash ignored. */
export function isAppPage(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.pathname === APP_PAGE
  );
}

const BASE_HEADERS = {
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-cache',
  'content-security-policy': CONTENT_SECURITY_POLICY,
};

function refuse(status: 404 | 405): Response {
  return new Response(status === 404 ? 'Not found.' : 'Method not allowed.', {
    status,
    headers: { ...BASE_HEADERS, 'content-type': 'text/plain; charset=utf-8' },
  });
}

/**
 * The `protocol.handle` handler: only regular files inside `rendererDir` (see main/staticFiles.ts for
 * what is refused), with their content type and, on every response, the CSP.
 */
export async function serveRenderer(rendererDir: string, request: { url: string; method: string }): Promise<Response> {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return refuse(404);
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return refuse(404);
  if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405);
  const file = staticFile(rendererDir, url.pathname);
  if (!file) return refuse(404);
  let body: Buffer;
  try {
    body = await fs.readFile(file);
  } catch {
    return refuse(404);
  }
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: { ...BASE_HEADERS, 'content-type': contentType(file) },
  });
}
