// Child process for the crash harness: applies a stream of edits to one engagement through the real
// services and reports each edit only after its command returned (i.e. after the commit). It never
// stops on its own; the harness kills it with SIGKILL at a random moment.
import fs from 'node:fs';
import type { Envelope } from '../../core/contract';
import { EngagementStore } from '../../db/store';
import { createDispatch } from '../../main/dispatch';
import { createHandlers, Workspace } from '../../main/services';
import { anyPath } from '../../main/services/paths';

const [file, seedArg, appDir] = process.argv.slice(2);
if (!file || !appDir) throw new Error('usage: editor.ts FILE SEED APP_DIR');
let seed = Number(seedArg ?? 1) >>> 0 || 1;
const random = (): number => {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return seed / 2 ** 32;
};

const dispatch = createDispatch(createHandlers({ dataDir: appDir, userDataDir: appDir, paths: anyPath }), () => undefined);
const workspace = new Workspace();

function ack(line: string): void {
  // Synchronous write: when the harness reads the line, the edit had already committed.
  fs.writeSync(1, `${line}\n`);
}

async function call<T>(method: string, input: unknown): Promise<T> {
  const result = (await dispatch(workspace, method, input)) as Envelope<T>;
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.data;
}

// The harness names the file; engagement.create takes no path (main chooses where new files go).
if (!fs.existsSync(file)) EngagementStore.create(file, { name: 'Crash test', client: 'Harness' }).close();
type Loaded = { records: { processes: { id: string }[]; steps: { id: string; processId: string }[]; flows: { sourceId: string; targetId: string }[] } };
const opened = await call<Loaded>('engagement.open', { path: file });
let processId = opened.records.processes[0]?.id;
if (!processId) {
  processId = (await call<{ process: { id: string } }>('process.create', { name: 'Soak' })).process.id;
}
const steps = opened.records.steps.filter((s) => s.processId === processId).map((s) => s.id);
// A second flow between the same two steps is refused, so the editor only draws new ones.
const joined = new Set(opened.records.flows.map((f) => `${f.sourceId}>${f.targetId}`));
// Scaled so a fast child can never run its counter past the clock the next child starts from.
let counter = Date.now() * 1000;
ack('READY');

for (;;) {
  const roll = random();
  counter++;
  if (roll < 0.45 || steps.length < 2) {
    const after = steps.length > 0 && random() < 0.7 ? steps[steps.length - 1] : undefined;
    const text = `step-${counter}`;
    const added = await call<{ step: { id: string } }>('step.add', { processId, x: Math.round(random() * 5000), y: 20, text, ...(after ? { after } : {}) });
    steps.push(added.step.id);
    if (after) joined.add(`${after}>${added.step.id}`);
    ack(`ADD ${added.step.id} ${text}`);
  } else if (roll < 0.85) {
    const id = steps[Math.floor(random() * steps.length)] ?? '';
    // Values only grow, so a later edit that committed but was not acknowledged is told apart from a lost one.
    await call('step.update', { id, patch: { text: `v-${counter}`, workMinutes: counter % 100_000 } });
    ack(`SET ${id} ${counter}`);
  } else {
    const a = steps[Math.floor(random() * steps.length)] ?? '';
    const b = steps[Math.floor(random() * steps.length)] ?? '';
    if (a === b || joined.has(`${a}>${b}`)) continue;
    joined.add(`${a}>${b}`);
    const flow = await call<{ flow: { id: string } }>('flow.add', { processId, sourceId: a, targetId: b, label: `f-${counter}` });
    ack(`FLOW ${flow.flow.id}`);
  }
}
