import { z } from 'zod';
import { method, Ok } from './base';

/** A command as the renderer's registry knows it, so native menus can mirror it. */
export const MenuCommand = z.object({
  id: z.string().min(1).max(80),
  title: z.string().max(120),
  group: z.string().max(60),
  shortcut: z.string().max(40).optional(),
  enabled: z.boolean(),
});
export type MenuCommand = z.infer<typeof MenuCommand>;

/** What the desktop shell needs from the renderer; the browser host accepts and ignores it. */
export const shellMethods = {
  'shell.setCommands': method('app', z.object({ commands: z.array(MenuCommand).max(400) }).strict(), Ok),
};
