/**
 * A document's styles part (word/styles.xml), read as far as laying out its pages needs: the font,
 * size and weight of text, and the spacing, indents and keep settings of paragraphs, per style, with
 * Word's order of precedence (document defaults, then table style, then paragraph style, then what
 * the paragraph itself says). Read with regular expressions over the part's text: the styles parts
 * it reads are Shoshin's own or a template's, and nothing in them is ever expanded or fetched.
 */

export interface TextFormat {
  font: string;
  /** Half-points. */
  size: number;
  bold: boolean;
  italic: boolean;
}

export interface ParagraphFormat {
  before: number;
  after: number;
  /** Line spacing: 240ths of a line for `auto`, twips otherwise. */
  line: number;
  lineRule: 'auto' | 'exact' | 'atLeast';
  keepNext: boolean;
  keepLines: boolean;
  pageBreakBefore: boolean;
  widowControl: boolean;
  contextualSpacing: boolean;
  left: number;
  right: number;
  firstLine: number;
}

export interface Format {
  paragraph: ParagraphFormat;
  text: TextFormat;
}

export interface CellMargins {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Widths of a table's horizontal borders, in twips: rows are as much taller as the lines between them. */
export interface TableRules {
  top: number;
  bottom: number;
  insideH: number;
}

type Partial2<T> = { -readonly [K in keyof T]?: T[K] };
interface StyleProps {
  paragraph: Partial2<ParagraphFormat>;
  text: Partial2<TextFormat>;
}

interface Style {
  id: string;
  type: string;
  name: string;
  basedOn: string | null;
  custom: boolean;
  props: StyleProps;
  cellMargins: Partial2<CellMargins>;
  rules: Partial2<TableRules>;
}

const OFF = new Set(['0', 'false', 'off', 'none']);

export function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\b${name}="([^"]*)"`).exec(tag);
  return match?.[1];
}

/** The first element `name` (without its prefix's colon escaped) directly in `xml`, as its opening tag and content. */
export function element(xml: string, name: string): { tag: string; content: string } | null {
  const open = new RegExp(`<${name}(?=[\\s/>])[^>]*?(/?)>`).exec(xml);
  if (!open) return null;
  if (open[1] === '/') return { tag: open[0], content: '' };
  const close = xml.indexOf(`</${name}>`, open.index);
  return { tag: open[0], content: close < 0 ? '' : xml.slice(open.index + open[0].length, close) };
}

function isOn(value: string | undefined): boolean {
  return value !== undefined && !OFF.has(value);
}

function onOff(xml: string, name: string): boolean | undefined {
  const found = element(xml, name);
  if (!found) return undefined;
  const value = attribute(found.tag, 'w:val');
  return value === undefined || !OFF.has(value);
}

