#!/usr/bin/env node
// The command line runs the TypeScript services directly, so it needs no build step and no Electron.
import { register } from 'tsx/esm/api';

register();
const { runCommand } = await import('../main/cli.ts');
process.exitCode = await runCommand(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
