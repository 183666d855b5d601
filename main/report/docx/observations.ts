import type { ParagraphChild } from 'docx';
import { FOUR_P_LABELS } from '../../../core/csv';
import { clip } from '../../../core/xml';
import type { ReportContext } from './context';
import { MUTED } from './styles';
import { para, run, runs } from './text';

export function writeObservations(ctx: ReportContext): void {
  const { data } = ctx.input;
  if (!ctx.chapterOf('Observations', data.observations, 'No observations were recorded.')) return;
  for (const o of data.observations) {
    const source = [o.personId ? ctx.names.name(o.personId) : '', o.sessionId ? (ctx.sessionName.get(o.sessionId) ?? '') : ''].filter(Boolean).join(', ');
    const children: ParagraphChild[] = [];
    if (o.fourP) children.push(run(`${FOUR_P_LABELS[o.fourP]}: `, { bold: true, color: ctx.brand }));
    children.push(...runs(o.text.trim()));
    if (source) children.push(run(` (${clip(source, 300)})`, { color: MUTED }));
    ctx.add('portrait', para(children, { after: 160 }));
  }
}
