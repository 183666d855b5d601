import fs from 'node:fs';
import { renderAsync, Resvg } from '@resvg/resvg-js';
import { ShoshinError } from '../../core/errors';
import { msg } from '../../core/messages';

/** Print resolution for the PNG copies of diagrams: crisp on paper and when zoomed in Word. */
export const PRINT_DPI = 300;
/** The largest PNG side we render, so a step dragged a million pixels away cannot exhaust memory. */
const MAX_PNG_SIDE = 12_000;

/** Renders an SVG to PNG at `widthPx` pixels wide (height follows the aspect ratio). */
export function svgToPng(svg: string, widthPx: number): Buffer {
  const width = Math.max(1, Math.min(MAX_PNG_SIDE, Math.round(widthPx)));
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    background: '#ffffff',
    font: { loadSystemFonts: true, defaultFontFamily: 'Arial', sansSerifFamily: 'Arial' },
  });
  const { height } = resvg;
  // Very tall and narrow drawings: cap the height too.
  if ((height / resvg.width) * width > MAX_PNG_SIDE) {
    const capped = new Resvg(svg, { fitTo: { mode: 'height', value: MAX_PNG_SIDE }, background: '#ffffff', font: { loadSystemFonts: true, defaultFontFamily: 'Arial' } });
    return capped.render().asPng();
  }
  return resvg.render().asPng();
}

/**
 * The same, rendered on libuv's thread pool: the report draws every diagram at once and the
 * machine's cores share the work instead of drawing one after another.
 */
export async function svgToPngAsync(svg: string, widthPx: number): Promise<Buffer> {
  const width = Math.max(1, Math.min(MAX_PNG_SIDE, Math.round(widthPx)));
  const font = { loadSystemFonts: true, defaultFontFamily: 'Arial', sansSerifFamily: 'Arial' };
  const probe = new Resvg(svg, { fitTo: { mode: 'width', value: width }, font });
  const tall = (probe.height / probe.width) * width > MAX_PNG_SIDE;
  const fitTo = tall ? ({ mode: 'height', value: MAX_PNG_SIDE } as const) : ({ mode: 'width', value: width } as const);
  return (await renderAsync(svg, { fitTo, background: '#ffffff', font })).asPng();
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
