import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { format, msg } from '../../core/messages';
import type { PainPoint, Process, ProcessView, Step } from '../../core/model';
import { addFlow } from '../../db/flows';
import { createLane } from '../../db/lanes';
import { createProcess } from '../../db/processes';
import { processViewOf } from '../helpers';
import { addStep, deleteStep, updateStep } from '../../db/steps';
import { EngagementStore } from '../../db/store';
import { cleanTempDirs, newStore } from '../helpers';

let store: EngagementStore;
let process: Process;
let laneId: string;

beforeEach(() => {
  store = newStore();
  process = store.command('process.create', msg('undo.process.add', { name: 'Incident intake' }), (tx) => createProcess(tx, { name: 'Incident intake' })).value;
  laneId = store.command('lane.create', msg('undo.lane.add', { name: 'Service desk' }), (tx) => createLane(tx, { processId: process.id, name: 'Service desk' })).value.id;
});

afterEach(() => {
  store.close();
  cleanTempDirs();
});

const view = (): ProcessView => processViewOf(store.db, process.id);

function add(text: string, after?: string): Step {
  const input = { processId: process.id, laneId, text, x: 100, y: 100, ...(after ? { after } : {}) };
  return store.command('step.add', msg('undo.step.add'), (tx) => addStep(tx, input)).value.step;
}

/** Views ignoring row order: a row re-inserted by undo gets a new rowid (see the ordering test below). */
function unordered(v: ProcessView): ProcessView {
  const byId = <T extends { id: string }>(items: T[]): T[] => [...items].sort((a, b) => a.id.localeCompare(b.id));
  return { ...v, steps: byId(v.steps), flows: byId(v.flows), painPoints: byId(v.painPoints) };
}

function edges(v: ProcessView): string[] {
  const text = new Map(v.steps.map((s) => [s.id, s.text]));
  return v.flows.map((f) => `${text.get(f.sourceId)}->${text.get(f.targetId)}${f.label ? `:${f.label}` : ''}`).sort();
}

function painPoint(target: { kind: PainPoint['targetKind']; id: string }, number: number): PainPoint {
  const record: PainPoint = {
    id: randomUUID(),
    processId: process.id,
    targetKind: target.kind,
    targetId: target.id,
    number,
    text: `Pain ${number}`,
    raisedBy: null,
    sessionId: null,
    waste: 'waiting',
    fourP: null,
    severity: 3,
    frequency: 'daily',
    notes: '',
  };
  return store.command('pain.add', msg('undo.painPoint.add'), (tx) => tx.insert('pain_points', record)).value;
}

