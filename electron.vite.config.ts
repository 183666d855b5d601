import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { METHOD_NAMES } from './core/contract';
import { paletteCss } from './core/palette';
import { version } from './package.json';

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
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
    worker: { format: 'es' },
    plugins: [react(), paletteTokens()],
  },
});
