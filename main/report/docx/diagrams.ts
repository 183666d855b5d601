import { ImageRun } from 'docx';
import { contentExtent, renderDiagram, STEP_FONT, type Diagram, type DiagramInput } from '../../../core/diagram';
import { LANE_HEADER_WIDTH, STEP_SIZE } from '../../../core/geometry';
import type { ProcessView } from '../../../core/model';
import { routeProcess, routingInput, type Routes } from '../../../core/routing';
import { clip, oneLine } from '../../../core/xml';
import { fallbackWidth, type PngCache, type Rasteriser } from '../images';
import { loadAvoid } from '../routes';
import type { Progress } from './context';
import { textArea, TWIPS_PER_PX, type PageSetup } from './pages';
import { msg } from '../../../core/messages';

/**
 * The process maps on paper. Every process gets an overview: the whole flow on one page. Where the
 * overview's step text would print smaller than about 7 pt, detail parts follow, the map cut between
 * step columns into parts of about the same width, all at one zoom, so the process reads as one map
 * cut into pages rather than pictures at different sizes.
 */

/** Step text smaller than this on paper is hard to read; below it the map also gets detail parts. */
export const SMALLEST_STEP_TEXT_PT = 7;
const PT_PER_PX = 0.75;
/** The zoom at which step text prints at the smallest readable size. */
const READABLE_SCALE = SMALLEST_STEP_TEXT_PT / (STEP_FONT * PT_PER_PX);
/** Room on the overview page for the chapter heading, the line of facts and the caption (twips). */
export const OVERVIEW_PAGE_RESERVE = 1950;
/** Room on a detail page for the line saying where the part continues and the caption (twips). */
export const PART_PAGE_RESERVE = 1150;
/** A map narrow enough for a portrait page takes at most this share of its height, leaving room for the text. */
const PORTRAIT_SHARE = 0.5;

export interface DiagramPart {
  diagram: Diagram;
  /** Printed size, in px at 96 per inch. */
  width: number;
  height: number;
}

export interface DiagramPlan {
  /** A narrow map sits on the chapter's first portrait page; any other gets map pages of its own. */
  orientation: 'portrait' | 'map';
  overview: DiagramPart;
  /** The map in detail, left to right; empty when the overview is readable as it is. */
  parts: DiagramPart[];
}

export function diagramInput(view: ProcessView, routes: Routes): DiagramInput {
  return { lanes: view.lanes, steps: view.steps, flows: view.flows, painPoints: view.painPoints, questions: view.questions, routes };
}

/** Step text size on paper, in points, of a map printed at `scale`. */
export function stepTextPt(scale: number): number {
  return STEP_FONT * PT_PER_PX * scale;
}

export function partScale(part: DiagramPart): number {
  return part.width / part.diagram.width;
}

function sized(diagram: Diagram, scale: number): DiagramPart {
  return { diagram, width: Math.max(1, Math.round(diagram.width * scale)), height: Math.max(1, Math.round(diagram.height * scale)) };
}

interface Span {
  from: number;
  to: number;
}

/** Where steps (with their event labels and marker rows) take room across the canvas, merged into runs. */
function occupied(input: DiagramInput): Span[] {
  const spans = input.steps
    .map((s) => {
      const width = STEP_SIZE[s.kind].width;
      // An event's label is wider than its circle; a step's pain markers hang off its right edge.
      const pad = s.kind === 'start' || s.kind === 'end' ? 46 : 12;
      return { from: s.x - pad, to: s.x + width + pad + 10 };
    })
    .sort((a, b) => a.from - b.from);
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.from <= last.to) last.to = Math.max(last.to, span.to);
    else merged.push({ ...span });
  }
  return merged;
}

/**
 * Cuts the map's width into `count` parts no wider than `most`, only in gaps between steps, as even
 * as the gaps allow and each holding at least two steps where it can (never a part with only the end
 * event on it). Null when the gaps do not allow it.
 */
