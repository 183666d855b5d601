import fs from 'node:fs';
import path from 'node:path';

/**
 * Serving the built renderer, shared by the Electron scheme handler (app://shoshin/…) and the browser
 * host: one way to turn a URL path into a file, so both refuse the same tricks.
 */

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
};

export function contentType(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The segments of a URL path, each percent-decoded once, with empty and "." segments dropped; null when
 * the path cannot name a file under a folder: a malformed escape, "..", or a decoded segment holding a
 * separator (`%2f`, `%5c`, a backslash), a NUL or a colon (a Windows drive or alternate data stream).
 * Routing decides on these, so `/%69ndex.html`, `/index.html/` and `//index.html` are all `/index.html`.
 */
export function urlPathSegments(urlPath: string): string[] | null {
  const segments: string[] = [];
  for (const raw of urlPath.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '' || segment === '.') continue;
    if (segment === '..' || /[/\\\0:]/.test(segment)) return null;
    segments.push(segment);
  }
  return segments;
}

/** The canonical form of a URL path ("/" joined segments), or null when `urlPathSegments` refuses it. */
export function canonicalUrlPath(urlPath: string): string | null {
  const segments = urlPathSegments(urlPath);
  return segments ? `/${segments.join('/')}` : null;
}

function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/**
 * The regular file that `segments` names inside `root`, after following symlinks; null when there is
 * none, or when the real file lies outside the real root (a symlink pointing out of the folder).
 */
export function fileInside(root: string, segments: readonly string[]): string | null {
  if (segments.length === 0) return null;
  try {
    const realRoot = fs.realpathSync(root);
    const real = fs.realpathSync(path.join(realRoot, ...segments));
    if (!isInside(realRoot, real) || !fs.statSync(real).isFile()) return null;
    return real;
  } catch {
    return null;
  }
}

/** `fileInside` for a raw URL path. */
export function staticFile(root: string, urlPath: string): string | null {
  const segments = urlPathSegments(urlPath);
  return segments ? fileInside(root, segments) : null;
}
