import { contextBridge, ipcRenderer } from 'electron';

// Injected at build time from the contract's keys (electron.vite.config.ts): a sandboxed preload
// must stay one small file, so it cannot bundle the schemas themselves.
declare const __SHOSHIN_METHODS__: readonly string[];

// One function per contract method; the renderer never sees ipcRenderer itself.
const api: Record<string, unknown> = Object.fromEntries(
  __SHOSHIN_METHODS__.map((method) => [method, (input: unknown) => ipcRenderer.invoke(`shoshin:${method}`, input ?? {})]),
);

// Native menu choices arrive as command ids; only the id crosses, never the IPC event.
api['onCommand'] = (listener: (commandId: string) => void) => {
  const forward = (_event: unknown, commandId: unknown) => {
    if (typeof commandId === 'string') listener(commandId);
  };
  ipcRenderer.on('shoshin:command', forward);
  return () => ipcRenderer.removeListener('shoshin:command', forward);
};

contextBridge.exposeInMainWorld('shoshin', Object.freeze(api));
