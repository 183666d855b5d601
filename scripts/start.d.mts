// Types for the parts of scripts/start.mjs that test/scripts/start.test.ts imports.
export type Probe<T extends object = object> = () => Promise<({ ok: true } & T) | { ok: false; reason: string }> | ({ ok: true } & T) | { ok: false; reason: string };

export type ShellChoice = { shell: 'electron'; electronPath: string } | { shell: 'web'; reason: string | null };

export function chooseShell(options: { forceWeb?: boolean; electronProgram: Probe<{ path: string }>; nativeModule: Probe }): Promise<ShellChoice>;
export function firstReason(output: unknown, fallback: string): string;
export function electronProgramPath(dir?: string, env?: Record<string, string | undefined>): string | null;
export function browserCommand(
  url: string,
  platform?: string,
  env?: Record<string, string | undefined>,
): { command: string; args: string[]; verbatim?: boolean } | null;
export function webArguments(args: readonly string[]): string[];