describe('undo journal', () => {
  it('undoes every command back to the start and redoes it all forward, exactly', () => {
    const snapshots: ProcessView[] = [view()];
    const a = add('Call arrives');
    snapshots.push(view());
    const b = add('Log ticket', a.id);
    snapshots.push(view());
    const c = add('Assign', b.id);
    snapshots.push(view());
    store.command('step.update', msg('undo.step.name', { text: 'Log ticket in tool' }), (tx) => updateStep(tx, b.id, { text: 'Log ticket in tool', x: 240, workMinutes: 5 }));
    snapshots.push(view());
    store.command('step.delete', msg('undo.step.delete'), (tx) => deleteStep(tx, b.id));
    snapshots.push(view());
    store.command('flow.add', msg('undo.flow.add'), (tx) => addFlow(tx, { processId: process.id, sourceId: c.id, targetId: a.id, label: 'reopened' }));
    snapshots.push(view());

    expect(edges(view())).toEqual(['Assign->Call arrives:reopened', 'Call arrives->Assign']);

    for (let i = snapshots.length - 2; i >= 0; i--) {
      expect(store.undo().journalId).not.toBeNull();
      expect(unordered(view())).toEqual(unordered(snapshots[i] as ProcessView));
    }
    for (let i = 1; i < snapshots.length; i++) {
      expect(store.redo().journalId).not.toBeNull();
      expect(unordered(view())).toEqual(unordered(snapshots[i] as ProcessView));
    }
    expect(store.redo().journalId).toBeNull();
  });

  it('undo of a field edit restores the step exactly, including order', () => {
    const a = add('Call arrives');
    add('Log ticket', a.id);
    const before = view();
    store.command('step.update', msg('undo.step.move'), (tx) => updateStep(tx, a.id, { x: 999, y: -40, system: 'ServiceNow', waitMinutes: 30 }));
    expect(view()).not.toEqual(before);
    store.undo();
    expect(view()).toEqual(before);
  });

  // Fails today: applyRow re-inserts a deleted row without its old rowid, and getProcessView orders steps and flows by rowid.
  it('undo of a step deletion puts the step back in its original order', () => {
    const a = add('Call arrives');
    const b = add('Log ticket', a.id);
    add('Assign', b.id);
    const before = view();
    store.command('step.delete', msg('undo.step.delete'), (tx) => deleteStep(tx, b.id));
    store.undo();
    expect(view()).toEqual(before);
  });

  it('deleting a step joins its predecessor to its successor, in one undoable change', () => {
    const a = add('Call arrives');
    const b = add('Log ticket', a.id);
    add('Assign', b.id);
    const before = view();

    const result = store.command('step.delete', msg('undo.step.delete'), (tx) => deleteStep(tx, b.id));
    expect(result.changes.map((c) => `${c.table}:${c.before ? 'before' : ''}>${c.after ? 'after' : ''}`).sort()).toEqual(
      ['flows:before>', 'flows:before>', 'flows:>after', 'steps:before>'].sort(),
    );
    expect(view().steps.map((s) => s.text)).toEqual(['Call arrives', 'Assign']);
    expect(edges(view())).toEqual(['Call arrives->Assign']);

    store.undo();
    expect(unordered(view())).toEqual(unordered(before));
  });

  it('a new command after undo discards the redo branch', () => {
    const a = add('Call arrives');
    add('Log ticket', a.id);
    add('Assign');
    store.undo();
    store.undo();
    expect(store.history()).toMatchObject({ canUndo: true, canRedo: true, redoLabel: msg('undo.step.add') });

    add('Escalate', a.id);
    const after = view();
    expect(store.history().canRedo).toBe(false);
    expect(store.redo().journalId).toBeNull();
    expect(view()).toEqual(after);
    expect(view().steps.map((s) => s.text)).toEqual(['Call arrives', 'Escalate']);
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM journal WHERE undone = 1').get()).toEqual({ n: 0 });
  });

  it('keeps undo and redo history across closing and reopening the file', () => {
    const a = add('Call arrives');
    const withA = view();
    add('Log ticket', a.id);
    const withB = view();
    store.command('step.update', msg('undo.step.name', { text: 'Email arrives' }), (tx) => updateStep(tx, a.id, { text: 'Email arrives' }));
    store.undo();
    const history = store.history();
    expect(history).toEqual({ canUndo: true, canRedo: true, undoLabel: msg('undo.step.add'), redoLabel: msg('undo.step.name', { text: 'Email arrives' }) });

    store.close();
    store = EngagementStore.open(store.path);
    expect(store.history()).toEqual(history);
    expect(view()).toEqual(withB);

    store.undo();
    expect(view()).toEqual(withA);
    store.redo();
    store.redo();
    expect(view().steps.map((s) => s.text)).toEqual(['Email arrives', 'Log ticket']);
    expect(store.history()).toMatchObject({ canRedo: false, undoLabel: msg('undo.step.name', { text: 'Email arrives' }) });
  });

  it('deleting a step keeps its pain points, re-pinned to the process, and undo pins them back', () => {
    const a = add('Call arrives');
    const b = add('Log ticket', a.id);
    const inFlow = view().flows[0];
    expect(inFlow).toBeDefined();
    const onStep = painPoint({ kind: 'step', id: b.id }, 1);
    const onFlow = painPoint({ kind: 'flow', id: inFlow?.id ?? '' }, 2);
    const before = view();

    store.command('step.delete', msg('undo.step.delete'), (tx) => deleteStep(tx, b.id));
    const pains = view().painPoints;
    expect(pains.map((p) => p.id)).toEqual([onStep.id, onFlow.id]);
    for (const pain of pains) expect(pain).toMatchObject({ targetKind: 'process', targetId: process.id, severity: 3, waste: 'waiting' });

    store.undo();
    expect(unordered(view())).toEqual(unordered(before));
    expect(view().painPoints.map((p) => [p.targetKind, p.targetId])).toEqual([
      ['step', b.id],
      ['flow', inFlow?.id],
    ]);
  });

  it('journals nothing for a command that changes nothing, and undo with no history is a no-op', () => {
    const count = (): unknown => store.db.prepare('SELECT COUNT(*) AS n FROM journal').get();
    const before = count();
    expect(store.command('noop', msg('undo.step.editDetails'), () => 42)).toMatchObject({ value: 42, changes: [], journalId: null });
    expect(count()).toEqual(before);

    const empty = newStore();
    try {
      expect(empty.undo()).toMatchObject({ value: null, changes: [], journalId: null });
      expect(empty.history()).toEqual({ canUndo: false, canRedo: false, undoLabel: null, redoLabel: null });
    } finally {
      empty.close();
    }
  });

  it('stores labels as messages, and reads the plain words older files hold (or anything else) as they are', () => {
    add('Call arrives');
    const stored = store.db.prepare('SELECT label FROM journal ORDER BY id DESC LIMIT 1').get() as { label: string };
    expect(JSON.parse(stored.label)).toEqual({ key: 'undo.step.add' });

    // A journal row as Shoshin wrote it before labels were messages: the English words themselves.
    store.db.prepare("UPDATE journal SET label = 'Add step “Call arrives”' WHERE id = (SELECT MAX(id) FROM journal)").run();
    const legacy = store.history().undoLabel;
    expect(legacy).toEqual(msg('undo.legacy', { text: 'Add step “Call arrives”' }));
    expect(legacy && format(legacy)).toBe('Add step “Call arrives”');

    // Someone else's file: JSON that is not one of our messages is shown as the text it is.
    for (const label of ['{"key":"undo.nope"}', '{"key":"undo.step.name","values":{"text":{"key":"x"}}}', '{"key":"undo.step.add","extra":1}', '[1]', '42']) {
      store.db.prepare('UPDATE journal SET label = ? WHERE id = (SELECT MAX(id) FROM journal)').run(label);
      expect(store.history().undoLabel).toEqual(msg('undo.legacy', { text: label }));
    }
    store.db.prepare('UPDATE journal SET label = ? WHERE id = (SELECT MAX(id) FROM journal)').run(JSON.stringify(msg('undo.step.name', { text: '{count}' })));
    const named = store.history().undoLabel;
    expect(named && format(named)).toBe('Name step “{count}”');
  });

  it('rolls back a command that throws, journalling nothing', () => {
    const a = add('Call arrives');
    const before = view();
    const count = store.db.prepare('SELECT COUNT(*) AS n FROM journal').get();
    expect(() =>
      store.command('step.add', msg('undo.step.add'), (tx) => {
        addStep(tx, { processId: process.id, x: 0, y: 0, after: a.id });
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(view()).toEqual(before);
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM journal').get()).toEqual(count);
  });
});
