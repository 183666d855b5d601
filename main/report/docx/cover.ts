import { BorderStyle, Footer, Header, ImageRun, Paragraph, TableOfContents, type FileChild, type ISectionOptions } from 'docx';
import { say } from '../../../core/messages';
import { wordColor } from '../../../core/palette';
import { clip, oneLine, xmlSafe } from '../../../core/xml';
import type { ReportContext } from './context';
import { sectionPage } from './pages';
import { MUTED, PAIN } from './styles';
import { para, run, runs } from './text';

/** The cover page, a section of its own, and the contents that follow it. */

export function coverSection(ctx: ReportContext): ISectionOptions {
  const { data, options, logo, date } = ctx.input;
  const e = data.engagement;
  const children: FileChild[] = [];
  if (logo) {
    const scale = Math.min(200 / logo.width, 90 / logo.height);
    const transformation = { width: Math.round(logo.width * scale), height: Math.round(logo.height * scale) };
    const logoName = say('report.cover.logo');
    const altText = { name: logoName, title: logoName, description: logoName };
    const run =
      logo.type === 'svg' && logo.fallback
        ? new ImageRun({ type: 'svg', data: logo.data, fallback: { type: 'png', data: logo.fallback }, transformation, altText })
        : new ImageRun({ type: logo.type === 'jpg' ? 'jpg' : 'png', data: logo.data, transformation, altText });
    children.push(new Paragraph({ children: [run], spacing: { after: 1200 } }));
  } else children.push(new Paragraph({ children: [], spacing: { after: 2400 } }));
  children.push(para(say('report.cover.kicker'), { bold: true, color: ctx.brand, size: 22, after: 240 }));
  children.push(new Paragraph({ style: 'Title', children: runs(clip(oneLine(e.name) || say('report.discoveryReport'), 300)) }));
  if (oneLine(e.client)) children.push(new Paragraph({ style: 'Subtitle', children: runs(clip(oneLine(e.client), 300)) }));
  children.push(new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: wordColor(options.brandColor), space: 1 } }, spacing: { after: 480 }, children: [] }));
  const facts: [string, string][] = [
    [say('report.cover.preparedFor'), oneLine(e.client) || '–'],
    [say('report.cover.preparedBy'), [oneLine(e.consultant) || oneLine(ctx.input.author?.consultant ?? ''), oneLine(ctx.input.author?.company ?? '')].filter(Boolean).join(', ') || '–'],
    // The report is written in English; an English document language picks the date's order.
    [say('report.cover.date'), new Intl.DateTimeFormat(/^en-/i.test(ctx.input.language) ? ctx.input.language : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(date)],
  ];
  for (const [label, value] of facts) {
    children.push(
      new Paragraph({
        spacing: { after: 120 },
        children: [run(`${label}  `, { color: MUTED, size: 20 }), run(clip(xmlSafe(value), 300), { size: 22, bold: true })],
      }),
    );
  }
  if (options.confidential) {
    children.push(
      para(say('report.confidential'), { bold: true, color: PAIN, size: 20, before: 1800, after: 60 }),
      para(say('report.cover.confidentialNote', { client: ctx.clientName() }), { color: MUTED, size: 18 }),
    );
  }
  const firm = ctx.input.template;
  return {
    properties: { titlePage: true, page: sectionPage(ctx.pages, 'portrait') },
    // The cover shows no header or footer of its own; a firm's template shows its own on every page.
    // A header or footer part must hold at least one paragraph, even an empty one.
    headers: firm?.header ? {} : { first: new Header({ children: [new Paragraph('')] }), default: new Header({ children: [new Paragraph('')] }) },
    footers: firm?.footer ? {} : { first: new Footer({ children: [new Paragraph('')] }), default: new Footer({ children: [new Paragraph('')] }) },
    children,
  };
}

export function writeContents(ctx: ReportContext): void {
  ctx.add(
    'portrait',
    new Paragraph({ style: 'TOCHeading', children: [run(say('report.contents.title'))] }),
    new TableOfContents(say('report.contents.title'), { hyperlink: true, headingStyleRange: '1-2' }),
  );
}
