import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../core/ipc/shell';
import { format, msg, type MessageKey } from '../../core/messages';

/**
 * Where each in-app command sits in the native menus. Titles and shortcuts come from the renderer's
 * command registry (the one registry); a command the renderer has not registered shows disabled,
 * under its catalogue title.
 */
type Slot = { command: string; fallback: MessageKey } | { role: MenuItemConstructorOptions['role'] } | 'separator' | 'recent';

export const MENU_LAYOUT: { label: MessageKey; items: Slot[] }[] = [
  {
    label: 'menu.file',
    items: [
      { command: 'file.new', fallback: 'menu.file.new' },
      { command: 'file.open', fallback: 'menu.file.open' },
      'recent',
      'separator',
      { command: 'file.saveCopy', fallback: 'menu.file.saveCopy' },
      { command: 'file.snapshots', fallback: 'menu.file.snapshots' },
      'separator',
      { command: 'file.import', fallback: 'menu.file.import' },
      // One export dialog covers the report, diagrams, BPMN and registers.
      { command: 'file.export', fallback: 'menu.file.export' },
      { command: 'file.exportDiagram', fallback: 'menu.file.exportDiagram' },
      'separator',
      { command: 'file.close', fallback: 'menu.file.close' },
    ],
  },
  {
    label: 'menu.edit',
    items: [
      { command: 'history.undo', fallback: 'menu.edit.undo' },
      { command: 'history.redo', fallback: 'menu.edit.redo' },
      'separator',
      // The system roles fire the page's cut, copy and paste events, which the canvas turns into steps.
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      'separator',
      { command: 'canvas.find', fallback: 'menu.edit.find' },
      { command: 'palette.open', fallback: 'menu.edit.palette' },
    ],
  },
  {
    label: 'menu.view',
    items: [
      { command: 'view.presenter', fallback: 'menu.view.presenter' },
      { command: 'canvas.panel', fallback: 'menu.view.panel' },
      'separator',
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { role: 'resetZoom' },
      { command: 'canvas.fit', fallback: 'menu.view.fit' },
      'separator',
      { role: 'togglefullscreen' },
    ],
  },
  {
    label: 'menu.help',
    items: [{ command: 'help.shortcuts', fallback: 'menu.help.shortcuts' }, 'separator', { command: 'help.about', fallback: 'menu.help.about' }],
  },
];

/** Renderer shortcuts ("Mod+Shift+Z", "ArrowUp") as Electron accelerators. */
export function toAccelerator(shortcut: string): string {
  return shortcut
    .split('+')
    .map((part) => ({ Mod: 'CmdOrCtrl', ArrowUp: 'Up', ArrowDown: 'Down', ArrowLeft: 'Left', ArrowRight: 'Right', Escape: 'Esc' })[part] ?? part)
    .join('+');
}

/**
 * Only shortcuts with a modifier or a function key become real accelerators: a menu that grabbed
 * Enter or Delete would steal them from every text field.
 */
function registers(shortcut: string): boolean {
  return /(^|\+)(Mod|Alt)\+/.test(shortcut) || /^(Mod\+|Alt\+|Shift\+)*F\d{1,2}$/.test(shortcut);
}

export interface MenuContext {
  commands: readonly MenuCommand[];
  recent: readonly { path: string; name: string }[];
  run: (commandId: string) => void;
  openRecent: (path: string) => void;
  isMac: boolean;
  appName: string;
}

export function menuTemplate(context: MenuContext): MenuItemConstructorOptions[] {
  const byId = new Map(context.commands.map((c) => [c.id, c]));
  const item = (slot: Slot): MenuItemConstructorOptions => {
    if (slot === 'separator') return { type: 'separator' };
    if (slot === 'recent') {
      return {
        label: format(msg('menu.file.openRecent')),
        submenu: context.recent.length
          ? context.recent.map((r) => ({ label: r.name, sublabel: r.path, click: () => context.openRecent(r.path) }))
          : [{ label: format(msg('menu.file.noRecent')), enabled: false }],
      };
    }
    if ('role' in slot) return { role: slot.role };
    const command = byId.get(slot.command);
    const shortcut = command?.shortcut;
    return {
      label: command?.title || format(msg(slot.fallback)),
      enabled: command?.enabled ?? false,
      ...(shortcut ? { accelerator: toAccelerator(shortcut), registerAccelerator: registers(shortcut) } : {}),
      click: () => context.run(slot.command),
    };
  };
  const menus: MenuItemConstructorOptions[] = MENU_LAYOUT.map((menu) => ({ label: format(msg(menu.label)), submenu: menu.items.map(item) }));
  if (context.isMac) {
    menus.unshift({
      label: context.appName,
      submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }],
    });
  }
  return menus;
}
