// Generates resources/report-glyphs.json: the outlines and advance widths of the characters most
// report text is written in, regular and bold, from Liberation Sans (Arial's metrics, SIL Open Font
// License 1.1). The report draws its PNG fallbacks with them (main/report/glyphs.ts), because resvg
// reads the whole font file again for every glyph it draws.
//
//   node scripts/report-glyphs.mjs [Regular.ttf Bold.ttf]
//
// The default files are Debian's fonts-liberation2. The outlines are a modified version of the font
// in the license's sense, so they do not carry its reserved name, and the license goes with them
// (resources/report-glyphs-OFL.txt).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import opentype from 'opentype.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [regularFile, boldFile] = process.argv.length >= 4
  ? process.argv.slice(2, 4)
  : ['Regular', 'Bold'].map((weight) => `/usr/share/fonts/truetype/liberation2/LiberationSans-${weight}.ttf`);

/** Latin (Western and Central European), with the typography the app and consultants write. */
const RANGES = [
  [0x20, 0x7e],
  [0xa0, 0xac],
  // Not the soft hyphen (U+00AD): it is drawn only where a line breaks, which resvg decides.
  [0xae, 0x17f],
  [0x218, 0x21b],
  [0x2010, 0x2027],
  [0x2030, 0x203a],
  [0x20ac, 0x20ac],
  [0x2122, 0x2122],
  [0x2190, 0x2193],
];

function face(file) {
  const font = opentype.parse(fs.readFileSync(file).buffer);
  const face = { chars: '', advances: [], outlines: [] };
  for (const [first, last] of RANGES) {
    for (let point = first; point <= last; point++) {
      const ch = String.fromCodePoint(point);
      if (!font.hasChar(ch)) continue;
      const glyph = font.charToGlyph(ch);
      face.chars += ch;
      face.advances.push(glyph.advanceWidth);
      // One unit is one em divided by unitsPerEm, y downwards, the baseline at 0: as SVG draws it.
      face.outlines.push(glyph.getPath(0, 0, font.unitsPerEm).toPathData({ decimalPlaces: 1, optimize: true, flipY: false }));
    }
  }
  return { font, face };
}

const regular = face(regularFile);
const bold = face(boldFile);
const name = (key) => regular.font.getEnglishName(key) ?? '';
const glyphs = {
  source: `Outlines of ${name('fullName')} (${name('version')}), regular and bold`,
  copyright: name('copyright').replace(/\s*\n\s*/g, ' '),
  license: 'SIL Open Font License 1.1: resources/report-glyphs-OFL.txt',
  unitsPerEm: regular.font.unitsPerEm,
  regular: regular.face,
  bold: bold.face,
};
fs.writeFileSync(path.join(root, 'resources', 'report-glyphs.json'), `${JSON.stringify(glyphs)}\n`);
console.log(`resources/report-glyphs.json: ${regular.face.chars.length} regular and ${bold.face.chars.length} bold glyphs`);
