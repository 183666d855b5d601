import { allCommands, type Command } from '../commands';

/** One row per action: commands that share a title and group (Delete / Backspace) show all their keys together. */
export interface CommandRow {
  key: string;
  title: string;
  group: string;
  shortcuts: string[];
  commands: Command[];
}

export const GROUP_ORDER = ['Capture', 'Step kind', 'Lanes', 'Navigate', 'Edit', 'View', 'File'];

export function commandRows(): CommandRow[] {
  const rows = new Map<string, CommandRow>();
  for (const command of allCommands()) {
    const key = `${command.group}\u0000${command.title}`;
    const row = rows.get(key) ?? { key, title: command.title, group: command.group, shortcuts: [], commands: [] };
    if (command.shortcut) row.shortcuts.push(command.shortcut);
    row.commands.push(command);
    rows.set(key, row);
  }
  const rank = (group: string) => {
    const index = GROUP_ORDER.indexOf(group);
    return index === -1 ? GROUP_ORDER.length : index;
  };
  return [...rows.values()].sort((a, b) => rank(a.group) - rank(b.group) || a.group.localeCompare(b.group));
}
