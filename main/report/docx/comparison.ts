import { joinList, say, type MessageKey } from '../../../core/messages';
import { formatMinutes, formatPercent, type Measure } from '../../../core/metrics';
import { clip, oneLine } from '../../../core/xml';
import type { ReportContext } from './context';
import { PORTRAIT_WIDTH } from './pages';
import { MUTED } from './styles';
import { table } from './tables';
import { para } from './text';

const COLUMNS: readonly MessageKey[] = [
  'report.comparison.processHeader',
  'report.comparison.stepsHeader',
  'report.comparison.handoffsHeader',
  'report.comparison.reworkLoopsHeader',
  'report.comparison.leadTimeHeader',
  'report.comparison.workTimeHeader',
  'report.comparison.efficiencyHeader',
  'report.comparison.painPointsHeader',
  'report.comparison.votesHeader',
];

export function writeComparison(ctx: ReportContext): void {
  const { data } = ctx.input;
  if (!ctx.chapterOf(say('report.comparison.title'), data.processes, say('report.comparison.none'))) return;
  ctx.add('portrait', para(say('report.comparison.intro'), { after: 120, keepNext: true }));
  const rows = data.processes.map((v) => {
    const m = data.metrics.get(v.process.id);
    const known = (x: Measure | undefined, f: (n: number) => string) => (x && x.value !== null ? f(x.value) : '–');
    return [
      clip(oneLine(v.process.name) || say('report.untitledProcess'), 200),
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
    table(COLUMNS.map((key) => say(key)), rows, [4, 1.3, 1.6, 1.6, 2, 2, 1.8, 1.6, 1.3], PORTRAIT_WIDTH, new Set([1, 2, 3, 4, 5, 6, 7, 8])),
  );
  const incomplete = data.processes.filter((v) => data.metrics.get(v.process.id)?.leadTime.value === null);
  if (incomplete.length > 0) {
    ctx.add('portrait', para(say('report.comparison.incomplete', { processes: joinList(incomplete.map((v) => oneLine(v.process.name) || say('report.untitledProcess'))) }), { color: MUTED, size: 18, before: 120 }));
  }
}
