import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { ResvgRenderOptions } from '@resvg/resvg-js';
import { withoutBodyClip } from '../../core/diagram';
import { ShoshinError } from '../../core/errors';
import { msg } from '../../core/messages';
import { TEXT_ELEMENT, withGlyphOutlines } from './glyphs';

/**
 * Resolution of the PNG copies of diagrams, on paper: they are what a reader without SVG sees
 * (LibreOffice, older Word). A detail part's smallest words (7 pt) come out 12 px tall, sharp on
 * screen up to 125 % zoom and legible in print; 150 dpi cost a report of 2,000 steps a seventh
 * more time and a tenth more memory for a difference seen only on paper.
 */
export const FALLBACK_DPI = 120;
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

const RESVG = '@resvg/resvg-js';
const requireHere = createRequire(import.meta.url);
let resvgModule: typeof import('@resvg/resvg-js') | null = null;

/**
 * resvg's allocator (mimalloc) hands memory back to the system as soon as it is freed, so every
 * picture faults its pages in again: a quarter of a report's drawing time. Kept, it is reused by
 * the next picture. mimalloc reads this setting once, when resvg is first loaded in the process,
 * from the real environment, of which a worker thread's `process.env` is only a copy: so the main
 * thread sets it before any thread loads resvg.
 */
export function keepDrawingMemory(): void {
  process.env['MIMALLOC_PURGE_DELAY'] ??= '-1';
}

/** resvg, loaded on first use, after its allocator is told to keep memory. */
function resvg(): typeof import('@resvg/resvg-js') {
  keepDrawingMemory();
  resvgModule ??= requireHere(RESVG) as typeof import('@resvg/resvg-js');
  return resvgModule;
}

/** Renders an SVG to PNG at `widthPx` pixels wide (height follows the aspect ratio). */
export function svgToPng(svg: string, widthPx: number): Buffer {
  const { Resvg } = resvg();
  const width = Math.max(1, Math.min(MAX_PNG_SIDE, Math.round(widthPx)));
  const font = fontsFor(svg);
  const drawing = new Resvg(svg, { fitTo: { mode: 'width', value: width }, background: '#ffffff', font });
  // Very tall and narrow drawings: cap the height too.
  if ((drawing.height / drawing.width) * width > MAX_PNG_SIDE) {
    const capped = new Resvg(svg, { fitTo: { mode: 'height', value: MAX_PNG_SIDE }, background: '#ffffff', font });
    return capped.render().asPng();
  }
  return drawing.render().asPng();
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
  /** How many pixels the PNG has: how long the picture keeps a thread busy, near enough. */
  pixels: number;
}

/** Text drawn fewer pixels tall than this is a grey smudge in the picture, not words. */
const LEGIBLE_TEXT_PX = 2;
/** SVG's default font size, for text that does not give its own. */
const MEDIUM_FONT_PX = 16;

/**
 * The drawing without the text that would come out too small to read at `scale`: in the overview
 * of a long process the words are specks, yet shaping them is a third of the picture's drawing
 * time. The SVG the document carries keeps every word, for a reader who zooms in.
 */
function withoutIllegibleText(svg: string, scale: number): string {
  return svg.replace(TEXT_ELEMENT, (element) => {
    const size = Number(/\bfont-size="([\d.]+)"/.exec(element)?.[1] ?? MEDIUM_FONT_PX);
    return size * scale < LEGIBLE_TEXT_PX ? '' : element;
  });
}

/** What a drawing thread needs to draw the fallback PNG of one of our own diagrams, `widthPx` pixels wide. */
export function rasterJob(svg: string, widthPx: number): RasterJob {
  const width = Math.max(1, Math.min(MAX_PNG_SIDE, Math.round(widthPx)));
  const size = sizeOf(svg);
  const tall = (size.height / size.width) * width > MAX_PNG_SIDE;
  const fitTo = tall ? ({ mode: 'height', value: MAX_PNG_SIDE } as const) : ({ mode: 'width', value: width } as const);
  const scale = fitTo.value / (tall ? size.height : size.width);
  const drawn = withGlyphOutlines(withoutIllegibleText(withoutBodyClip(svg), scale));
  const font = drawn.includes('<text') ? fontsFor(drawn) : { loadSystemFonts: false };
  return { svg: drawn, options: { fitTo, background: '#ffffff', font }, pixels: Math.ceil(size.width * scale) * Math.ceil(size.height * scale) };
}

/**
 * A drawing thread: draws SVG to PNG for the report while the report's own thread writes the
 * document. Plain JavaScript, so it runs the same from the sources and from the bundled app; resvg
 * is loaded from where the report's thread resolves it.
 *
 * resvg-js frees a picture's pixels (5 MB for a map part) only once the garbage collector has
 * collected the picture and the thread's event loop has turned, and V8 does not count those
 * pixels towards its heap, so it seldom collects: a thread left to itself holds every picture it
 * ever drew (thx/resvg-js#216). So the thread collects after each picture and draws the next one
 * on a later turn of its loop.
 */
