import type { FileChild } from 'docx';
import type { ReportOptions, ReportSection } from '../../../core/ipc/report';
import { say } from '../../../core/messages';
import type { Step } from '../../../core/model';
import type { RegisterRow } from '../../../core/register';
import { oneLine } from '../../../core/xml';
import type { ReportData } from '../data';
import type { LogoImage } from '../images';
import type { ReportTemplate } from '../template';
import { PeopleNames } from '../people';
import type { DiagramPart, DiagramPlan } from './diagrams';
import type { Block, Orientation, PageSetup } from './pages';
import { headingColor } from './styles';
import { heading, muted } from './text';
import { type Message } from '../../../core/messages';

export type Progress = (phase: Message, percent: number) => void;

export interface ReportInput {
  data: ReportData;
  options: ReportOptions;
  logo: LogoImage | null;
  /** The date printed on the cover. */
  date: Date;
  author: { consultant: string; company: string } | null;
  /** The firm's template the report takes its look from, if the consultant chose one. */
  template: ReportTemplate | null;
  /** The document's language tag, as Word's spelling and hyphenation read it. */
  language: string;
}

/** What every chapter reads (the data, the options, how people are named) and the pages they write to, in order. */
export class ReportContext {
  readonly blocks: Block[] = [];
  readonly names: PeopleNames;
  /** Headings and accents: the brand colour where it reads on white, otherwise the text colour. */
  readonly brand: string;
  readonly sections: Set<ReportSection>;
  readonly stepById = new Map<string, Step>();
  readonly sessionName = new Map<string, string>();
  readonly registerById = new Map<string, RegisterRow>();

  constructor(
    readonly input: ReportInput,
    readonly drawn: { plans: Map<string, DiagramPlan>; standIns: Map<DiagramPart, Buffer> },
    /** The paper the report is printed on: A4 or a firm template's, and A3 maps when asked for. */
    readonly pages: PageSetup,
  ) {
    const { data, options } = input;
    this.names = new PeopleNames(data.people, options.anonymise);
    this.brand = headingColor(options.brandColor);
    this.sections = new Set(options.sections);
    for (const v of data.processes) for (const s of v.steps) this.stepById.set(s.id, s);
    for (const s of data.sessions) this.sessionName.set(s.id, oneLine(s.name));
    for (const r of data.register) this.registerById.set(r.id, r);
  }

  add(orientation: Orientation, ...children: FileChild[]): void {
    const last = this.blocks[this.blocks.length - 1];
    if (last && last.orientation === orientation) last.children.push(...children);
    else this.blocks.push({ orientation, children: [...children] });
  }

  /** A chapter starts on a new page; at the top of a new section it already does. */
  chapter(text: string, orientation: Orientation = 'portrait'): void {
    const last = this.blocks[this.blocks.length - 1];
    const startsSection = !last || last.orientation !== orientation;
    this.add(orientation, heading(text, 1, !startsSection));
  }

  /** A portrait chapter about `items`: false, after a sentence saying so (`none`), when there are none. */
  chapterOf(text: string, items: readonly unknown[], none: string): boolean {
    this.chapter(text);
    if (items.length > 0) return true;
    this.add('portrait', muted(none));
    return false;
  }

  clientName(): string {
    const e = this.input.data.engagement;
    return oneLine(e.client) || oneLine(e.name) || say('report.discoveryReport');
  }
}
