import { AlignmentType, ImageRun, Paragraph } from 'docx';
import { HORIZON_LABELS } from '../../../core/labels';
import { format, joinList, msg, say, type MessageKey } from '../../../core/messages';
import { renderImpactEffortMatrix } from '../../../core/matrix';
import { clip, oneLine } from '../../../core/xml';
import { fallbackWidth, svgToPng } from '../images';
import type { ReportContext } from './context';
import { PORTRAIT_WIDTH, TWIPS_PER_PX } from './pages';
import { MUTED } from './styles';
import { table } from './tables';
import { heading, para, runs, score } from './text';

const COLUMNS: readonly MessageKey[] = [
  'report.opportunities.numberHeader',
  'report.opportunities.opportunityHeader',
  'report.opportunities.impactHeader',
  'report.opportunities.effortHeader',
  'report.opportunities.horizonHeader',
  'report.opportunities.ownerHeader',
  'report.opportunities.addressesHeader',
];

export function writeOpportunities(ctx: ReportContext): void {
  const { data } = ctx.input;
  if (!ctx.chapterOf(say('report.opportunities.title'), data.opportunities, say('report.opportunities.none'))) return;
  ctx.add('portrait', heading(say('report.opportunities.impactAndEffort'), 2));
  // "Password reset #1, #2; Order laptop #1": one process name per group of numbers.
  const refs = (ids: readonly string[]) => {
    const groups = new Map<string, number[]>();
    for (const id of ids) {
      const r = ctx.registerById.get(id);
      if (r) groups.set(oneLine(r.processName), [...(groups.get(oneLine(r.processName)) ?? []), r.number]);
    }
    const each = [...groups].map(([name, numbers]) =>
      msg('report.opportunities.painPointsIn', { process: name, numbers: joinList(numbers.sort((a, b) => a - b).map((number) => msg('report.opportunities.painPointNumber', { number }))) }),
    );
    return format(joinList(each, 'list.semicolon')) || '–';
  };
  const items = data.opportunities
    .map((o, i) => ({ number: i + 1, impact: o.impact, effort: o.effort }))
    .filter((o): o is { number: number; impact: number; effort: number } => o.impact !== null && o.effort !== null);
  const matrix = renderImpactEffortMatrix(items);
  const width = Math.round((PORTRAIT_WIDTH / TWIPS_PER_PX) * 0.62);
  const height = Math.round((matrix.height / matrix.width) * width);
  ctx.add(
    'portrait',
    para(say('report.opportunities.matrixIntro'), { after: 120, keepNext: true }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      children: [
        new ImageRun({
          type: 'svg',
          data: Buffer.from(matrix.svg, 'utf8'),
          fallback: { type: 'png', data: svgToPng(matrix.svg, fallbackWidth(width)) },
          transformation: { width, height },
          altText: {
            name: say('report.opportunities.matrixName'),
            title: say('report.opportunities.matrixName'),
            description: say(items.length === 1 ? 'report.opportunities.matrixAlt.one' : 'report.opportunities.matrixAlt.other', { count: items.length }),
          },
        }),
      ],
    }),
    new Paragraph({ style: 'Caption', children: runs(say('report.opportunities.matrixCaption')) }),
  );
  ctx.add(
    'portrait',
    heading(say('report.opportunities.detail'), 2),
    table(
      COLUMNS.map((key) => say(key)),
      data.opportunities.map((o, i) => [
        String(i + 1),
        [para(clip(oneLine(o.title) || say('report.opportunities.untitled'), 300), { bold: true }), ...(o.description.trim() ? [para(clip(o.description.trim(), 5000), { color: MUTED })] : [])],
        score(o.impact),
        score(o.effort),
        o.horizon ? HORIZON_LABELS[o.horizon] : '–',
        clip(ctx.names.free(o.owner), 200) || '–',
        clip(refs(o.painPointIds), 600),
      ]),
      [0.7, 7, 1.4, 1.4, 1.8, 2.4, 3],
      PORTRAIT_WIDTH,
      new Set([0, 2, 3]),
    ),
  );
}
