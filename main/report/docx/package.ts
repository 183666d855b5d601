import { Document, Packer } from 'docx';
import type { ReportTemplate, TemplatePart } from '../template';
import { attribute } from './stylesheet';

/**
 * The report's package: the parts `docx` writes, finished with what it does not write (the firm's
 * styles, theme, header and footer; the document's language in its properties) before they are
 * zipped straight to disk.
 */

export type Parts = Map<string, string | Uint8Array>;

interface Compiler {
  compile(file: Document, prettify: undefined, overrides: readonly never[]): Parts;
}

/**
 * The document's parts, as `Packer` would zip them. `Packer` deflates every part in JavaScript,
 * pictures included, into one buffer; the report instead zips the parts itself as they are written
 * out, so it reaches for the compiler `Packer` uses.
 */
export function compileParts(document: Document): Parts {
  return (Packer as unknown as { compiler: Compiler }).compiler.compile(document, undefined, []);
}

export function partText(parts: Parts, name: string): string {
  const part = parts.get(name);
  return part === undefined ? '' : typeof part === 'string' ? part : Buffer.from(part).toString('utf8');
}

interface StyleBlock {
  id: string;
  type: string;
  name: string;
  custom: boolean;
  xml: string;
}

function styleBlocks(xml: string): StyleBlock[] {
  return [...xml.matchAll(/<w:style\b[^>]*>[\s\S]*?<\/w:style>/g)].map((m) => {
    const open = /<w:style\b[^>]*>/.exec(m[0])?.[0] ?? '';
    const name = /<w:name\b[^>]*>/.exec(m[0])?.[0];
    return {
      id: attribute(open, 'w:styleId') ?? '',
      type: attribute(open, 'w:type') ?? 'paragraph',
      name: (name ? attribute(name, 'w:val') : undefined) ?? '',
      custom: /^(1|true|on)$/.test(attribute(open, 'w:customStyle') ?? ''),
      xml: m[0],
    };
  });
}

/** The table style a firm made its own (not one of Word's built-in ones), if its template has one. */
function firmTableStyle(blocks: readonly StyleBlock[]): StyleBlock | undefined {
  return blocks.find((b) => b.type === 'table' && b.custom);
}

/**
 * The firm's styles with what the report needs besides. Word names its built-in styles in English
 * whatever the language of Word ("heading 1"), while their ids may be translated ("berschrift1"):
 * a template style with the name of one of the report's takes the report's id, so the report's
 * headings, captions, quotes and contents use the firm's look; the firm's own table style becomes
 * the report's table style. Report styles the template lacks are added without their fonts and
 * colours, so they take the firm's.
 */
export function mergeStyles(template: string, ours: string): string {
  const firm = styleBlocks(template);
  const own = styleBlocks(ours);
  const firmIds = new Set(firm.map((b) => b.id));
  const renames = new Map<string, string>();
  const added: string[] = [];
  const table = firmTableStyle(firm);
  for (const style of own) {
    if (style.id === 'ReportTable' && table) {
      if (!firmIds.has('ReportTable')) renames.set(table.id, 'ReportTable');
      continue;
    }
    const match = firm.find((b) => b.type === style.type && b.name.toLowerCase() === style.name.toLowerCase());
    if (match) {
      if (match.id !== style.id && !firmIds.has(style.id)) renames.set(match.id, style.id);
    } else if (!firmIds.has(style.id)) {
      added.push(style.id === 'ReportTable' ? style.xml : style.xml.replace(/<w:rFonts\b[^>]*\/>/g, '').replace(/<w:color\b[^>]*\/>/g, ''));
    }
  }
  let merged = template;
  for (const [from, to] of renames) {
    const quoted = from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    merged = merged
      .replace(new RegExp(`(w:styleId=")${quoted}(")`, 'g'), `$1${to}$2`)
      .replace(new RegExp(`(<w:(?:basedOn|next|link)\\s+w:val=")${quoted}(")`, 'g'), `$1${to}$2`);
  }
  return merged.replace(/<\/w:styles>\s*$/, `${added.join('')}</w:styles>`);
}

