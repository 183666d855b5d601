import { contextBridge, ipcRenderer } from 'electron';

// Injected at build time from the contract's keys (electron.vite.config.ts): a sandboxed preload
// must stay one small file, so it cannot bundle the schemas themselves.
declare const __SHOSHIN_METHODS__: readonly string[];

// One function per contract method; the renderer never sees ipcRenderer itself.
const api = Object.fromEntries(
  __SHOSHIN_METHODS__.map((method) => [method, (input: unknown) => ipcRenderer.invoke(`shoshin:${method}`, input ?? {})]),
);

contextBridge.exposeInMainWorld('shoshin', Object.freeze(api));
