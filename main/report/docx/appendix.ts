import { FOUR_P_LABELS, FREQUENCY_LABELS, WASTE_LABELS } from '../../../core/labels';
import { format, say, type MessageKey } from '../../../core/messages';
import { clip, oneLine } from '../../../core/xml';
import type { ReportContext } from './context';
import { LANDSCAPE_WIDTH } from './pages';
import { quoteParagraphs } from './processes';
import { table } from './tables';
import { heading, muted, para, score } from './text';

/** The appendix: every quote, the other open questions and the whole pain-point register. */

const REGISTER_COLUMNS: readonly MessageKey[] = [
  'report.appendix.processHeader',
  'report.appendix.numberHeader',
  'report.appendix.painPointHeader',
  'report.appendix.pinnedToHeader',
  'report.appendix.raisedByHeader',
  'report.appendix.wasteHeader',
  'report.appendix.fourPsHeader',
  'report.appendix.severityHeader',
  'report.appendix.frequencyHeader',
  'report.appendix.votesHeader',
];

export function writeAppendix(ctx: ReportContext): void {
  const { data, options } = ctx.input;
  ctx.chapter(say('report.appendix.title'));
  ctx.add('portrait', heading(say('report.appendix.allQuotes'), 2));
  const quotes = [...data.processes.map((v) => ({ name: oneLine(v.process.name) || say('report.untitledProcess'), quotes: v.quotes })), { name: say('report.appendix.looseQuotes'), quotes: data.looseQuotes }];
  if (quotes.every((g) => g.quotes.length === 0)) ctx.add('portrait', muted(say('report.appendix.noQuotes')));
  for (const group of quotes) {
    if (group.quotes.length === 0) continue;
    ctx.add('portrait', heading(group.name, 3), ...group.quotes.flatMap((q) => quoteParagraphs(ctx, q)));
  }
  if (options.includeQuestions) {
    const open = data.looseQuestions.filter((q) => q.status === 'open');
    if (open.length > 0) ctx.add('portrait', heading(say('report.appendix.otherQuestions'), 2), ...open.map((q) => para(q.text.trim() || say('report.untitledQuestion'), { bullet: true })));
  }

  ctx.add('landscape', heading(say('report.appendix.register'), 2));
  if (data.register.length === 0) {
    ctx.add('landscape', muted(say('report.appendix.noPainPoints')));
    return;
  }
  ctx.add(
    'landscape',
    table(
      REGISTER_COLUMNS.map((key) => say(key)),
      data.register.map((r) => [
        clip(oneLine(r.processName), 200),
        String(r.number),
        clip(r.text.trim(), 5000),
        clip(oneLine(format(r.targetLabel)), 300),
        r.raisedBy ? clip(ctx.names.name(r.raisedBy), 200) : '–',
        r.waste ? WASTE_LABELS[r.waste] : '–',
        r.fourP ? FOUR_P_LABELS[r.fourP] : '–',
        score(r.severity),
        r.frequency ? FREQUENCY_LABELS[r.frequency] : '–',
        String(r.votes),
      ]),
      [2.6, 0.7, 7, 3.6, 2.6, 2.2, 1.8, 1.5, 1.8, 1.2],
      LANDSCAPE_WIDTH,
      new Set([1, 7, 9]),
    ),
  );
}
