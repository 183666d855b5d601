import { allCommands, type Command } from '../commands';
import { t } from '../i18n';

/** One row per action: commands that share a title and group (Delete / Backspace) show all their keys together. */
export interface CommandRow {
  key: string;
  title: string;
  group: string;
  shortcuts: string[];
  commands: Command[];
}

/** The order of the group headings; groups are compared by their shown (translated) names. */
export function groupOrder(): string[] {
  return [
    t('shell.commandList.group.capture'),
    t('shell.commandList.group.stepKind'),
    t('shell.commandList.group.lanes'),
    t('shell.commandList.group.navigate'),
    t('shell.commandList.group.edit'),
    t('shell.commandList.group.view'),
    t('shell.commandList.group.file'),
  ];
}

export function commandRows(): CommandRow[] {
  const rows = new Map<string, CommandRow>();
  for (const command of allCommands()) {
    const key = `${command.group}\u0000${command.title}`;
    const row = rows.get(key) ?? { key, title: command.title, group: command.group, shortcuts: [], commands: [] };
    if (command.shortcut) row.shortcuts.push(command.shortcut);
    row.commands.push(command);
    rows.set(key, row);
  }
  const order = groupOrder();
  const rank = (group: string) => {
    const index = order.indexOf(group);
    return index === -1 ? order.length : index;
  };
  return [...rows.values()].sort((a, b) => rank(a.group) - rank(b.group) || a.group.localeCompare(b.group));
}