/** The styles with the document's language as the language of all text (`w:lang` in the document defaults). */
export function withLanguage(styles: string, language: string): string {
  const lang = `<w:lang w:val="${language}"/>`;
  const defaults = /<w:rPrDefault>\s*<w:rPr>([\s\S]*?)<\/w:rPr>\s*<\/w:rPrDefault>/.exec(styles);
  if (defaults) {
    const rPr = defaults[1] ?? '';
    const next = /<w:lang\b[^>]*\/>/.test(rPr)
      ? rPr.replace(/<w:lang\b[^>]*\/>/, (tag) => (/w:val="/.test(tag) ? tag.replace(/w:val="[^"]*"/, `w:val="${language}"`) : tag.replace('<w:lang', `<w:lang w:val="${language}"`)))
      : /<w:(eastAsianLayout|specVanish|oMath)\b/.test(rPr)
        ? rPr.replace(/<w:(eastAsianLayout|specVanish|oMath)\b/, `${lang}<w:$1`)
        : rPr + lang;
    return styles.replace(defaults[0], `<w:rPrDefault><w:rPr>${next}</w:rPr></w:rPrDefault>`);
  }
  const docDefaults = /<w:docDefaults>/.exec(styles);
  if (docDefaults) return styles.replace('<w:docDefaults>', `<w:docDefaults><w:rPrDefault><w:rPr>${lang}</w:rPr></w:rPrDefault>`);
  return styles.replace(/(<w:styles\b[^>]*>)/, `$1<w:docDefaults><w:rPrDefault><w:rPr>${lang}</w:rPr></w:rPrDefault></w:docDefaults>`);
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const PART_TYPE = {
  header: 'application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml',
  footer: 'application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml',
};

/** Adds a template's header or footer part to the package; returns its relationship id. */
function addPart(parts: Parts, part: TemplatePart, kind: 'header' | 'footer', name: string): string {
  const id = `rIdFirm${name.replace(/[^A-Za-z]/g, '')}`;
  parts.set(`word/${name}.xml`, part.xml);
  parts.set(`word/_rels/${name}.xml.rels`, part.rels);
  for (const [media, data] of part.media) parts.set(media, data);
  let types = partText(parts, '[Content_Types].xml');
  for (const [extension, type] of part.types) {
    if (!new RegExp(`Extension="${extension}"`, 'i').test(types)) types = types.replace('</Types>', `<Default Extension="${extension}" ContentType="${type}"/></Types>`);
  }
  parts.set('[Content_Types].xml', types.replace('</Types>', `<Override PartName="/word/${name}.xml" ContentType="${PART_TYPE[kind]}"/></Types>`));
  const rels = partText(parts, 'word/_rels/document.xml.rels');
  parts.set('word/_rels/document.xml.rels', rels.replace('</Relationships>', `<Relationship Id="${id}" Type="${REL}${kind}" Target="${name}.xml"/></Relationships>`));
  return id;
}

export interface Finish {
  styles: string;
  language: string;
  template: ReportTemplate | null;
}

/** Finishes the parts `docx` wrote: the final styles, the firm's theme, header and footer, and the language. */
export function finishParts(parts: Parts, finish: Finish): void {
  parts.set('word/styles.xml', finish.styles);
  const core = partText(parts, 'docProps/core.xml');
  if (core && !core.includes('<dc:language>')) parts.set('docProps/core.xml', core.replace('</cp:coreProperties>', `<dc:language>${finish.language}</dc:language></cp:coreProperties>`));
  const template = finish.template;
  if (!template) return;
  if (template.theme && parts.has('word/theme/theme1.xml')) parts.set('word/theme/theme1.xml', template.theme);
  const refs: string[] = [];
  const use = (part: TemplatePart | null, kind: 'header' | 'footer', type: 'default' | 'first', name: string) => {
    if (part) refs.push(`<w:${kind}Reference w:type="${type}" r:id="${addPart(parts, part, kind, name)}"/>`);
  };
  use(template.header, 'header', 'default', 'firm-header');
  use(template.firstHeader, 'header', 'first', 'firm-header-first');
  use(template.footer, 'footer', 'default', 'firm-footer');
  use(template.firstFooter, 'footer', 'first', 'firm-footer-first');
  if (refs.length === 0) return;
  // Every section shows the firm's header and footer; the report's own were not written where the firm has one.
  const document = partText(parts, 'word/document.xml');
  parts.set('word/document.xml', document.replace(/<w:sectPr\b[^>]*>/g, (open) => open + refs.join('')));
}

/** The order parts go into the zip: the content types and package relationships first, as Word writes them. */
export function zipOrder(parts: Parts): string[] {
  const first = ['[Content_Types].xml', '_rels/.rels'];
  return [...first.filter((p) => parts.has(p)), ...[...parts.keys()].filter((p) => !first.includes(p))];
}

/** Pictures are stored as they are: deflating what is already compressed only costs time. */
export function compressed(part: string): boolean {
  return !/\.(png|jpe?g|gif)$/i.test(part);
}