function evenCuts(extent: Span, gaps: readonly number[], centres: readonly number[], count: number, most: number): number[] | null {
  const points = [extent.from, ...gaps, extent.to];
  const ideal = (extent.to - extent.from) / count;
  const stepsBetween = (a: number, b: number) => {
    let n = 0;
    for (const c of centres) if (c >= a && c < b) n++;
    return n;
  };
  const lonely = centres.length >= 2 * count ? ideal * ideal * 4 : 0;
  const cost = (i: number, j: number) => {
    const a = points[i] as number;
    const b = points[j] as number;
    if (b - a > most) return Infinity;
    return (b - a - ideal) ** 2 + (stepsBetween(a, b) < 2 ? lonely : 0);
  };
  const last = points.length - 1;
  // best[k][j]: the least cost of covering the map up to point j with k parts; from[k][j] the point before.
  let best = points.map((_, j) => (j === 0 ? 0 : Infinity));
  const back: number[][] = [];
  for (let k = 1; k <= count; k++) {
    const next = points.map(() => Infinity);
    const from = points.map(() => -1);
    for (let j = 1; j <= last; j++) {
      if (k === count && j !== last) continue;
      for (let i = j - 1; i >= 0; i--) {
        if ((points[j] as number) - (points[i] as number) > most) break;
        if (!Number.isFinite(best[i] as number)) continue;
        const total = (best[i] as number) + cost(i, j);
        if (total < (next[j] as number)) {
          next[j] = total;
          from[j] = i;
        }
      }
    }
    back.push(from);
    best = next;
  }
  if (!Number.isFinite(best[last] as number)) return null;
  const cuts: number[] = [];
  for (let k = count - 1, j = last; k > 0; k--) {
    j = back[k]?.[j] ?? 0;
    cuts.unshift(points[j] as number);
  }
  return cuts;
}

/** The canvas ranges of the detail parts: as few as fit `mostBody` canvas px each, evenly cut between steps. */
export function partRanges(input: DiagramInput, mostBody: number): Span[] {
  const extent = contentExtent(input);
  const width = extent.to - extent.from;
  if (width <= mostBody) return [extent];
  const runs = occupied(input);
  const gaps: number[] = [];
  for (let i = 1; i < runs.length; i++) {
    const middle = ((runs[i - 1] as Span).to + (runs[i] as Span).from) / 2;
    if (middle > extent.from && middle < extent.to) gaps.push(middle);
  }
  const centres = input.steps.map((s) => s.x + STEP_SIZE[s.kind].width / 2).sort((a, b) => a - b);
  const fewest = Math.ceil(width / mostBody);
  for (let count = fewest; count <= Math.min(gaps.length + 1, fewest * 2); count++) {
    const cuts = evenCuts(extent, gaps, centres, count, mostBody);
    if (cuts) return [extent.from, ...cuts].map((from, i) => ({ from, to: cuts[i] ?? extent.to }));
  }
  // Steps packed wall to wall: cut through them, evenly.
  return Array.from({ length: fewest }, (_, i) => ({ from: extent.from + (i * width) / fewest, to: extent.from + ((i + 1) * width) / fewest }));
}

/** How a process's map goes on paper: its overview, and the detail parts when the overview is too small to read. */
export function planDiagram(view: ProcessView, setup: PageSetup, routes: Routes): DiagramPlan {
  const input = diagramInput(view, routes);
  const whole = renderDiagram(input);
  const px = (twips: number) => twips / TWIPS_PER_PX;
  const portrait = textArea(setup, 'portrait');
  const portraitScale = Math.min(1, px(portrait.width) / whole.width, (px(portrait.height) * PORTRAIT_SHARE) / whole.height);
  if (portraitScale >= READABLE_SCALE) return { orientation: 'portrait', overview: sized(whole, portraitScale), parts: [] };

  const map = textArea(setup, 'map');
  const overviewScale = Math.min(1, px(map.width) / whole.width, px(map.height - OVERVIEW_PAGE_RESERVE) / whole.height);
  const overview = sized(whole, overviewScale);
  // Parts are as tall as the map; a map too tall for the page stays below 7 pt even in parts.
  const heightScale = px(map.height - PART_PAGE_RESERVE) / whole.height;
  const detailScale = Math.min(1, heightScale, READABLE_SCALE);
  if (overviewScale >= READABLE_SCALE || detailScale <= overviewScale * 1.15) return { orientation: 'map', overview, parts: [] };

  const ranges = partRanges(input, px(map.width) / detailScale - LANE_HEADER_WIDTH);
  const diagrams = ranges.map((range) => renderDiagram(input, { range }));
  // One zoom for every part: the largest at which the widest part still fits the page.
  const scale = Math.min(1, heightScale, ...diagrams.map((d) => px(map.width) / d.width));
  return { orientation: 'map', overview, parts: diagrams.map((d) => sized(d, scale)) };
}

