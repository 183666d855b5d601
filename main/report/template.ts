import fs from 'node:fs';
import path from 'node:path';
import { ShoshinError } from '../../core/errors';
import { msg } from '../../core/messages';
import { attribute, element } from './docx/stylesheet';
import type { Margins, Paper } from './docx/pages';
import { readZip } from './zip';

/**
 * A firm's Word template (.dotx, or a .docx used as one): the styles, theme, page size and margins,
 * and header and footer the report takes from it, so it looks like every other document the firm
 * sends. A template comes from outside and is read as data: only these parts are taken, macros and
 * anything else are left behind, and a header that would fetch something from elsewhere is not used.
 */

export interface TemplatePart {
  xml: string;
  /** The part's relationships, with the targets of its pictures renamed to where they go in the report. */
  rels: string;
  /** Pictures the part shows, by their path in the report (`word/media/...`). */
  media: Map<string, Buffer>;
  /** Content types of the pictures' extensions, as the template declares them. */
  types: Map<string, string>;
}

export interface ReportTemplate {
  /** The file's name, for messages. */
  name: string;
  styles: string;
  theme: string | null;
  paper: Paper;
  margins: Margins;
  header: TemplatePart | null;
  firstHeader: TemplatePart | null;
  footer: TemplatePart | null;
  firstFooter: TemplatePart | null;
}

const MAX_TEMPLATE_BYTES = 20 * 1024 * 1024;
const MAX_INFLATED_BYTES = 100 * 1024 * 1024;
const WORD_MAIN_TYPES = new Set([
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml',
  'application/vnd.ms-word.document.macroEnabled.main+xml',
  'application/vnd.ms-word.template.macroEnabledTemplate.main+xml',
]);
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';

const BAD_TEMPLATE = msg('error.template.bad');

interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

function relationships(xml: string | undefined): Relationship[] {
  if (!xml) return [];
  return [...xml.matchAll(/<Relationship\b[^>]*>/g)].map((m) => ({
    id: attribute(m[0], 'Id') ?? '',
    type: attribute(m[0], 'Type') ?? '',
    target: attribute(m[0], 'Target') ?? '',
    external: attribute(m[0], 'TargetMode') === 'External',
  }));
}

/** A part's path from a relationship target, relative to the folder of the part that names it. */
function resolve(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  return path.posix.normalize(path.posix.join(path.posix.dirname(from), target));
}

function relsOf(part: string): string {
  return path.posix.join(path.posix.dirname(part), '_rels', `${path.posix.basename(part)}.rels`);
}

