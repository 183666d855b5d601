import { describe, expect, it } from 'vitest';
import type { CompareSide } from '../../core/compare';
import { defaultsOf, type StepMatch } from '../../core/records';
import type { StepKind } from '../../core/vocabulary';
import { comparisonView, differs, type MatchRow } from '../../renderer/src/documented/rows';

/** A process from "Lane: text" lines connected in order, plus extra flows by text. */
function side(name: string, lines: string[], extra: [string, string][] = []): CompareSide {
  const lanes = [...new Set(lines.map((l) => l.split(':')[0] as string))].map((lane, position) => ({ ...defaultsOf('lanes'), id: `${name}-lane-${lane}`, processId: name, name: lane, position }));
  const steps = lines.map((line, i) => {
    const [lane, text = ''] = line.split(':').map((s) => s.trim());
    const kind: StepKind = text === '' ? (i === 0 ? 'start' : 'end') : 'activity';
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

const shown = (rows: MatchRow[]) => rows.map((r) => [r.documented?.text ?? '–', r.observed?.text ?? '–', r.otherRole ? 'role' : '', r.otherOrder ? 'order' : '', r.corrected ? 'corrected' : ''].join(' | '));

describe('the documented-versus-observed table', () => {
  it('lists the documented steps in the procedure’s order beside their counterparts, and each step only people showed after the observed step it follows', () => {
    const { rows } = comparisonView(documented, observed, []);
    expect(shown(rows)).toEqual([
      'Receive invoice | Receive invoices by email |  |  | ',
      'Check purchase order | – |  |  | ',
      'Approve invoice | Approve invoice | role | order | ',
      'Pay supplier | Pay the supplier |  |  | ',
      '– | Chase missing PO |  |  | ',
      '– | Post to ledger |  |  | ',
    ]);
    expect(rows.filter(differs).map((r) => r.documented?.text ?? r.observed?.text)).toEqual(['Check purchase order', 'Approve invoice', 'Chase missing PO', 'Post to ledger']);
  });

  it('marks the rows a correction touches, so Automatic can hand them back', () => {
    const correction = (documentedStepId: string | null, observedStepId: string | null): StepMatch => ({ id: `m-${documentedStepId}-${observedStepId}`, processId: 'doc', documentedStepId, observedStepId });
    const { rows } = comparisonView(documented, observed, [correction('doc-2', 'obs-4'), correction(null, 'obs-5')]);
    expect(shown(rows)).toEqual([
      'Receive invoice | Receive invoices by email |  |  | ',
      'Check purchase order | Chase missing PO |  | order | corrected',
      'Approve invoice | Approve invoice | role | order | ',
      'Pay supplier | Pay the supplier |  |  | ',
      '– | Post to ledger |  |  | corrected',
    ]);
    expect(rows[1]?.pair?.corrected).toBe(true);
  });
});