const STAND_IN = 'shoshin-diagram-png-';

/**
 * The PNG copies of the report's pictures (for readers without SVG), drawn while the document is
 * written. Each picture gets a stand-in at once: distinct bytes, so `docx` gives each its own
 * media part, which `withPngs` fills with the PNG once all are drawn. The PNGs are the slow part:
 * drawn by threads on every core, and a picture drawn for an earlier report comes from the cache.
 */
export class Fallbacks {
  readonly standIns = new Map<DiagramPart, Buffer>();
  private readonly drawing: Promise<[string, Buffer]>[] = [];
  private done = 0;
  private waiting = false;

  constructor(
    private readonly cache: PngCache,
    private readonly rasteriser: Rasteriser,
    private readonly progress: Progress,
  ) {}

  private said(): void {
    const total = Math.max(1, this.drawing.length);
    this.progress(msg('export.drawingDiagrams', { done: this.done, total: this.drawing.length }), 88 + Math.round((7 * this.done) / total));
  }

  /** Hands the parts' pictures to the drawing threads, or finds them in the cache. */
  draw(parts: readonly DiagramPart[]): void {
    const pngs = this.cache.drawAll(
      parts.map((part) => ({ svg: part.diagram.svg, width: fallbackWidth(part.width) })),
      this.rasteriser,
      () => {
        this.done++;
        if (this.waiting) this.said();
      },
    );
    parts.forEach((part, i) => {
      const key = `${STAND_IN}${this.standIns.size}`;
      this.standIns.set(part, Buffer.from(key));
      const png = (pngs[i] as Promise<Buffer>).then((data): [string, Buffer] => [key, data]);
      // Not left unhandled while the document is written; the error is met when the PNGs are awaited.
      png.catch(() => undefined);
      this.drawing.push(png);
    });
  }

  /** The PNGs by the text of their stand-ins, once all are drawn; says how many are done meanwhile. */
  all(): Promise<Map<string, Buffer>> {
    this.waiting = true;
    this.said();
    return Promise.all(this.drawing).then((entries) => new Map(entries));
  }
}

/** Every process's map planned, its pictures handed to `fallbacks` as each process is planned. */
export async function drawDiagrams(views: readonly ProcessView[], setup: PageSetup, fallbacks: Fallbacks, progress: Progress): Promise<Map<string, DiagramPlan>> {
  const avoid = await loadAvoid();
  const plans = new Map<string, DiagramPlan>();
  const total = views.reduce((sum, view) => sum + Math.max(1, view.steps.length), 0);
  let planned = 0;
  for (const view of views) {
    const plan = planDiagram(view, setup, routeProcess(avoid, routingInput(view)));
    plans.set(view.process.id, plan);
    fallbacks.draw([plan.overview, ...plan.parts]);
    planned += Math.max(1, view.steps.length);
    progress(msg('export.layingOut'), 10 + Math.round((65 * planned) / total));
  }
  return plans;
}

/** The package with every picture's stand-in replaced by its PNG. */
export function withPngs(parts: Map<string, string | Uint8Array>, pngs: Map<string, Buffer>): void {
  let replaced = 0;
  for (const [name, data] of parts) {
    if (typeof data === 'string' || data.length > 64 || !name.startsWith('word/media/')) continue;
    const png = pngs.get(Buffer.from(data).toString('utf8'));
    if (png) {
      parts.set(name, png);
      replaced++;
    }
  }
  // Every picture drawn is in the document once; one left as its stand-in would be a broken picture.
  if (replaced !== pngs.size) throw new Error(`Only ${replaced} of ${pngs.size} diagram pictures were placed in the report.`);
}

export function diagramImage(part: DiagramPart, png: Buffer, title: string, description: string): ImageRun {
  return new ImageRun({
    type: 'svg',
    data: Buffer.from(part.diagram.svg, 'utf8'),
    fallback: { type: 'png', data: png },
    transformation: { width: part.width, height: part.height },
    altText: { name: clip(oneLine(title), 200), title: clip(oneLine(title), 200), description: clip(oneLine(description), 1000) },
  });
}
