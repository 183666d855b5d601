import type { ParagraphChild } from 'docx';
import { FOUR_P_LABELS } from '../../../core/labels';
import { format, joinList, say } from '../../../core/messages';
import { clip } from '../../../core/xml';
import type { ReportContext } from './context';
import { MUTED } from './styles';
import { para, run, runs } from './text';

export function writeObservations(ctx: ReportContext): void {
  const { data } = ctx.input;
  if (!ctx.chapterOf(say('report.observations.title'), data.observations, say('report.observations.none'))) return;
  for (const o of data.observations) {
    const source = format(joinList([o.personId ? ctx.names.name(o.personId) : '', o.sessionId ? (ctx.sessionName.get(o.sessionId) ?? '') : ''].filter(Boolean)));
    const children: ParagraphChild[] = [];
    if (o.fourP) children.push(run(`${say('report.observations.label', { label: FOUR_P_LABELS[o.fourP] })} `, { bold: true, color: ctx.brand }));
    children.push(...runs(o.text.trim()));
    if (source) children.push(run(` ${say('report.observations.source', { source: clip(source, 300) })}`, { color: MUTED }));
    ctx.add('portrait', para(children, { after: 160 }));
  }
}
