import path from 'node:path';
import { ShoshinError } from '../core/errors';
import { format, msg } from '../core/messages';
import { engagementCounts } from '../db/engagement';
import { withoutLeftovers } from '../db/file';
import { EngagementStore } from '../db/store';
import { IMPORT_USAGE, runImportCommand } from './import/cli';
import { EXPORT_USAGE, runExportCommand } from './report/cli';
import { writeSample } from './sample';

const USAGE = format(msg('cli.usage', { export: EXPORT_USAGE, import: IMPORT_USAGE }));

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** Returns the process exit code; never throws for user mistakes. */
export function runCli(args: readonly string[], io: CliIo): number {
  const [command, ...rest] = args;
  try {
    switch (command) {
      case 'sample': {
        const target = rest[0];
        if (!target) throw new ShoshinError('invalid_input', msg('cli.sample.where'));
        const store = EngagementStore.create(path.resolve(target), { name: 'Sample', client: '' });
        try {
          writeSample(store);
          io.out(JSON.stringify({ file: store.path, ...engagementCounts(store.db) }));
        } finally {
          store.close();
        }
        return 0;
      }
      case 'info': {
        const file = rest[0];
        if (!file) throw new ShoshinError('invalid_input', msg('cli.info.which'));
        const target = path.resolve(file);
        const counts = withoutLeftovers(target, () => {
          const store = EngagementStore.open(target, { readOnly: true });
          try {
            return engagementCounts(store.db);
          } finally {
            store.close();
          }
        });
        io.out(JSON.stringify(counts, null, 2));
        return 0;
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return command === undefined ? 1 : 0;
      default:
        io.err(`${format(msg('cli.unknownCommand', { command }))}\n${USAGE}`);
        return 1;
    }
  } catch (error) {
    return reportFailure(error, io);
  }
}

/** One line on stderr, never a stack trace: exit 2 for a refusal we can explain, 1 for anything else. */
function reportFailure(error: unknown, io: CliIo): number {
  if (error instanceof ShoshinError) {
    io.err(format(msg('cli.refused', { message: error.text })));
    return 2;
  }
  io.err(format(msg('cli.failed', { reason: error instanceof Error ? error.message : String(error) })));
  return 1;
}

/** The command line's entry: `export` runs a worker thread and `import` lays out with ELK, so they finish later; the rest answer at once. */
export async function runCommand(args: readonly string[], io: CliIo): Promise<number> {
  if (args[0] !== 'export' && args[0] !== 'import') return runCli(args, io);
  try {
    return await (args[0] === 'export' ? runExportCommand : runImportCommand)(args.slice(1), io);
  } catch (error) {
    return reportFailure(error, io);
  }
}
