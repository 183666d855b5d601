import { afterEach, describe, expect, it } from 'vitest';
import { PngCache, Rasteriser, rasterJob } from '../../main/report/images';
import { cleanTempDirs, tempDir } from '../helpers';

/**
 * The PNG copies of the report's diagrams (issue 13 item 8): what is drawn, on which threads, and
 * that drawing a whole report's pictures does not keep them all in memory.
 */
afterEach(cleanTempDirs);

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngWidth(png: Buffer): number {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  return png.readUInt32BE(16);
}

/** A wide map-like drawing: lanes of boxes with 12 px words in them. */
function wideMap(width: number, height = 400): string {
  const boxes = Array.from({ length: Math.floor(width / 200) }, (_, i) => `<rect x="${i * 200 + 20}" y="40" width="160" height="80" fill="#fff" stroke="#333"/><text x="${i * 200 + 100}" y="85" font-size="12" text-anchor="middle">Step ${i + 1}</text>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="${width}" height="${height}" fill="#eef"/>${boxes.join('')}<text x="10" y="20" font-size="30">Lane</text></svg>`;
}

describe('the drawing of a fallback PNG', () => {
  it('leaves out words too small to read at the picture’s size, and loads no fonts when none are left', () => {
    const svg = wideMap(20_000);
    // 20,000 px drawn 1,000 wide: 12 px words become 0.6 px specks, the 30 px lane name 1.5 px.
    const job = rasterJob(svg, 1_000);
    expect(job.svg).not.toContain('<text');
    expect(job.svg.match(/<rect/g)).toHaveLength(svg.match(/<rect/g)?.length ?? 0);
    expect(job.options.font).toEqual({ loadSystemFonts: false });
    expect(job.pixels).toBe(1_000 * 20);
  });

  it('keeps every word that comes out legible, and only those, drawn as outlines', () => {
    const words = (svg: string) => (svg.match(/<g transform="translate\(/g)?.length ?? 0) + (svg.match(/<text\b/g)?.length ?? 0);
    // 4,000 px drawn 400 wide: 12 px words become 1.2 px (dropped), the 30 px lane name 3 px (kept).
    const job = rasterJob(wideMap(4_000), 400);
    expect(words(job.svg)).toBe(1);
    expect(job.svg).toContain(`href="#glyph-r-${'L'.codePointAt(0)}"`);
    // Drawn at half size, every word stays.
    const half = rasterJob(wideMap(4_000), 2_000);
    expect(words(half.svg)).toBe(21);
  });
});

describe('the drawing threads', () => {
  it('draw every picture asked for, each at its own size, and refuse only the one that cannot be drawn', async () => {
    const rasteriser = new Rasteriser(2);
    try {
      const widths = [300, 500, 700, 900, 1_100, 1_300];
      const drawn = widths.map((width) => rasteriser.draw(rasterJob(wideMap(2_000), width)));
      const broken = rasteriser.draw({ svg: '<svg xmlns="http://www.w3.org/2000/svg"><rect', options: {}, pixels: 1 });
      expect((await Promise.all(drawn)).map(pngWidth)).toEqual(widths);
      await expect(broken).rejects.toThrow();
    } finally {
      rasteriser.close();
    }
  });

  it('refuse only what a thread held when it stops, and draw the next picture on a fresh one', async () => {
    const rasteriser = new Rasteriser(1);
    try {
      const held = rasteriser.draw(rasterJob(wideMap(2_000), 4_000));
      const [thread] = (rasteriser as unknown as { threads: { worker: { terminate(): Promise<number> } }[] }).threads;
      await thread?.worker.terminate();
      await expect(held).rejects.toThrow(/stopped/);
      expect(pngWidth(await rasteriser.draw(rasterJob(wideMap(2_000), 300)))).toBe(300);
    } finally {
      rasteriser.close();
    }
  });

  it('refuse pictures once the report is stopped', async () => {
    const rasteriser = new Rasteriser(1);
    const pending = rasteriser.draw(rasterJob(wideMap(2_000), 4_000));
    rasteriser.close();
    await expect(pending).rejects.toThrow(/stopped/);
    await expect(rasteriser.draw(rasterJob(wideMap(2_000), 100))).rejects.toThrow(/stopped/);
  });

  it('do not keep the pixels of the pictures they have drawn (resvg-js frees them only after a collection)', async () => {
    const rasteriser = new Rasteriser(1);
    try {
      const before = process.memoryUsage().rss;
      // 40 pictures of 3,000 × 3,000 px hold 1.4 GB if each picture's pixels are kept.
      const pictures = Array.from({ length: 40 }, () => rasteriser.draw(rasterJob(wideMap(3_000, 3_000), 3_000)));
      let highest = 0;
      for (const picture of pictures) {
        await picture;
        highest = Math.max(highest, process.memoryUsage().rss - before);
      }
      expect(highest / 1024 / 1024).toBeLessThan(400);
    } finally {
      rasteriser.close();
    }
  });
});

describe('the PNG cache', () => {
  it('gives a second report the pictures the first one drew, without drawing them again', async () => {
    const dir = tempDir();
    const items = [{ svg: wideMap(2_000), width: 400 }, { svg: wideMap(3_000), width: 600 }];
    const first = new Rasteriser(1);
    let done = 0;
    const drawn = await Promise.all(new PngCache(dir).drawAll(items, first, () => done++)).finally(() => first.close());
    expect(done).toBe(2);
    const second = new Rasteriser(1);
    second.close();
    const found = await Promise.all(new PngCache(dir).drawAll(items, second, () => done++));
    expect(found.map((png, i) => png.equals(drawn[i] as Buffer))).toEqual([true, true]);
    expect(done).toBe(4);
  });
});
