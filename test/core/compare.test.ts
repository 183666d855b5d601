import { describe, expect, it } from 'vitest';
import { compareProcesses, similarity, type CompareSide } from '../../core/compare';
import { defaultsOf } from '../../core/records';
import type { StepKind } from '../../core/vocabulary';

/** A process from "Lane: text" lines connected in order, plus extra flows by text. */
function side(name: string, lines: string[], extra: [string, string][] = []): CompareSide {
  const lanes = [...new Set(lines.map((l) => l.split(':')[0] as string))].map((lane, position) => ({ ...defaultsOf('lanes'), id: `${name}-lane-${lane}`, processId: name, name: lane, position }));
  const steps = lines.map((line, i) => {
    const [lane, text = ''] = line.split(':').map((s) => s.trim());
    const kind: StepKind = text === '' ? (i === 0 ? 'start' : 'end') : text.endsWith('?') ? 'decision' : 'activity';
    return { ...defaultsOf('steps'), id: `${name}-${i}`, processId: name, laneId: `${name}-lane-${lane}`, kind, text, x: i * 200, y: 40 };
  });
  const id = (text: string) => steps.find((s) => s.text === text)?.id ?? '';
  const flows = [
    ...steps.slice(1).map((s, i) => ({ ...defaultsOf('flows'), id: `${name}-f${i}`, processId: name, sourceId: steps[i]?.id ?? '', targetId: s.id, label: '' })),
    ...extra.map(([from, to], i) => ({ ...defaultsOf('flows'), id: `${name}-x${i}`, processId: name, sourceId: id(from), targetId: id(to), label: '' })),
  ];
  return { lanes, steps, flows };
}

const documented = side('doc', ['Clerk:', 'Clerk: Receive invoice', 'Clerk: Check purchase order', 'Approver: Approve invoice', 'Clerk: Pay supplier', 'Clerk:']);
const observed = side(
  'obs',
  ['Clerk:', 'Clerk: Receive invoices by email', 'Clerk: Pay the supplier', 'Manager: Approve invoice', 'Clerk: Chase missing PO', 'Finance: Post to ledger', 'Clerk:'],
  [['Chase missing PO', 'Receive invoices by email']],
);

const text = (s: CompareSide, id: string) => s.steps.find((st) => st.id === id)?.text;

describe('documented versus observed', () => {
  it('reads steps that say the same thing as alike, and different ones as different', () => {
    expect(similarity('Pay supplier', 'Pay the supplier')).toBe(1);
    expect(similarity('Receive invoice', 'Receive invoices by email')).toBeGreaterThan(0.6);
    expect(similarity('Check purchase order', 'Chase missing PO')).toBeLessThan(0.5);
    expect(similarity('', 'Anything')).toBe(0);
  });

  it('matches a pair with known differences: not documented, not done, another role, another order, extra handoffs and a loop', () => {
    const c = compareProcesses(documented, observed);
    expect(c.pairs.map((p) => [text(documented, p.documentedId), text(observed, p.observedId)])).toEqual([
      ['Receive invoice', 'Receive invoices by email'],
      ['Approve invoice', 'Approve invoice'],
      ['Pay supplier', 'Pay the supplier'],
    ]);
    expect(c.notDone.map((id) => text(documented, id))).toEqual(['Check purchase order']);
    expect(c.notDocumented.map((id) => text(observed, id))).toEqual(['Chase missing PO', 'Post to ledger']);
    expect(c.otherRole.map((r) => [text(documented, r.documentedId), r.documentedLane, r.observedLane])).toEqual([['Approve invoice', 'Approver', 'Manager']]);
    expect(c.otherOrder.map((p) => text(documented, p.documentedId))).toEqual(['Approve invoice']);
    expect(c.handoffs).toEqual({ documented: 2, observed: 4 });
    expect(c.loops).toEqual({ documented: 0, observed: 1 });
  });

  it('takes the consultant’s corrections over the automatic matching: a pair set by hand, a step said to have no counterpart', () => {
    const id = (s: CompareSide, t: string) => s.steps.find((st) => st.text === t)?.id ?? null;
    const c = compareProcesses(documented, observed, [
      { documentedStepId: id(documented, 'Check purchase order'), observedStepId: id(observed, 'Chase missing PO') },
      { documentedStepId: id(documented, 'Approve invoice'), observedStepId: null },
    ]);
    expect(c.pairs.find((p) => p.corrected)).toMatchObject({ documentedId: id(documented, 'Check purchase order'), observedId: id(observed, 'Chase missing PO'), score: 1 });
    expect(c.notDone.map((sid) => text(documented, sid))).toEqual(['Approve invoice']);
    expect(c.notDocumented.map((sid) => text(observed, sid))).toEqual(['Approve invoice', 'Post to ledger']);
    expect(c.otherRole).toEqual([]);
  });
});
