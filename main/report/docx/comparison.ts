import { formatMinutes, formatPercent, type Measure } from '../../../core/metrics';
import { clip, oneLine } from '../../../core/xml';
import type { ReportContext } from './context';
import { PORTRAIT_WIDTH } from './pages';
import { MUTED } from './styles';
import { table } from './tables';
import { para } from './text';

export function writeComparison(ctx: ReportContext): void {
  const { data } = ctx.input;
  if (!ctx.chapterOf('Comparison of processes', data.processes, 'No processes have been mapped yet.')) return;
  ctx.add('portrait', para('Times are along each process’s main path, from start to end, and are shown only where every step on the way has its timings.', { after: 120, keepNext: true }));
  const rows = data.processes.map((v) => {
    const m = data.metrics.get(v.process.id);
    const known = (x: Measure | undefined, f: (n: number) => string) => (x && x.value !== null ? f(x.value) : '–');
    return [
      clip(oneLine(v.process.name) || 'Untitled process', 200),
      String(m?.stepCount ?? v.steps.length),
      String(m?.handoffs ?? 0),
      String(m?.reworkLoops.length ?? 0),
      known(m?.leadTime, formatMinutes),
      known(m?.workTime, formatMinutes),
      known(m?.cycleEfficiency, formatPercent),
      String(m?.painPointCount ?? 0),
      String(m?.votes ?? 0),
    ];
  });
  ctx.add(
    'portrait',
    table(['Process', 'Steps', 'Hand-offs', 'Rework loops', 'Lead time', 'Work time', 'Efficiency', 'Pain points', 'Votes'], rows, [4, 1.3, 1.6, 1.6, 2, 2, 1.8, 1.6, 1.3], PORTRAIT_WIDTH, new Set([1, 2, 3, 4, 5, 6, 7, 8])),
  );
  const incomplete = data.processes.filter((v) => data.metrics.get(v.process.id)?.leadTime.value === null);
  if (incomplete.length > 0) {
    ctx.add('portrait', para(`“–”: timings are not complete yet for ${incomplete.map((v) => oneLine(v.process.name) || 'Untitled process').join(', ')}; each process’s metrics say which steps lack them.`, { color: MUTED, size: 18, before: 120 }));
  }
}
