import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { METHOD_NAMES } from './core/contract';
import { META_CONTENT_SECURITY_POLICY } from './main/csp';
import { paletteCss } from './core/palette';
import { version } from './package.json';

/** Writes the one CSP (main/csp.ts) into index.html's <meta>, so the page and both shells cannot drift apart. */
function contentSecurityPolicy(): Plugin {
  const placeholder = '__SHOSHIN_CSP__';
  return {
    name: 'shoshin-csp',
    transformIndexHtml(html) {
      if (!html.includes(placeholder)) throw new Error(`renderer/index.html has no ${placeholder} for the Content-Security-Policy`);
      return html.replace(placeholder, META_CONTENT_SECURITY_POLICY);
    },
  };
}

/** `import 'virtual:palette.css'`: the colour tokens as CSS custom properties, written from core/palette.ts at build time. */
function paletteTokens(): Plugin {
  const id = 'virtual:palette.css';
  const resolved = `\0${id}`;
  return {
    name: 'shoshin-palette',
    resolveId: (source) => (source === id ? resolved : undefined),
    load: (source) => (source === resolved ? paletteCss() : undefined),
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // The report worker is its own entry: the main process starts it as a worker thread (main/report/jobs.ts).
        input: { index: resolve(__dirname, 'main/index.ts'), reportWorker: resolve(__dirname, 'main/report/worker.ts') },
      },
    },
  },
  preload: {
    define: { __SHOSHIN_METHODS__: JSON.stringify(METHOD_NAMES) },
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot load modules: one self-contained CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    define: { __APP_VERSION__: JSON.stringify(version) },
    root: resolve(__dirname, 'renderer'),
    base: './',
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // Less to parse at start-up: the window opens and takes typing sooner.
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
    worker: { format: 'es' },
    plugins: [react(), contentSecurityPolicy(), paletteTokens()],
  },
});
