import { AlignmentType, ImageRun, Paragraph } from 'docx';
import { HORIZON_LABELS } from '../../../core/csv';
import { renderImpactEffortMatrix } from '../../../core/matrix';
import { clip, oneLine } from '../../../core/xml';
import { fallbackWidth, svgToPng } from '../images';
import type { ReportContext } from './context';
import { PORTRAIT_WIDTH, TWIPS_PER_PX } from './pages';
import { MUTED } from './styles';
import { table } from './tables';
import { heading, para, plural, runs, score } from './text';

export function writeOpportunities(ctx: ReportContext): void {
  const { data } = ctx.input;
  if (!ctx.chapterOf('Opportunities', data.opportunities, 'No improvement opportunities have been recorded yet.')) return;
  ctx.add('portrait', heading('Impact and effort', 2));
  // "Password reset #1, #2; Order laptop #1": one process name per group of numbers.
  const refs = (ids: readonly string[]) => {
    const groups = new Map<string, number[]>();
    for (const id of ids) {
      const r = ctx.registerById.get(id);
      if (r) groups.set(oneLine(r.processName), [...(groups.get(oneLine(r.processName)) ?? []), r.number]);
    }
    return [...groups].map(([name, numbers]) => `${name} ${numbers.sort((a, b) => a - b).map((n) => `#${n}`).join(', ')}`).join('; ') || '–';
  };
  const items = data.opportunities
    .map((o, i) => ({ number: i + 1, impact: o.impact, effort: o.effort }))
    .filter((o): o is { number: number; impact: number; effort: number } => o.impact !== null && o.effort !== null);
  const matrix = renderImpactEffortMatrix(items);
  const width = Math.round((PORTRAIT_WIDTH / TWIPS_PER_PX) * 0.62);
  const height = Math.round((matrix.height / matrix.width) * width);
  ctx.add(
    'portrait',
    para('Each number is an opportunity from the table below, placed by its impact and effort scores (1 to 5).', { after: 120, keepNext: true }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      children: [
        new ImageRun({
          type: 'svg',
          data: Buffer.from(matrix.svg, 'utf8'),
          fallback: { type: 'png', data: svgToPng(matrix.svg, fallbackWidth(width)) },
          transformation: { width, height },
          altText: { name: 'Impact and effort matrix', title: 'Impact and effort matrix', description: `${plural(items.length, 'opportunity', 'opportunities')} placed by impact and effort.` },
        }),
      ],
    }),
    new Paragraph({ style: 'Caption', children: runs('Figure: impact and effort of the opportunities. Top left are the quick wins.') }),
  );
  ctx.add(
    'portrait',
    heading('Opportunities in detail', 2),
    table(
      ['#', 'Opportunity', 'Impact', 'Effort', 'Horizon', 'Owner', 'Addresses'],
      data.opportunities.map((o, i) => [
        String(i + 1),
        [para(clip(oneLine(o.title) || 'Untitled opportunity', 300), { bold: true }), ...(o.description.trim() ? [para(clip(o.description.trim(), 5000), { color: MUTED })] : [])],
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