function numberAttribute(tag: string | undefined, name: string): number | undefined {
  if (!tag) return undefined;
  const value = attribute(tag, name);
  if (value === undefined) return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Paragraph properties (`w:pPr` content) as far as layout goes. */
export function paragraphProps(pPr: string): Partial2<ParagraphFormat> {
  const spacing = element(pPr, 'w:spacing')?.tag;
  const ind = element(pPr, 'w:ind')?.tag;
  const rule = spacing ? attribute(spacing, 'w:lineRule') : undefined;
  const hanging = numberAttribute(ind, 'w:hanging');
  return defined({
    before: numberAttribute(spacing, 'w:before'),
    after: numberAttribute(spacing, 'w:after'),
    line: numberAttribute(spacing, 'w:line'),
    lineRule: rule === 'exact' || rule === 'atLeast' || rule === 'auto' ? rule : spacing && attribute(spacing, 'w:line') !== undefined ? 'auto' : undefined,
    keepNext: onOff(pPr, 'w:keepNext'),
    keepLines: onOff(pPr, 'w:keepLines'),
    pageBreakBefore: onOff(pPr, 'w:pageBreakBefore'),
    widowControl: onOff(pPr, 'w:widowControl'),
    contextualSpacing: onOff(pPr, 'w:contextualSpacing'),
    left: numberAttribute(ind, 'w:left') ?? numberAttribute(ind, 'w:start'),
    right: numberAttribute(ind, 'w:right') ?? numberAttribute(ind, 'w:end'),
    firstLine: hanging !== undefined ? -hanging : numberAttribute(ind, 'w:firstLine'),
  });
}

/** Run properties (`w:rPr` content) as far as layout goes; theme fonts are named through `themeFonts`. */
export function textProps(rPr: string, themeFonts: ThemeFonts): Partial2<TextFormat> {
  const fonts = element(rPr, 'w:rFonts')?.tag;
  const theme = fonts ? (attribute(fonts, 'w:asciiTheme') ?? attribute(fonts, 'w:hAnsiTheme')) : undefined;
  const font = fonts ? (attribute(fonts, 'w:ascii') ?? attribute(fonts, 'w:hAnsi') ?? (theme ? (theme.startsWith('major') ? themeFonts.major : themeFonts.minor) : undefined)) : undefined;
  return defined({ font, size: numberAttribute(element(rPr, 'w:sz')?.tag, 'w:val'), bold: onOff(rPr, 'w:b'), italic: onOff(rPr, 'w:i') });
}

export interface ThemeFonts {
  major: string;
  minor: string;
}

/** The heading and body fonts a theme part names (`a:majorFont`, `a:minorFont`). */
export function themeFonts(theme: string | null): ThemeFonts {
  const latin = (name: string) => {
    const block = theme ? element(theme, name)?.content : undefined;
    return block ? attribute(element(block, 'a:latin')?.tag ?? '', 'typeface') : undefined;
  };
  return { major: latin('a:majorFont') || 'Calibri Light', minor: latin('a:minorFont') || 'Calibri' };
}

const BASE_PARAGRAPH: ParagraphFormat = {
  before: 0,
  after: 0,
  line: 240,
  lineRule: 'auto',
  keepNext: false,
  keepLines: false,
  pageBreakBefore: false,
  widowControl: true,
  contextualSpacing: false,
  left: 0,
  right: 0,
  firstLine: 0,
};
const BASE_TEXT: TextFormat = { font: 'Times New Roman', size: 20, bold: false, italic: false };

export class StyleSheet {
  private readonly styles = new Map<string, Style>();
  private readonly defaults: StyleProps;
  private readonly resolved = new Map<string, Format>();
  readonly defaultParagraphStyle: string | null;
  readonly defaultTableStyle: string | null;

  constructor(readonly xml: string, theme: string | null = null) {
    const fonts = themeFonts(theme);
    const docDefaults = element(xml, 'w:docDefaults')?.content ?? '';
    this.defaults = {
      paragraph: paragraphProps(element(element(docDefaults, 'w:pPrDefault')?.content ?? '', 'w:pPr')?.content ?? ''),
      text: textProps(element(element(docDefaults, 'w:rPrDefault')?.content ?? '', 'w:rPr')?.content ?? '', fonts),
    };
    let defaultParagraph: string | null = null;
    let defaultTable: string | null = null;
    for (const match of xml.matchAll(/<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g)) {
      const tag = match[1] ?? '';
      const id = attribute(tag, 'w:styleId');
      if (!id) continue;
      // Conditional formatting of table parts (header row, banding) is not the table's own.
      const body = (match[2] ?? '').replace(/<w:tblStylePr\b[\s\S]*?<\/w:tblStylePr>/g, '');
      const type = attribute(tag, 'w:type') ?? 'paragraph';
      if (isOn(attribute(tag, 'w:default'))) {
        if (type === 'paragraph') defaultParagraph ??= id;
        if (type === 'table') defaultTable ??= id;
      }
      const margins = element(body, 'w:tblCellMar')?.content ?? '';
      const side = (name: string, alt: string) => numberAttribute(element(margins, name)?.tag ?? element(margins, alt)?.tag, 'w:w');
      const borders = element(body, 'w:tblBorders')?.content ?? '';
      const rule = (name: string) => {
        const tag = element(borders, name)?.tag;
        if (!tag) return undefined;
        const value = attribute(tag, 'w:val');
        // Border sizes are in eighths of a point.
        return value === 'nil' || value === 'none' ? 0 : (numberAttribute(tag, 'w:sz') ?? 4) * 2.5;
      };
      this.styles.set(id, {
        id,
        type,
        name: attribute(element(body, 'w:name')?.tag ?? '', 'w:val') ?? id,
        basedOn: attribute(element(body, 'w:basedOn')?.tag ?? '', 'w:val') ?? null,
        custom: isOn(attribute(tag, 'w:customStyle')),
        props: { paragraph: paragraphProps(element(body, 'w:pPr')?.content ?? ''), text: textProps(element(body, 'w:rPr')?.content ?? '', fonts) },
        cellMargins: defined({ top: side('w:top', 'w:top'), bottom: side('w:bottom', 'w:bottom'), left: side('w:left', 'w:start'), right: side('w:right', 'w:end') }),
        rules: defined({ top: rule('w:top'), bottom: rule('w:bottom'), insideH: rule('w:insideH') }),
      });
    }
    this.defaultParagraphStyle = defaultParagraph;
    this.defaultTableStyle = defaultTable;
  }

  has(id: string): boolean {
    return this.styles.has(id);
  }

  /** Every style of a type, in the order the part gives them. */
  ofType(type: string): { id: string; name: string; custom: boolean }[] {
    return [...this.styles.values()].filter((s) => s.type === type).map((s) => ({ id: s.id, name: s.name, custom: s.custom }));
  }

  /** The style's own and inherited properties, base first. */
  private chain(id: string | null | undefined): StyleProps[] {
    const out: StyleProps[] = [];
    const seen = new Set<string>();
    for (let style = id ? this.styles.get(id) : undefined; style && !seen.has(style.id); style = style.basedOn ? this.styles.get(style.basedOn) : undefined) {
      seen.add(style.id);
      out.unshift(style.props);
    }
    return out;
  }

  /** The formatting of a paragraph in style `paragraphStyle` (the default when none), inside a table of `tableStyle` if given. */
  format(paragraphStyle: string | null | undefined, tableStyle: string | null = null): Format {
    const key = `${paragraphStyle ?? ''}\u0000${tableStyle ?? ''}`;
    const known = this.resolved.get(key);
    if (known) return known;
    const own = paragraphStyle && this.styles.has(paragraphStyle) ? paragraphStyle : this.defaultParagraphStyle;
    const layers = [this.defaults, ...(tableStyle ? this.chain(tableStyle) : []), ...this.chain(own)];
    const format: Format = { paragraph: { ...BASE_PARAGRAPH }, text: { ...BASE_TEXT } };
    for (const layer of layers) {
      Object.assign(format.paragraph, layer.paragraph);
      Object.assign(format.text, layer.text);
    }
    this.resolved.set(key, format);
    return format;
  }

  private tableChain(tableStyle: string | null): Style[] {
    const out: Style[] = [];
    const seen = new Set<string>();
    for (let style = tableStyle ? this.styles.get(tableStyle) : undefined; style && !seen.has(style.id); style = style.basedOn ? this.styles.get(style.basedOn) : undefined) {
      seen.add(style.id);
      out.unshift(style);
    }
    return out;
  }

  cellMargins(tableStyle: string | null): CellMargins {
    const margins: CellMargins = { top: 0, bottom: 0, left: 108, right: 108 };
    for (const style of this.tableChain(tableStyle)) Object.assign(margins, style.cellMargins);
    return margins;
  }

  tableRules(tableStyle: string | null): TableRules {
    const rules: TableRules = { top: 0, bottom: 0, insideH: 0 };
    for (const style of this.tableChain(tableStyle)) Object.assign(rules, style.rules);
    return rules;
  }

  /** The style whose name is `name` (Word's built-in names, such as "heading 1", compared without case). */
  idByName(name: string): string | undefined {
    const wanted = name.toLowerCase();
    for (const style of this.styles.values()) if (style.name.toLowerCase() === wanted) return style.id;
    return undefined;
  }
}
