import { ImageRun } from 'docx';
import { availableParallelism } from 'node:os';
import { diagramSlices, renderDiagram, type Diagram } from '../../../core/diagram';
import { LANE_HEADER_WIDTH } from '../../../core/geometry';
import type { ProcessView } from '../../../core/model';
import { clip, oneLine } from '../../../core/xml';
import { PRINT_DPI, svgToPngAsync } from '../images';
import type { Progress } from './context';
import { LANDSCAPE_HEIGHT, LANDSCAPE_WIDTH, PORTRAIT_WIDTH, TWIPS_PER_PX, type Orientation } from './pages';
import { msg } from '../../../core/messages';

/** The process diagrams on paper: which orientation, in how many parts, at one zoom, drawn to PNG ahead of time. */

/** Below this the diagram's step text prints smaller than about 7 pt; wider processes get landscape pages or parts. */
const MIN_DIAGRAM_SCALE = 0.72;
const MAX_DIAGRAM_PARTS = 8;

export interface DiagramPart {
  diagram: Diagram;
  width: number;
  height: number;
}

/** How a process's diagram goes on paper: portrait if it is narrow, landscape, or landscape in parts. */
export function planDiagram(view: ProcessView): { orientation: Orientation; parts: DiagramPart[] } {
  const input = { lanes: view.lanes, steps: view.steps, flows: view.flows, painPoints: view.painPoints, questions: view.questions };
  const whole = renderDiagram(input);
  const portraitPx = PORTRAIT_WIDTH / TWIPS_PER_PX;
  const landscapePx = LANDSCAPE_WIDTH / TWIPS_PER_PX;
  // The first landscape page also carries the process heading and a line of facts.
  const firstHeightPx = (LANDSCAPE_HEIGHT - 1700) / TWIPS_PER_PX;
  const fit = (d: Diagram, maxWidth: number, maxHeight: number): DiagramPart => {
    const scale = Math.min(1, maxWidth / d.width, maxHeight / d.height);
    return { diagram: d, width: Math.round(d.width * scale), height: Math.round(d.height * scale) };
  };
  if (whole.width * MIN_DIAGRAM_SCALE <= portraitPx && whole.height * MIN_DIAGRAM_SCALE <= 560) {
    return { orientation: 'portrait', parts: [fit(whole, portraitPx, 760)] };
  }
  if (whole.width * MIN_DIAGRAM_SCALE <= landscapePx) return { orientation: 'landscape', parts: [fit(whole, landscapePx, firstHeightPx)] };
  const extent = whole.width - LANE_HEADER_WIDTH;
  const body = Math.max(landscapePx / MIN_DIAGRAM_SCALE - LANE_HEADER_WIDTH, extent / MAX_DIAGRAM_PARTS);
  const diagrams = diagramSlices(input, body).map((range) => renderDiagram(input, { range }));
  // One zoom for every part, so the process reads as one map cut into pages, not pictures at different sizes.
  const otherHeightPx = (LANDSCAPE_HEIGHT - 900) / TWIPS_PER_PX;
  const scale = Math.min(1, ...diagrams.map((d, i) => Math.min(landscapePx / d.width, (i === 0 ? firstHeightPx : otherHeightPx) / d.height)));
  return { orientation: 'landscape', parts: diagrams.map((d) => ({ diagram: d, width: Math.round(d.width * scale), height: Math.round(d.height * scale) })) };
}

export type DiagramPlan = ReturnType<typeof planDiagram>;

export function pngWidth(part: DiagramPart): number {
  return (part.width * PRINT_DPI) / 96;
}

/**
 * Every process's diagram, planned and drawn to PNG before the document is written: the PNGs are
 * the slow part, and drawn together they keep every core busy.
 */
export async function drawDiagrams(views: readonly ProcessView[], progress: Progress): Promise<{ plans: Map<string, DiagramPlan>; pngs: Map<DiagramPart, Buffer> }> {
  const plans = new Map(views.map((view) => [view.process.id, planDiagram(view)]));
  const parts = [...plans.values()].flatMap((plan) => plan.parts);
  const pngs = new Map<DiagramPart, Buffer>();
  let next = 0;
  const lanes = Math.max(1, Math.min(parts.length, availableParallelism()));
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < parts.length) {
        const part = parts[next++];
        if (!part) break;
        pngs.set(part, await svgToPngAsync(part.diagram.svg, pngWidth(part)));
        progress(msg('export.drawingDiagrams', { done: pngs.size, total: parts.length }), 15 + Math.round((60 * pngs.size) / parts.length));
      }
    }),
  );
  return { plans, pngs };
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
