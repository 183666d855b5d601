import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const Bounds = z.object({ x: z.number().int(), y: z.number().int(), width: z.number().int().min(400), height: z.number().int().min(300) });
const State = z.object({ bounds: Bounds, maximized: z.boolean() });
export type WindowState = z.infer<typeof State>;

export const DEFAULT_WINDOW: WindowState = { bounds: { x: 80, y: 60, width: 1440, height: 900 }, maximized: false };

/** The last window's size and place, so Shoshin opens where the consultant left it. */
export class WindowStateStore {
  constructor(private readonly file: string) {}

  static in(userDataDir: string): WindowStateStore {
    return new WindowStateStore(path.join(userDataDir, 'window-state.json'));
  }

  load(): WindowState {
    try {
      const parsed = State.safeParse(JSON.parse(fs.readFileSync(this.file, 'utf8')));
      return parsed.success ? parsed.data : DEFAULT_WINDOW;
    } catch {
      return DEFAULT_WINDOW;
    }
  }

  save(state: WindowState): void {
    const parsed = State.safeParse(state);
    if (!parsed.success) return;
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(parsed.data));
    fs.renameSync(temp, this.file);
  }
}

/** Later windows step down and right so they do not hide the first. */
export function cascade(state: WindowState, index: number): WindowState {
  return { ...state, bounds: { ...state.bounds, x: state.bounds.x + index * 28, y: state.bounds.y + index * 28 } };
}

/** Engagement files named on a command line (Windows and Linux pass documents this way). */
export function filesFromArgv(argv: readonly string[], cwd: string): string[] {
  return argv
    .slice(1)
    .filter((arg) => !arg.startsWith('-') && arg.toLowerCase().endsWith('.shoshin'))
    .map((arg) => path.resolve(cwd, arg));
}
