import glyphs from '../../resources/report-glyphs.json';

/**
 * Our diagrams' text as outlines, for the report's PNG fallbacks. resvg reads the whole font file
 * again for every glyph it shapes (about 600 file reads a map part, a third of its drawing time);
 * the same outlines drawn as paths cost a tenth of that and come out the same but for kerning,
 * which our text measuring (core/diagram/text.ts) does not count either. Text with a character
 * the outlines lack, or drawn in a way this does not know, stays text for resvg to shape.
 */

interface Glyph {
  id: string;
  advance: number;
  outline: string;
}

type Face = ReadonlyMap<string, Glyph>;

function face(weight: 'r' | 'b', source: { chars: string; advances: number[]; outlines: string[] }): Face {
  const map = new Map<string, Glyph>();
  Array.from(source.chars).forEach((ch, i) => {
    map.set(ch, { id: `glyph-${weight}-${ch.codePointAt(0) ?? 0}`, advance: source.advances[i] ?? 0, outline: source.outlines[i] ?? '' });
  });
  return map;
}

let faces: { regular: Face; bold: Face } | null = null;
function loadFaces(): { regular: Face; bold: Face } {
  faces ??= { regular: face('r', glyphs.regular), bold: face('b', glyphs.bold) };
  return faces;
}

/** One of our diagrams' text elements, with its attributes and its escaped text: no markup inside. */
export const TEXT_ELEMENT = /<text\b([^>]*)>([^<]*)<\/text>/g;
const ATTRIBUTE = /\s([\w-]+)="([^"]*)"/g;
/** The attributes our diagrams give their text (core/diagram): anything else is left to resvg. */
const KNOWN = new Set(['x', 'y', 'font-size', 'font-weight', 'text-anchor', 'fill']);
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The characters an escaped text stands for, or null for a reference this does not know. */
function unescaped(text: string): string | null {
  let known = true;
  const plain = text.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    const hex = /^#x/i.test(name);
    const point = name.startsWith('#') ? parseInt(name.slice(hex ? 2 : 1), hex ? 16 : 10) : NaN;
    const ch = point <= 0x10ffff ? String.fromCodePoint(point) : ENTITIES[name];
    if (ch === undefined) known = false;
    return ch ?? whole;
  });
  return known ? plain : null;
}

const short = (n: number) => String(Math.round(n * 100) / 100);

/** One text element as outlines, or null to leave it to resvg. */
function outlined(attributes: string, content: string, used: Map<string, string>): string | null {
  const attribute: Record<string, string> = {};
  for (const [, name = '', value = ''] of attributes.matchAll(ATTRIBUTE)) {
    if (!KNOWN.has(name)) return null;
    attribute[name] = value;
  }
  if (attributes.replace(ATTRIBUTE, '').trim() !== '') return null;
  const x = Number(attribute['x']);
  const y = Number(attribute['y']);
  const size = Number(attribute['font-size']);
  const weight = attribute['font-weight'] ?? 'normal';
  const anchor = attribute['text-anchor'] ?? 'start';
  if (!Number.isFinite(x) || !Number.isFinite(y) || !(size > 0) || (weight !== 'normal' && weight !== 'bold')) return null;
  if (anchor !== 'start' && anchor !== 'middle' && anchor !== 'end') return null;
  const plain = unescaped(content);
  // Tabs and line breaks follow SVG's own whitespace rules, which resvg knows.
  if (plain === null || /[\t\n\r]/.test(plain)) return null;
  const text = plain.replace(/ +/g, ' ').trim();
  const chosen = loadFaces()[weight === 'bold' ? 'bold' : 'regular'];
  const placed: { glyph: Glyph; at: number }[] = [];
  let width = 0;
  for (const ch of text) {
    const glyph = chosen.get(ch);
    if (!glyph) return null;
    placed.push({ glyph, at: width });
    width += glyph.advance;
  }
  const scale = size / glyphs.unitsPerEm;
  const left = x - (anchor === 'middle' ? (width * scale) / 2 : anchor === 'end' ? width * scale : 0);
  const fill = attribute['fill'] === undefined ? '' : ` fill="${attribute['fill']}"`;
  let out = `<g transform="translate(${short(left)} ${short(y)}) scale(${scale})"${fill}>`;
  for (const { glyph, at } of placed) {
    if (!glyph.outline) continue;
    used.set(glyph.id, glyph.outline);
    out += `<use href="#${glyph.id}" x="${at}"/>`;
  }
  return `${out}</g>`;
}

/** `svg` (one of our diagrams) with its text drawn as glyph outlines wherever they can draw it. */
export function withGlyphOutlines(svg: string): string {
  const used = new Map<string, string>();
  const drawn = svg.replace(TEXT_ELEMENT, (element, attributes: string, content: string) => outlined(attributes, content, used) ?? element);
  if (used.size === 0) return drawn;
  let defs = '<defs>';
  for (const [id, outline] of used) defs += `<path id="${id}" d="${outline}"/>`;
  return drawn.replace(/<svg\b[^>]*>/, (root) => `${root}${defs}</defs>`);
}
