import { randomUUID } from 'node:crypto';
import type { ClipboardPayload } from '../core/clipboard';
import { ShoshinError } from '../core/errors';
import { msg } from '../core/messages';
import { STEP_GAP_X } from '../core/geometry';
import { rightEdge } from '../core/layout';
import { CLIPBOARD_STEP_KEYS, newRecord, type Step } from '../core/records';
import type { Tx } from './journal';
import { laneByName } from './lanes';

/**
 * Pastes copied steps and their flows into a process as new steps: lanes are matched by name (created
 * where missing), the group keeps its shape and lands to the right of what is already drawn.
 */
export function pasteSteps(tx: Tx, processId: string, payload: ClipboardPayload): Step[] {
  tx.require('processes', processId, 'process');
  const refs = new Set(payload.steps.map((s) => s.ref));
  if (refs.size !== payload.steps.length) throw new ShoshinError('invalid_input', msg('error.paste.repeatedRef'));
  for (const f of payload.flows) {
    if (!refs.has(f.from) || !refs.has(f.to)) throw new ShoshinError('invalid_input', msg('error.paste.flowOutside'));
  }
  const existing = tx.all('steps', { processId });
  const left = Math.min(...payload.steps.map((s) => s.x));
  const shift = rightEdge(existing) + STEP_GAP_X - left;
  const ids = new Map<string, string>();
  const created = payload.steps.map((s) => {
    const id = randomUUID();
    ids.set(s.ref, id);
    const fields = Object.fromEntries(CLIPBOARD_STEP_KEYS.map((key) => [key, s[key]])) as Pick<Step, (typeof CLIPBOARD_STEP_KEYS)[number]>;
    return tx.insert(
      'steps',
      newRecord('steps', { ...fields, id, processId, laneId: s.laneName ? laneByName(tx, processId, s.laneName).id : null, x: Math.round(s.x + shift) }),
    );
  });
  for (const f of payload.flows) {
    tx.insert('flows', { id: randomUUID(), processId, sourceId: ids.get(f.from) ?? '', targetId: ids.get(f.to) ?? '', label: f.label });
  }
  return created;
}