const DRAWING_THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const v8 = require('node:v8');
const vm = require('node:vm');
const { Resvg } = require(workerData.resvg);
let collect = () => {};
try {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc');
  if (typeof gc === 'function') collect = () => gc({ type: 'minor' });
} catch {
  // A runtime that will not expose the collector still draws; the thread then keeps its pictures' pixels.
}
const waiting = [];
function drawNext() {
  const job = waiting.shift();
  if (!job) return;
  let drawn;
  try {
    drawn = { id: job.id, png: new Resvg(job.svg, job.options).render().asPng() };
  } catch (error) {
    drawn = { id: job.id, error: String((error && error.message) || error) };
  }
  collect();
  parentPort.postMessage(drawn);
  if (waiting.length > 0) setImmediate(drawNext);
}
parentPort.on('message', (job) => {
  waiting.push(job);
  if (waiting.length === 1) setImmediate(drawNext);
});
`;

interface Job {
  id: number;
  raster: RasterJob;
  resolve: (png: Buffer) => void;
  reject: (error: Error) => void;
}

const stopped = () => new Error('The report was stopped before its diagrams were drawn.');

function refuseAll(thread: DrawingThread, error: Error): void {
  for (const job of thread.jobs.values()) job.reject(error);
  thread.jobs.clear();
  thread.pixels = 0;
}

interface DrawingThread {
  worker: Worker;
  jobs: Map<number, Job>;
  /** Pixels handed to it and not yet drawn: how long it will be busy. */
  pixels: number;
}

/**
 * Threads that draw PNGs, one per core, for the whole report. Each picture goes to the thread with
 * the fewest pixels still to draw the moment it is asked for, so the threads keep drawing while
 * the report's thread is busy writing the document and cannot hand out work.
 */
export class Rasteriser {
  private readonly threads: DrawingThread[] = [];
  private next = 0;
  private closed = false;
  private resvg: string | null = null;

  constructor(private readonly cores = availableParallelism()) {}

  /** Draws a picture on a drawing thread. */
  draw(raster: RasterJob): Promise<Buffer> {
    if (this.closed) return Promise.reject(stopped());
    return new Promise((resolve, reject) => {
      const job = { id: this.next++, raster, resolve, reject };
      const thread = this.threads.length < Math.max(1, this.cores) ? this.startThread() : this.leastBusy();
      thread.jobs.set(job.id, job);
      thread.pixels += raster.pixels;
      thread.worker.postMessage({ id: job.id, svg: raster.svg, options: raster.options });
    });
  }

  private leastBusy(): DrawingThread {
    return this.threads.reduce((best, thread) => (thread.pixels < best.pixels ? thread : best));
  }

  private startThread(): DrawingThread {
    keepDrawingMemory();
    this.resvg ??= requireHere.resolve(RESVG);
    const thread: DrawingThread = { worker: new Worker(DRAWING_THREAD, { eval: true, workerData: { resvg: this.resvg } }), jobs: new Map(), pixels: 0 };
    this.threads.push(thread);
    // A thread that failed or stopped refuses what it held and takes no more: the next picture starts a fresh one.
    const failAll = (error: Error) => {
      const at = this.threads.indexOf(thread);
      if (at >= 0) this.threads.splice(at, 1);
      refuseAll(thread, error);
    };
    thread.worker.on('message', ({ id, png, error }: Drawn) => {
      const job = thread.jobs.get(id);
      if (!job) return;
      thread.jobs.delete(id);
      thread.pixels -= job.raster.pixels;
      if (png) job.resolve(Buffer.from(png.buffer, png.byteOffset, png.byteLength));
      else job.reject(new Error(error ?? 'The diagram could not be drawn.'));
    });
    thread.worker.on('error', failAll);
    thread.worker.on('exit', () => failAll(new Error('The drawing thread stopped.')));
    return thread;
  }

  /** Ends the drawing threads; pictures not yet drawn are refused. */
  close(): void {
    this.closed = true;
    for (const thread of this.threads.splice(0)) {
      void thread.worker.terminate();
      refuseAll(thread, stopped());
    }
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
const RENDERER = 'resvg-2.6/4';
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
      const { Resvg } = resvg();
      const { width, height } = new Resvg(data, { font: { loadSystemFonts: false } });
      if (width > 0 && height > 0) return { type: 'svg', data, fallback: svgToPng(data.toString('utf8'), Math.min(2000, width * 4)), width, height };
    } catch {
      throw new ShoshinError('invalid_input', msg('error.logo.bad'));
    }
  }
  throw new ShoshinError('invalid_input', msg('error.logo.bad'));
}
