import fs from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { textBlock, marker } from '../../core/diagram/shapes';
import { textWidth } from '../../core/diagram/text';
import { withGlyphOutlines } from '../../main/report/glyphs';
import { rasterJob } from '../../main/report/images';
import glyphs from '../../resources/report-glyphs.json';

/**
 * The report's PNG fallbacks draw our diagrams' words as glyph outlines rather than have resvg
 * read the font file for every glyph (issue 13 item 8): they must come out as resvg draws them.
 */

const LIBERATION = ['Regular', 'Bold'].map((weight) => `/usr/share/fonts/truetype/liberation2/LiberationSans-${weight}.ttf`);
const haveLiberation = LIBERATION.every((file) => fs.existsSync(file));

function page(body: string, width = 640, height = 240): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Arial, 'Liberation Sans', Helvetica, sans-serif"><rect width="${width}" height="${height}" fill="#ffffff"/>${body}</svg>`;
}

/** Grey levels of `svg` drawn at twice its size, with Liberation Sans for any text. */
function grey(svg: string): { pixels: Buffer; width: number } {
  const drawn = new Resvg(svg, { fitTo: { mode: 'zoom', value: 2 }, background: '#ffffff', font: { loadSystemFonts: false, fontFiles: LIBERATION, defaultFontFamily: 'Liberation Sans' } }).render();
  return { pixels: drawn.pixels, width: drawn.width };
}

const texts = (svg: string) => svg.match(/<text\b/g)?.length ?? 0;

describe('text drawn as glyph outlines', () => {
  const words =
    textBlock(['Check the access form', 'Größe & Gewicht — 12 %', 'Naïve café: "quoted" <tags>'], 200, 20, 13) +
    textBlock(['Service desk'], 20, 120, 14, { bold: true, anchor: 'start' }) +
    marker(400, 120, '17', '#c0392b') +
    `<text x="620" y="200" font-size="11" text-anchor="end" fill="#5a6474">continues →</text>` +
    `<text x="20" y="220" font-size="12" fill="#5a6474">Pain point</text>`;

  it.skipIf(!haveLiberation)('look as resvg draws the same text with the font', () => {
    const svg = page(words);
    const outlined = withGlyphOutlines(svg);
    expect(texts(outlined)).toBe(0);
    const a = grey(svg);
    const b = grey(outlined);
    let ink = 0;
    let apart = 0;
    for (let i = 0; i < a.pixels.length; i += 4) {
      const inked = (a.pixels[i] ?? 255) < 200 || (b.pixels[i] ?? 255) < 200;
      if (!inked) continue;
      ink++;
      if (Math.abs((a.pixels[i] ?? 0) - (b.pixels[i] ?? 0)) > 96) apart++;
    }
    expect(ink).toBeGreaterThan(2_000);
    // Kerning, which core/diagram/text.ts does not measure either, may move a letter by a pixel.
    expect(apart / ink).toBeLessThan(0.01);
  });

  it('advance as core/diagram/text.ts measures, so a label that was measured to fit, fits', () => {
    const sample = 'The quick brown fox jumps over 12 lazy dogs: "Approve!" (50%) [tags] {a|b} ~@#$^&*_+=<>?/\\';
    const advance = Array.from(sample).reduce((sum, ch) => sum + (glyphs.regular.advances[Array.from(glyphs.regular.chars).indexOf(ch)] ?? NaN), 0);
    expect((advance / glyphs.unitsPerEm) * 13).toBeCloseTo(textWidth(sample, 13), 0);
  });

  it('place text by its anchor, and collapse spaces as SVG does', () => {
    const width = (svg: string) => Number(/translate\(([\d.]+)/.exec(svg)?.[1]);
    const at = (anchor: string, text = 'Close the request') => withGlyphOutlines(page(`<text x="300" y="50" font-size="13" text-anchor="${anchor}">${text}</text>`));
    const start = width(at('start'));
    const middle = width(at('middle'));
    const end = width(at('end'));
    expect(start).toBe(300);
    expect(300 - middle).toBeCloseTo((300 - end) / 2, 1);
    expect(300 - end).toBeCloseTo(textWidth('Close the request', 13), 0);
    expect(at('middle', '   Close   the request  ')).toBe(at('middle'));
  });

  it('define each glyph once, however often it is drawn, and keep hostile text inert', () => {
    const hostile = '&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt; &quot;x&quot; &amp;amp; &#39;y&#39; &#x41;';
    const outlined = withGlyphOutlines(page(`<text x="10" y="50" font-size="13">aaaa</text><text x="10" y="90" font-size="13">${hostile}</text>`));
    expect(texts(outlined)).toBe(0);
    expect(outlined.match(/<path id="glyph-r-97"/g)).toHaveLength(1);
    expect(outlined.match(/href="#glyph-r-97"/g)?.length).toBeGreaterThanOrEqual(4);
    expect(outlined).not.toMatch(/<script|<\/text/);
    expect(() => new Resvg(outlined).render()).not.toThrow();
  });

  it('leave to resvg what the outlines cannot draw or this does not know', () => {
    const left = [
      'Approve 承認する',
      'مرحبا بالعالم',
      'Zalgo e\u0301\u0302',
      'Tab&#9;inside',
      'Soft\u00adhyphen',
      'Unknown &nbsp; entity',
    ].map((text) => `<text x="10" y="50" font-size="13">${text}</text>`);
    left.push('<text x="10" y="50" font-size="13" letter-spacing="2">Spaced</text>');
    left.push("<text x='10' y='50' font-size='13'>Single quotes</text>");
    left.push('<text x="10" y="50">No size</text>');
    left.push('<text x="10" y="50" font-size="13" font-weight="600">Semi-bold</text>');
    for (const text of left) expect(withGlyphOutlines(page(text))).toBe(page(text));
  });

  it('let a fallback with only outlined text load no fonts, and one with other text load them', () => {
    expect(rasterJob(page(words), 640).options.font).toEqual({ loadSystemFonts: false });
    const mixed = rasterJob(page(`${words}<text x="10" y="50" font-size="13">承認する</text>`), 640);
    expect(texts(mixed.svg)).toBe(1);
    expect(mixed.options.font).toMatchObject({ loadSystemFonts: true });
  });
});
