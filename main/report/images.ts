import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { withoutBodyClip } from '../../core/diagram';
import { ShoshinError } from '../../core/errors';
import { msg } from '../../core/messages';

/**
 * Resolution of the PNG copies of diagrams, on paper: they are what a reader without SVG sees
 * (LibreOffice, older Word), sharp in print at the size the figure is printed, and no larger.
 */
export const FALLBACK_DPI = 150;
/** The largest PNG side we render, so a step dragged a million pixels away cannot exhaust memory. */
const MAX_PNG_SIDE = 12_000;

/** The PNG width of a figure printed `printedPx` wide (px at 96 per inch). */
export function fallbackWidth(printedPx: number): number {
  return Math.max(1, Math.round((printedPx * FALLBACK_DPI) / 96));
}

/** Files of Arial, or a font with Arial's widths, where the usual systems keep them: regular then bold. */
const ARIAL_FILES = [
  ['/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf', '/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf'],
  ['/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf', '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf'],
  ['/usr/share/fonts/liberation-sans/LiberationSans-Regular.ttf', '/usr/share/fonts/liberation-sans/LiberationSans-Bold.ttf'],
  ['/usr/share/fonts/truetype/msttcorefonts/Arial.ttf', '/usr/share/fonts/truetype/msttcorefonts/Arial_Bold.ttf'],
  ['/System/Library/Fonts/Supplemental/Arial.ttf', '/System/Library/Fonts/Supplemental/Arial Bold.ttf'],
  ['/Library/Fonts/Arial.ttf', '/Library/Fonts/Arial Bold.ttf'],
  [path.join(process.env['WINDIR'] ?? 'C:\\Windows', 'Fonts', 'arial.ttf'), path.join(process.env['WINDIR'] ?? 'C:\\Windows', 'Fonts', 'arialbd.ttf')],
];

let arialFiles: string[] | null | undefined;
function arial(): string[] | null {
  arialFiles ??= ARIAL_FILES.find((pair) => pair.every((file) => fs.existsSync(file))) ?? null;
  return arialFiles;
}

/** Text Arial (and its stand-ins) draws itself: Latin, Greek, Cyrillic, punctuation and arrows. */
const BEYOND_ARIAL = /[^\t\n\r\u0020-\u024f\u0370-\u04ff\u2000-\u20cf\u2190-\u21ff]/;

/**
 * The fonts to draw an SVG with. Loading every font on the system takes longer than drawing a
 * diagram, so text Arial covers is drawn with Arial's files alone; other scripts (CJK, emoji,
 * right-to-left) need the system's fonts to find their glyphs.
 */
function fontsFor(svg: string) {
  const files = BEYOND_ARIAL.test(svg) ? null : arial();
  return files
    ? { loadSystemFonts: false, fontFiles: files, defaultFontFamily: 'Arial', sansSerifFamily: 'Arial' }
    : { loadSystemFonts: true, defaultFontFamily: 'Arial', sansSerifFamily: 'Arial' };
}

/** Renders an SVG to PNG at `widthPx` pixels wide (height follows the aspect ratio). */
export function svgToPng(svg: string, widthPx: number): Buffer {
  const width = Math.max(1, Math.min(MAX_PNG_SIDE, Math.round(widthPx)));
  const font = fontsFor(svg);
  const resvg = new Resvg(svg, { fitTo: { mode: 'width', value: width }, background: '#ffffff', font });
  const { height } = resvg;
  // Very tall and narrow drawings: cap the height too.
  if ((height / resvg.width) * width > MAX_PNG_SIDE) {
    const capped = new Resvg(svg, { fitTo: { mode: 'height', value: MAX_PNG_SIDE }, background: '#ffffff', font });
    return capped.render().asPng();
  }
  return resvg.render().asPng();
}

interface Drawn {
  id: number;
  png?: Uint8Array;
  error?: string;
}

/** What a drawing thread needs to draw one of our diagrams: the SVG and resvg's options for it. */
export interface RasterJob {
  svg: string;
  options: ResvgRenderOptions;
}

/** The drawing of one of our own diagrams at `widthPx` pixels wide, as `svgToPng` would draw it. */
export function rasterJob(svg: string, widthPx: number): RasterJob {
  const width = Math.max(1, Math.min(MAX_PNG_SIDE, Math.round(widthPx)));
  const size = sizeOf(svg);
  const tall = (size.height / size.width) * width > MAX_PNG_SIDE;
  const fitTo = tall ? ({ mode: 'height', value: MAX_PNG_SIDE } as const) : ({ mode: 'width', value: width } as const);
  return { svg: withoutBodyClip(svg), options: { fitTo, background: '#ffffff', font: fontsFor(svg) } };
}

