import { useEffect } from 'react';
import { t } from './i18n';

/**
 * The one command registry: the global key handler, the command palette and the shortcut sheet
 * all read it (and the native menus mirror it), so a shortcut is defined once.
 */
export interface Command {
  id: string;
  title: string;
  /** Heading in the shortcut sheet and palette, e.g. "Capture", "Edit", "View". */
  group: string;
  /** Like "Mod+Shift+Z", "Enter", "Alt+ArrowUp", "?"; Mod is Ctrl, or Cmd on macOS. */
  shortcut?: string;
  /** Still runs while the user types in a field (e.g. undo, find). */
  whileTyping?: boolean;
  enabled?: () => boolean;
  run: () => void | Promise<void>;
}

const registry = new Map<string, Command>();
const listeners = new Set<() => void>();

export function registerCommands(commands: readonly Command[]): () => void {
  for (const command of commands) registry.set(command.id, command);
  listeners.forEach((l) => l());
  return () => {
    for (const command of commands) if (registry.get(command.id) === command) registry.delete(command.id);
    listeners.forEach((l) => l());
  };
}

export function allCommands(): Command[] {
  return [...registry.values()];
}

export function onCommandsChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Registers commands while a component is mounted; pass the values the commands close over as deps. */
export function useCommands(build: () => readonly Command[], deps: readonly unknown[]): void {
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => registerCommands(build()), deps);
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function matchShortcut(event: KeyboardEvent, shortcut: string): boolean {
  const parts = shortcut.split('+');
  const key = parts.pop() ?? '';
  const mods = new Set(parts);
  const mod = isMac ? event.metaKey : event.ctrlKey;
  if (mods.has('Mod') !== mod) return false;
  if (mods.has('Alt') !== event.altKey) return false;
  // "?" is typed with Shift on most layouts; only demand Shift where the shortcut names it.
  if (key.length > 1 || /[a-z0-9]/i.test(key)) {
    if (mods.has('Shift') !== event.shiftKey) return false;
  }
  // Alt+digit types a symbol on macOS ("¡"), so digits match by physical key too.
  if (/^[0-9]$/.test(key) && event.code === `Digit${key}`) return true;
  return event.key.toLowerCase() === key.toLowerCase();
}

export function shortcutLabel(shortcut: string): string {
  return shortcut
    .replace('Mod', isMac ? '⌘' : t('shell.commands.ctrl'))
    .replace('ArrowUp', '↑')
    .replace('ArrowDown', '↓')
    .replace('ArrowLeft', '←')
    .replace('ArrowRight', '→');
}

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable;
}

/** Installed once by App: runs the first enabled command whose shortcut matches. */
export function handleKeyDown(event: KeyboardEvent): void {
  if (event.defaultPrevented) return;
  const inField = typing(event.target);
  const el = event.target as HTMLElement | null;
  // A focused button or link owns Enter and Space.
  if ((el?.tagName === 'BUTTON' || el?.tagName === 'A') && (event.key === 'Enter' || event.key === ' ')) return;
  for (const command of registry.values()) {
    if (!command.shortcut || (inField && !command.whileTyping)) continue;
    if (!matchShortcut(event, command.shortcut)) continue;
    if (command.enabled && !command.enabled()) continue;
    event.preventDefault();
    void command.run();
    return;
  }
}

/** Runs a command by id (a native menu choice); does nothing when it is gone or disabled. */
export function runCommand(id: string): void {
  const command = registry.get(id);
  if (command && (!command.enabled || command.enabled())) void command.run();
}

let pushTimer: ReturnType<typeof setTimeout> | undefined;

/** Keeps the shell's native menus in step with the registry (the desktop app; the browser ignores it). */
export function mirrorToShell(): () => void {
  const push = () => {
    clearTimeout(pushTimer);
    pushTimer = setTimeout(() => {
      const commands = allCommands().map((c) => ({
        id: c.id,
        title: c.title,
        group: c.group,
        ...(c.shortcut ? { shortcut: c.shortcut } : {}),
        enabled: c.enabled ? c.enabled() : true,
      }));
      void window.shoshin['shell.setCommands']({ commands });
    }, 50);
  };
  push();
  const stopListening = onCommandsChanged(push);
  const stopMenu = window.shoshin.onCommand?.(runCommand);
  return () => {
    stopListening();
    stopMenu?.();
  };
}
