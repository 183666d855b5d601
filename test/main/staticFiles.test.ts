import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalUrlPath, contentType, fileInside, staticFile, urlPathSegments } from '../../main/staticFiles';
import { cleanTempDirs, tempDir } from '../helpers';

afterEach(cleanTempDirs);

describe('urlPathSegments', () => {
  it('decodes each segment once and drops empty and "." segments', () => {
    expect(urlPathSegments('/assets/app.js')).toEqual(['assets', 'app.js']);
    expect(urlPathSegments('/assets/my%20font.woff2')).toEqual(['assets', 'my font.woff2']);
    expect(urlPathSegments('/%69ndex.html')).toEqual(['index.html']);
    expect(urlPathSegments('//index.html/')).toEqual(['index.html']);
    expect(urlPathSegments('/./assets/./app.js')).toEqual(['assets', 'app.js']);
    expect(urlPathSegments('/%2e/index.html')).toEqual(['index.html']);
    expect(urlPathSegments('/')).toEqual([]);
    expect(urlPathSegments('/%E4%B8%AD%E6%96%87.png')).toEqual(['中文.png']);
    // Decoded once only: a doubly encoded "../" stays a harmless literal name.
    expect(urlPathSegments('/..%252f')).toEqual(['..%2f']);
  });

  it('refuses "..", encoded separators, backslashes, NUL, colons and malformed escapes', () => {
    const refused = [
      '/..',
      '/../x',
      '/a/../b',
      '/%2e%2e/x',
      '/%2E%2E/x',
      '/assets/..%2f..%2fsecret',
      '/assets%2fapp.js',
      '/assets%5capp.js',
      '/assets\\app.js',
      '/\\..\\..\\x',
      '/app.js%00.html',
      '/C:/Windows/win.ini',
      '/app.js:stream',
      '/%E0%A4%A',
      '/%',
    ];
    for (const urlPath of refused) expect(urlPathSegments(urlPath), urlPath).toBeNull();
    expect(canonicalUrlPath('/a/../b')).toBeNull();
    expect(canonicalUrlPath('/%69ndex.html/')).toBe('/index.html');
  });
});

describe('fileInside', () => {
  function folder(name = 'renderer') {
    const root = path.join(tempDir(), name);
    fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
    fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'x');
    fs.writeFileSync(path.join(path.dirname(root), 'secret.txt'), 'secret');
    return root;
  }

  it('finds regular files inside the folder, wherever the folder is', () => {
    for (const name of ['renderer', 'Program Files', 'Jane Doe', 'josé', 'Über', '中文 フォルダ', '100%', 'a#b?c']) {
      const root = folder(name);
      expect(staticFile(root, '/assets/app.js'), name).toBe(path.join(fs.realpathSync(root), 'assets', 'app.js'));
      expect(staticFile(root, '/index.html'), name).not.toBeNull();
    }
  });

  it('refuses the folder itself, sub-folders, missing files and symlinks that lead out', () => {
    const root = folder();
    expect(fileInside(root, [])).toBeNull();
    expect(fileInside(root, ['assets'])).toBeNull();
    expect(fileInside(root, ['missing.js'])).toBeNull();
    fs.symlinkSync(path.join(path.dirname(root), 'secret.txt'), path.join(root, 'assets', 'out.js'));
    fs.symlinkSync(path.dirname(root), path.join(root, 'up'));
    expect(fileInside(root, ['assets', 'out.js'])).toBeNull();
    expect(fileInside(root, ['up', 'secret.txt'])).toBeNull();
    // A symlink that stays inside is fine.
    fs.symlinkSync(path.join(root, 'assets', 'app.js'), path.join(root, 'alias.js'));
    expect(fileInside(root, ['alias.js'])).toBe(path.join(fs.realpathSync(root), 'assets', 'app.js'));
  });

  it('names content types by extension, never guessing from content', () => {
    expect(contentType('index.html')).toBe('text/html; charset=utf-8');
    expect(contentType('a/b/app.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentType('layout.worker-x.js')).toBe('text/javascript; charset=utf-8');
    expect(contentType('x.css')).toBe('text/css; charset=utf-8');
    expect(contentType('x.svg')).toBe('image/svg+xml');
    expect(contentType('x')).toBe('application/octet-stream');
  });
});