function decode(xml: string): string {
  return xml.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A header or footer and the pictures it shows, ready to go into the report as `name`; null when it
 * relies on something other than pictures and links (an embedded object, an image fetched from elsewhere).
 */
function takePart(parts: Map<string, Buffer>, partName: string, name: string, defaults: Map<string, string>): TemplatePart | null {
  const xml = parts.get(partName)?.toString('utf8');
  if (!xml) return null;
  const media = new Map<string, Buffer>();
  const types = new Map<string, string>();
  const out: string[] = [];
  for (const rel of relationships(parts.get(relsOf(partName))?.toString('utf8'))) {
    if (rel.type === `${REL}hyperlink` && rel.external) {
      out.push(`<Relationship Id="${escape(rel.id)}" Type="${rel.type}" Target="${escape(rel.target)}" TargetMode="External"/>`);
      continue;
    }
    if (rel.type !== `${REL}image` || rel.external) return null;
    const source = resolve(partName, decode(rel.target));
    const data = parts.get(source);
    const extension = path.posix.extname(source).slice(1).toLowerCase();
    if (!data || !/^[a-z0-9]{1,5}$/.test(extension)) return null;
    const target = `media/${name}-${media.size + 1}.${extension}`;
    media.set(`word/${target}`, data);
    types.set(extension, defaults.get(extension) ?? `image/${extension === 'jpg' ? 'jpeg' : extension}`);
    out.push(`<Relationship Id="${escape(rel.id)}" Type="${rel.type}" Target="${target}"/>`);
  }
  const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${out.join('')}</Relationships>`;
  return { xml, rels, media, types };
}

function twips(tag: string | undefined, name: string): number | undefined {
  const value = tag ? Number(attribute(tag, name)) : NaN;
  return Number.isFinite(value) && value > 0 ? Math.round(value) : undefined;
}

/** Reads and checks a template file; every problem is a message the consultant can act on. */
export function readTemplate(file: string): ReportTemplate {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new ShoshinError('invalid_input', msg('error.template.missing', { path: file }));
  }
  if (!stat.isFile() || stat.size === 0 || stat.size > MAX_TEMPLATE_BYTES) throw new ShoshinError('invalid_input', BAD_TEMPLATE);
  const parts = readZip(fs.readFileSync(file), MAX_INFLATED_BYTES);
  if (!parts) throw new ShoshinError('invalid_input', BAD_TEMPLATE);
  const text = (name: string) => parts.get(name)?.toString('utf8');
  const contentTypes = text('[Content_Types].xml') ?? '';
  const defaults = new Map([...contentTypes.matchAll(/<Default\b[^>]*>/g)].map((m) => [(attribute(m[0], 'Extension') ?? '').toLowerCase(), attribute(m[0], 'ContentType') ?? '']));
  const main = relationships(text('_rels/.rels')).find((r) => r.type === `${REL}officeDocument`);
  const documentPart = main ? resolve('', decode(main.target)) : '';
  const override = [...contentTypes.matchAll(/<Override\b[^>]*>/g)].find((m) => attribute(m[0], 'PartName') === `/${documentPart}`);
  const document = text(documentPart);
  if (!document || !override || !WORD_MAIN_TYPES.has(attribute(override[0], 'ContentType') ?? '')) throw new ShoshinError('invalid_input', BAD_TEMPLATE);

  const rels = relationships(text(relsOf(documentPart)));
  const partOf = (type: string) => {
    const rel = rels.find((r) => r.type === `${REL}${type}` && !r.external);
    return rel ? resolve(documentPart, decode(rel.target)) : null;
  };
  const stylesPart = partOf('styles');
  const styles = stylesPart ? text(stylesPart) : undefined;
  if (!styles || !/<w:styles\b/.test(styles)) throw new ShoshinError('invalid_input', msg('error.template.noStyles', { name: path.basename(file) }));
  const themePart = partOf('theme');

  // The page set-up of the template's last (or only) section.
  const sections = [...document.matchAll(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g)];
  const section = sections[sections.length - 1]?.[0] ?? '';
  const size = element(section, 'w:pgSz')?.tag;
  const margin = element(section, 'w:pgMar')?.tag;
  const w = twips(size, 'w:w') ?? 11906;
  const h = twips(size, 'w:h') ?? 16838;
  const side = Math.round(((twips(margin, 'w:left') ?? 1247) + (twips(margin, 'w:right') ?? 1247)) / 2);
  const paper: Paper = { short: Math.min(w, h), long: Math.max(w, h) };
  const margins: Margins = {
    top: Math.min(twips(margin, 'w:top') ?? 1418, paper.long / 4),
    bottom: Math.min(twips(margin, 'w:bottom') ?? 1418, paper.long / 4),
    side: Math.min(side, paper.short / 4),
    header: twips(margin, 'w:header') ?? 709,
    footer: twips(margin, 'w:footer') ?? 709,
  };

  const reference = (kind: 'header' | 'footer', type: 'default' | 'first') => {
    const ref = [...section.matchAll(new RegExp(`<w:${kind}Reference\\b[^>]*>`, 'g'))].find((m) => (attribute(m[0], 'w:type') ?? 'default') === type);
    const id = ref ? attribute(ref[0], 'r:id') : undefined;
    const rel = rels.find((r) => r.id === id && r.type === `${REL}${kind}` && !r.external);
    return rel ? takePart(parts, resolve(documentPart, decode(rel.target)), `firm-${kind}${type === 'first' ? '-first' : ''}`, defaults) : null;
  };
  const titlePage = element(section, 'w:titlePg') !== null;
  return {
    name: path.basename(file),
    styles,
    theme: themePart ? (text(themePart) ?? null) : null,
    paper,
    margins,
    header: reference('header', 'default'),
    firstHeader: titlePage ? reference('header', 'first') : null,
    footer: reference('footer', 'default'),
    firstFooter: titlePage ? reference('footer', 'first') : null,
  };
}
