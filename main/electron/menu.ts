import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../core/ipc/shell';

/**
 * Where each in-app command sits in the native menus. Titles and shortcuts come from the renderer's
 * command registry (the one registry); a command the renderer has not registered shows disabled.
 */
type Slot = { command: string; fallback: string } | { role: MenuItemConstructorOptions['role'] } | 'separator' | 'recent';

export const MENU_LAYOUT: { label: string; items: Slot[] }[] = [
  {
    label: 'File',
    items: [
      { command: 'file.new', fallback: 'New engagement' },
      { command: 'file.open', fallback: 'Open…' },
      'recent',
      'separator',
      { command: 'file.saveCopy', fallback: 'Save a copy as…' },
      { command: 'file.snapshots', fallback: 'Snapshots…' },
      'separator',
      // One export dialog covers the report, diagrams, BPMN and registers.
      { command: 'file.export', fallback: 'Export report…' },
      { command: 'file.exportDiagram', fallback: 'Export diagram…' },
      'separator',
      { command: 'file.close', fallback: 'Close engagement' },
    ],
  },
  {
    label: 'Edit',
    items: [
      { command: 'history.undo', fallback: 'Undo' },
      { command: 'history.redo', fallback: 'Redo' },
      'separator',
      // The system roles fire the page's cut, copy and paste events, which the canvas turns into steps.
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      'separator',
      { command: 'canvas.find', fallback: 'Find in steps' },
      { command: 'palette.open', fallback: 'Command palette…' },
    ],
  },
  {
    label: 'View',
    items: [
      { command: 'view.presenter', fallback: 'Presenter view' },
      { command: 'canvas.panel', fallback: 'Show or hide the details panel' },
      'separator',
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { role: 'resetZoom' },
      { command: 'canvas.fit', fallback: 'Zoom to fit' },
      'separator',
      { role: 'togglefullscreen' },
    ],
  },
  {
    label: 'Help',
    items: [{ command: 'help.shortcuts', fallback: 'Keyboard shortcuts' }, 'separator', { command: 'help.about', fallback: 'About Shoshin' }],
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
        label: 'Open recent',
        submenu: context.recent.length
          ? context.recent.map((r) => ({ label: r.name, sublabel: r.path, click: () => context.openRecent(r.path) }))
          : [{ label: 'No recent engagements', enabled: false }],
      };
    }
    if ('role' in slot) return { role: slot.role };
    const command = byId.get(slot.command);
    const shortcut = command?.shortcut;
    return {
      label: command?.title || slot.fallback,
      enabled: command?.enabled ?? false,
      ...(shortcut ? { accelerator: toAccelerator(shortcut), registerAccelerator: registers(shortcut) } : {}),
      click: () => context.run(slot.command),
    };
  };
  const menus: MenuItemConstructorOptions[] = MENU_LAYOUT.map((menu) => ({ label: menu.label, submenu: menu.items.map(item) }));
  if (context.isMac) {
    menus.unshift({
      label: context.appName,
      submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }],
    });
  }
  return menus;
}
