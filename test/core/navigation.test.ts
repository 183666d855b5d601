import { describe, expect, it } from 'vitest';
import { storyOrder } from '../../core/navigation';
import type { StepKind } from '../../core/model';

let ids = 0;
function step(text: string, kind: StepKind = 'activity') {
  return { id: `${text}#${++ids}`, kind, text };
}
function flow(source: { id: string }, target: { id: string }) {
  return { id: `f${++ids}`, sourceId: source.id, targetId: target.id };
}
const texts = (order: string[], steps: { id: string; text: string }[]) => order.map((id) => steps.find((s) => s.id === id)?.text);

describe('the order a walk-through tells a process', () => {
  it('tells each branch to its end, and a step where branches meet only after all of them', () => {
    const start = step('start', 'start');
    const check = step('verified?', 'decision');
    const yes1 = step('reset');
    const yes2 = step('send password');
    const no1 = step('ask manager');
    const join = step('close ticket');
    const end = step('end', 'end');
    // Drawn out of order, so drawing order alone would not give the story.
    const steps = [join, no1, end, yes2, check, yes1, start];
    const flows = [flow(start, check), flow(check, yes1), flow(check, no1), flow(yes1, yes2), flow(yes2, join), flow(no1, join), flow(join, end)];
    expect(texts(storyOrder({ steps, flows }), steps)).toEqual(['start', 'verified?', 'reset', 'send password', 'ask manager', 'close ticket', 'end']);
  });

  it('does not follow a flow back round a rework loop, and still tells every step once', () => {
    const start = step('start', 'start');
    const log = step('log');
    const check = step('check');
    const fix = step('fix');
    const end = step('end', 'end');
    const loose = step('note on its own');
    const steps = [start, log, check, fix, end, loose];
    const flows = [flow(start, log), flow(log, check), flow(check, fix), flow(fix, log), flow(check, end)];
    const order = storyOrder({ steps, flows });
    expect(texts(order, steps)).toEqual(['start', 'log', 'check', 'fix', 'end', 'note on its own']);
    expect(new Set(order).size).toBe(steps.length);
  });

  it('walks a 5,000-step chain without overflowing the stack', () => {
    const steps = Array.from({ length: 5000 }, (_, i) => step(`s${i}`));
    const flows = steps.slice(1).map((s, i) => flow(steps[i] as { id: string }, s));
    expect(storyOrder({ steps, flows })).toHaveLength(5000);
  });
});