/**
 * A drawing thread: draws SVG to PNG for the report while the report's own thread writes the
 * document. Plain JavaScript, so it runs the same from the sources and from the bundled app; resvg
 * is loaded from where the report's thread resolves it.
 */
const DRAWING_THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const { Resvg } = require(workerData.resvg);
parentPort.on('message', ({ id, svg, options }) => {
  try {
    parentPort.postMessage({ id, png: new Resvg(svg, options).render().asPng() });
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.message) || error) });
  }
});
`;

/**
 * How many pictures a drawing thread draws before it is ended and a fresh one takes over. resvg-js
 * 2 keeps about a picture's pixels (5 MB for a map part) for every picture it draws, whatever the
 * garbage collector does (thx/resvg-js#216), until its thread ends: a thread per core drawing a
 * whole report would hold a gigabyte.
 */
const PICTURES_PER_THREAD = 8;

interface Job {
  id: number;
  raster: RasterJob;
  resolve: (png: Buffer) => void;
  reject: (error: Error) => void;
}

/**
 * Threads that draw PNGs, one per core. Each is handed its whole batch of pictures at once, so it
 * keeps drawing while the report's thread is busy writing the document.
 */
export class Rasteriser {
  private readonly queue: Job[] = [];
  private running = 0;
  private next = 0;
  private flushed = false;
  private resvg: string | null = null;

  constructor(private readonly threads = availableParallelism()) {}

  /** Draws a picture; drawing starts once a thread's batch is full, or `flush` says no more are coming for now. */
  draw(raster: RasterJob): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.next++, raster, resolve, reject });
      this.pump();
    });
  }

  /** Starts drawing what is asked for even where it does not fill a batch. */
  flush(): void {
    this.flushed = true;
    this.pump();
  }

  private pump(): void {
    while (this.running < Math.max(1, this.threads) && (this.queue.length >= PICTURES_PER_THREAD || (this.flushed && this.queue.length > 0))) {
      this.startThread(this.queue.splice(0, PICTURES_PER_THREAD));
    }
  }

  private startThread(batch: Job[]): void {
    this.resvg ??= createRequire(import.meta.url).resolve('@resvg/resvg-js');
    this.running++;
    const jobs = new Map(batch.map((job) => [job.id, job]));
    const worker = new Worker(DRAWING_THREAD, { eval: true, workerData: { resvg: this.resvg } });
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      this.running--;
      void worker.terminate();
      this.pump();
    };
    worker.on('message', ({ id, png, error }: Drawn) => {
      const job = jobs.get(id);
      jobs.delete(id);
      if (png) job?.resolve(Buffer.from(png.buffer, png.byteOffset, png.byteLength));
      else job?.reject(new Error(error ?? 'The diagram could not be drawn.'));
      if (jobs.size === 0) end();
    });
    worker.on('error', (error) => {
      for (const job of jobs.values()) job.reject(error);
      jobs.clear();
      end();
    });
    worker.on('exit', () => {
      for (const job of jobs.values()) job.reject(new Error('The drawing thread stopped.'));
      jobs.clear();
      end();
    });
    for (const job of batch) worker.postMessage({ id: job.id, ...job.raster });
  }

  /** Ends the drawing; pictures not yet drawn are refused. */
  close(): void {
    const left = this.queue.splice(0);
    for (const job of left) job.reject(new Error('The report was stopped before its diagrams were drawn.'));
  }
}

/** The size our own diagrams declare on their root element. */
function sizeOf(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const width = Number(/\bwidth="([\d.]+)"/.exec(root)?.[1] ?? 1);
  const height = Number(/\bheight="([\d.]+)"/.exec(root)?.[1] ?? 1);
  return { width: width || 1, height: height || 1 };
}

/** Changes whenever the drawing of a PNG from the same SVG changes, so old cache entries are not used. */
const RENDERER = 'resvg-2.6/2';
/** The cache keeps the PNGs used most recently within this many bytes. */
const CACHE_BYTES = 256 * 1024 * 1024;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * PNG copies of SVG drawings, kept in a folder main gives the export (none: drawn every time) under
 * the hash of what was drawn at which size: a second report of the same engagement draws only the
 * maps that changed. Writing to the cache is best effort; a full disk only makes it a miss.
 */
export class PngCache {
  private wrote = false;

  constructor(private readonly dir: string | null) {}

  private fileFor(svg: string, width: number): string | null {
    if (!this.dir) return null;
    const key = createHash('sha256').update(RENDERER).update('\0').update(String(width)).update('\0').update(svg).digest('hex');
    return path.join(this.dir, key.slice(0, 2), `${key}.png`);
  }

  private async write(file: string | null, png: Buffer): Promise<void> {
    if (!file) return;
    const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      await fs.promises.mkdir(path.dirname(file), { recursive: true });
      await fs.promises.writeFile(temp, png);
      await fs.promises.rename(temp, file);
      this.wrote = true;
    } catch {
      await fs.promises.rm(temp, { force: true }).catch(() => undefined);
    }
  }

  /** The PNG drawn for this SVG at this size by an earlier report, if the cache has it. */
  find(svg: string, width: number): Buffer | null {
    const file = this.fileFor(svg, width);
    if (!file) return null;
    try {
      const data = fs.readFileSync(file);
      if (!data.subarray(0, 8).equals(PNG_SIGNATURE)) return null;
      const now = new Date();
      fs.promises.utimes(file, now, now).catch(() => undefined);
      return data;
    } catch {
      return null;
    }
  }

  /**
   * Every item's PNG: from the cache where an earlier report drew it, else drawn by the threads of
   * `rasteriser` and kept. The cache is looked in at once, so every picture to draw is handed to
   * the threads before this returns; `done` is called as each is ready.
   */
  drawAll(items: readonly { svg: string; width: number }[], rasteriser: Rasteriser, done: () => void): Promise<Buffer>[] {
    return items.map((item) => {
      const found = this.find(item.svg, item.width);
      if (found) {
        done();
        return Promise.resolve(found);
      }
      return rasteriser.draw(rasterJob(item.svg, item.width)).then(async (png) => {
        await this.write(this.fileFor(item.svg, item.width), png);
        done();
        return png;
      });
    });
  }

  /** Keeps the cache within its size, dropping the PNGs used longest ago; only after something was added. */
  prune(): void {
    if (!this.dir || !this.wrote) return;
    try {
      const files = fs
        .readdirSync(this.dir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .flatMap((d) => fs.readdirSync(path.join(this.dir as string, d.name)).map((name) => path.join(this.dir as string, d.name, name)))
        .map((file) => ({ file, stat: fs.statSync(file) }))
        .sort((a, b) => b.stat.mtimeMs - a.stat.mtimeMs);
      let kept = 0;
      for (const { file, stat } of files) {
        kept += stat.size;
        if (kept > CACHE_BYTES) fs.rmSync(file, { force: true });
      }
    } catch {
      // A cache that cannot be tidied now is tidied after the next report.
    }
  }
}

export interface LogoImage {
  type: 'png' | 'jpg' | 'svg';
  data: Buffer;
  /** For SVG logos, a PNG to show where SVG is not supported. */
  fallback: Buffer | null;
  width: number;
  height: number;
}

const MAX_LOGO_BYTES = 5 * 1024 * 1024;

function pngSize(data: Buffer): { width: number; height: number } | null {
  if (data.length < 24 || data.readUInt32BE(0) !== 0x89504e47) return null;
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

function jpegSize(data: Buffer): { width: number; height: number } | null {
  if (data.length < 4 || data[0] !== 0xff || data[1] !== 0xd8) return null;
  let offset = 2;
  while (offset + 9 < data.length) {
    if (data[offset] !== 0xff) return null;
    const marker = data[offset + 1] ?? 0;
    const length = data.readUInt16BE(offset + 2);
    // Start-of-frame markers carry the size; 0xC4, 0xC8 and 0xCC are tables, not frames.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: data.readUInt16BE(offset + 5), width: data.readUInt16BE(offset + 7) };
    }
    offset += 2 + length;
  }
  return null;
}


/** Reads and checks a logo file; every problem is a message the consultant can act on. */
export function readLogo(file: string): LogoImage {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new ShoshinError('invalid_input', msg('error.logo.missing', { path: file }));
  }
  if (!stat.isFile() || stat.size === 0 || stat.size > MAX_LOGO_BYTES) throw new ShoshinError('invalid_input', msg('error.logo.bad'));
  const data = fs.readFileSync(file);
  const png = pngSize(data);
  if (png && png.width > 0 && png.height > 0) return { type: 'png', data, fallback: null, ...png };
  const jpg = jpegSize(data);
  if (jpg && jpg.width > 0 && jpg.height > 0) return { type: 'jpg', data, fallback: null, ...jpg };
  const text = data.subarray(0, 4096).toString('utf8');
  if (/<svg[\s>]/i.test(text)) {
    try {
      const resvg = new Resvg(data, { font: { loadSystemFonts: false } });
      const { width, height } = resvg;
      if (width > 0 && height > 0) return { type: 'svg', data, fallback: svgToPng(data.toString('utf8'), Math.min(2000, width * 4)), width, height };
    } catch {
      throw new ShoshinError('invalid_input', msg('error.logo.bad'));
    }
  }
  throw new ShoshinError('invalid_input', msg('error.logo.bad'));
}
