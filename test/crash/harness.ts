import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

const ROOT = path.resolve(import.meta.dirname, '../..');
const EDITOR = path.join(ROOT, 'test/crash/editor.ts');

export interface CycleResult {
  acknowledged: number;
  lost: string[];
  integrity: string;
}

interface Expected {
  added: Map<string, string>;
  /** Highest acknowledged counter per updated step: the stored value may be newer, never older. */
  updated: Map<string, number>;
  flows: Set<string>;
}

/** Runs the editor until a random moment, kills it with SIGKILL and reports what it acknowledged. */
function runUntilKilled(file: string, seed: number, liveMs: number, expected: Expected): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', EDITOR, file, String(seed), path.join(path.dirname(file), 'app')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let buffer = '';
    let count = 0;
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const [kind, id = '', value = ''] = line.split(' ');
        if (kind === 'READY' && !timer) timer = setTimeout(() => child.kill('SIGKILL'), liveMs);
        else if (kind === 'ADD') expected.added.set(id, value);
        else if (kind === 'SET') expected.updated.set(id, Math.max(expected.updated.get(id) ?? 0, Number(value)));
        else if (kind === 'FLOW') expected.flows.add(id);
        if (kind !== 'READY') count++;
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') resolve(count);
      else reject(new Error(`editor stopped by itself (${code}): ${stderr}`));
    });
  });
}

function verify(file: string, expected: Expected): { lost: string[]; integrity: string } {
  const db = new Database(file, { fileMustExist: true });
  try {
    const integrity = String(db.pragma('integrity_check', { simple: true }));
    const lost: string[] = [];
    const step = db.prepare('SELECT text FROM steps WHERE id = ?');
    for (const [id, text] of expected.added) {
      const row = step.get(id) as { text: string } | undefined;
      if (!row) lost.push(`step ${id} (${text})`);
    }
    for (const [id, counter] of expected.updated) {
      const row = step.get(id) as { text: string } | undefined;
      const stored = Number(row?.text.replace(/^v-/, '') ?? -1);
      if (!row?.text.startsWith('v-') || stored < counter) lost.push(`update of ${id} to v-${counter} (found ${row?.text ?? 'nothing'})`);
    }
    const flow = db.prepare('SELECT 1 FROM flows WHERE id = ?');
    for (const id of expected.flows) if (!flow.get(id)) lost.push(`flow ${id}`);
    return { lost, integrity };
  } finally {
    db.close();
  }
}

/** Kill-and-reopen cycles on one growing engagement file; every acknowledged edit must survive. */
export async function crashCycles(
  dir: string,
  cycles: number,
  onCycle: (index: number, result: CycleResult) => void = () => undefined,
): Promise<{ cycles: number; acknowledged: number; lost: number; integrityErrors: number }> {
  const file = path.join(dir, 'crash.shoshin');
  const expected: Expected = { added: new Map(), updated: new Map(), flows: new Set() };
  let acknowledged = 0;
  let lost = 0;
  let integrityErrors = 0;
  for (let i = 0; i < cycles; i++) {
    const liveMs = 80 + Math.floor(Math.random() * 600);
    acknowledged += await runUntilKilled(file, 1000 + i, liveMs, expected);
    const result = verify(file, expected);
    if (result.integrity !== 'ok') integrityErrors++;
    lost += result.lost.length;
    onCycle(i, { acknowledged, lost: result.lost, integrity: result.integrity });
    if (result.integrity !== 'ok' || result.lost.length > 0) break;
  }
  fs.rmSync(`${file}.lock`, { force: true });
  return { cycles, acknowledged, lost, integrityErrors };
}
