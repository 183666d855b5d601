import { Resvg } from '@resvg/resvg-js';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { contentExtent, diagramSlices, renderDiagram, stepBoxes, textWidth, wrapText, type Box, type DiagramInput } from '../../core/diagram';
import { LANE_HEADER_WIDTH, STEP_SIZE } from '../../core/geometry';
import { renderImpactEffortMatrix } from '../../core/matrix';
import type { ProcessView } from '../../core/model';
import { routeProcess, routingInput, type AvoidApi } from '../../core/routing';
import { escapeXml, xmlSafe } from '../../core/xml';
import { loadAvoid } from '../../main/report/routes';
import { cleanTempDirs } from '../helpers';
import { HOSTILE, hostileStore, processViews, sampleStore, XML_ILLEGAL } from '../reportFixtures';

afterEach(cleanTempDirs);

let avoid: AvoidApi;
beforeAll(async () => {
  avoid = await loadAvoid();
});

/** A process with its flows routed, as every output draws it. */
function routed(view: Omit<DiagramInput, 'routes'>): DiagramInput {
  return { ...view, routes: routeProcess(avoid, routingInput(view)) };
}

/** resvg parses SVG strictly: malformed XML or a bad attribute value throws. */
function parses(svg: string): { width: number; height: number } {
  const resvg = new Resvg(svg, { font: { loadSystemFonts: false } });
  return { width: resvg.width, height: resvg.height };
}

function count(svg: string, pattern: RegExp): number {
  return svg.match(pattern)?.length ?? 0;
}

function samples(): (ProcessView & DiagramInput)[] {
  const store = sampleStore();
  try {
    return processViews(store).map((view) => ({ ...view, routes: routeProcess(avoid, routingInput(view)) }));
  } finally {
    store.close();
  }
}

describe('diagram', () => {
  it('draws every lane, step, flow and marker of each sample process as well-formed SVG', () => {
    for (const view of samples()) {
      const { svg, width, height } = renderDiagram(view);
      expect(parses(svg)).toEqual({ width, height });
      for (const lane of view.lanes) expect(svg).toContain(`>${escapeXml(lane.name)}</text>`);
      // Every flow ends in exactly one arrowhead (a filled triangle path).
      expect(count(svg, /<path d="M[^"]*Z" fill="#5b6677"\/>/g)).toBe(view.flows.length);
      const kinds = (kind: string) => view.steps.filter((s) => s.kind === kind).length;
      // Start circles, plus the one in the legend.
      expect(count(svg, /<circle [^>]*stroke-width="2"\/>/g)).toBe(kinds('start') + 1);
      expect(count(svg, /<circle [^>]*stroke-width="4.5"\/>/g)).toBe(kinds('end'));
      expect(count(svg, /stroke-dasharray="6 3"/g)).toBe(kinds('wait'));
      for (const flow of view.flows) if (flow.label) expect(svg).toContain(`>${escapeXml(flow.label)}</text>`);
      // Numbered pain-point markers in the pain colour, one per pain point (process-wide ones sit in the legend row).
      for (const pain of view.painPoints) expect(svg).toMatch(new RegExp(`fill="#d9480f"[^>]*/><text [^>]*>${pain.number}</text>`));
      const openOnSteps = new Set(view.questions.filter((q) => q.status === 'open' && q.stepId).map((q) => q.stepId));
      expect(count(svg, /fill="#b7791f"[^>]*\/><text [^>]*>\?<\/text>/g)).toBe(openOnSteps.size + 1);
      for (const label of ['Activity', 'Decision', 'Start', 'End', 'Wait', 'Sub-process', 'Pain point', 'Open question']) expect(svg).toContain(`>${label}</text>`);
    }
  });

  it('puts steps where the user drew them: lane band top plus the step’s own y', () => {
    const view = samples()[0] as ProcessView & DiagramInput;
    const { bands, boxes } = stepBoxes(view.lanes, view.steps);
    const extent = contentExtent(view);
    const { svg } = renderDiagram(view);
    const dy = Number(/<g transform="translate\(([-\d.]+) ([-\d.]+)\)">/.exec(svg)?.[2]);
    const dx = Number(/<g transform="translate\(([-\d.]+) ([-\d.]+)\)">/.exec(svg)?.[1]);
    expect(dx).toBeCloseTo(LANE_HEADER_WIDTH - extent.from);
    for (const step of view.steps.filter((s) => s.kind === 'activity')) {
      const band = bands.find((b) => b.laneId === step.laneId);
      const box = boxes.get(step.id) as Box;
      expect(box.y).toBe((band?.top ?? -1) + step.y);
      expect(box.x).toBe(step.x);
      expect(svg).toContain(`<rect x="${box.x}" y="${box.y}" width="${STEP_SIZE.activity.width}" height="${STEP_SIZE.activity.height}" rx="10"`);
    }
    expect(Number.isFinite(dy)).toBe(true);
  });

  it('cuts wide processes into parts between steps, each step drawn whole in one part', () => {
    for (const view of samples()) {
      const slices = diagramSlices(view, 1100);
      const extent = contentExtent(view);
      expect(slices[0]?.from).toBe(extent.from);
      expect(slices[slices.length - 1]?.to).toBe(extent.to);
      for (let i = 1; i < slices.length; i++) expect(slices[i]?.from).toBe(slices[i - 1]?.to);
      for (const slice of slices) expect(slice.to - slice.from).toBeLessThanOrEqual(1100);
      for (const step of view.steps) {
        const right = step.x + STEP_SIZE[step.kind].width;
        const holding = slices.filter((s) => step.x < s.to && right > s.from);
        expect(holding).toHaveLength(1);
      }
      for (const [i, range] of slices.entries()) {
        const { svg } = renderDiagram(view, { range });
        parses(svg);
        expect(svg.includes('continues →')).toBe(i < slices.length - 1);
        expect(svg.includes('← continued')).toBe(i > 0);
      }
    }
  });

  it('keeps every hostile text out of the markup: escaped, control characters gone, long text cut with an ellipsis', () => {
    const store = hostileStore();
    try {
      for (const view of processViews(store).map(routed)) {
        const { svg, width, height } = renderDiagram(view);
        expect(parses(svg)).toEqual({ width, height });
        expect(svg).not.toMatch(XML_ILLEGAL);
        expect(svg).not.toContain('<script');
        expect(svg.length).toBeLessThan(200_000);
        for (const range of diagramSlices(view, 700)) parses(renderDiagram(view, { range }).svg);
      }
      const all = processViews(store).map((v) => renderDiagram(routed(v)).svg).join('');
      expect(all).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
      expect(all).toContain('שלום');
      expect(all).toContain('🎫');
      expect(all).toContain('…');
      expect(all).toContain('Unnamed lane');
    } finally {
      store.close();
    }
  });

  it('draws an empty process and the impact/effort matrix as valid SVG', () => {
    const empty = renderDiagram({ lanes: [], steps: [], flows: [], routes: {} });
    parses(empty.svg);
    expect(empty.svg).toContain('No steps drawn yet');
    const matrix = renderImpactEffortMatrix([
      { number: 1, impact: 5, effort: 1 },
      { number: 2, impact: 5, effort: 1 },
      { number: 3, impact: 1, effort: 5 },
    ]);
    parses(matrix.svg);
    for (const label of ['Quick wins', 'Major projects', 'Fill-ins', 'Reconsider']) expect(matrix.svg).toContain(label);
    expect(count(matrix.svg, /<circle /g)).toBe(3);
    parses(renderImpactEffortMatrix([]).svg);
  });
});

describe('text for XML', () => {
  it('wraps at word boundaries, breaks over-long words, and never exceeds the line budget', () => {
    const { lines, truncated } = wrapText('Check ID against HR record', 120, 13, 3);
    expect(truncated).toBe(false);
    expect(lines.join(' ')).toBe('Check ID against HR record');
    for (const line of lines) expect(textWidth(line, 13)).toBeLessThanOrEqual(120);
    const long = wrapText(HOSTILE.long, 150, 13, 3);
    expect(long.lines).toHaveLength(3);
    expect(long.truncated).toBe(true);
    expect(long.lines[2]?.endsWith('…')).toBe(true);
    const word = wrapText(HOSTILE.longWord, 150, 13, 2);
    expect(word.lines).toHaveLength(2);
    for (const line of word.lines) expect(textWidth(line, 13)).toBeLessThanOrEqual(150);
    expect(wrapText('', 100, 13, 2).lines).toEqual([]);
  });

  it('never splits a word that fits a line: a smaller size first, then after its hyphen, cutting only as the last resort', () => {
    // Wider than an activity's text at 13 px, narrow enough at 12: the step prints a size smaller, the word whole.
    const steps = [
      { id: 's1', kind: 'activity' as const, text: 'Telecommunications-owned laptops' },
      { id: 's2', kind: 'decision' as const, text: 'Infrastructure-owned?' },
      { id: 's3', kind: 'activity' as const, text: 'Supercalifragilisticexpialidociousnessesque' },
    ].map((s, i) => ({ ...s, processId: 'p', laneId: null, x: 300 + i * 300, y: 20, description: '', system: '', workMinutes: null, waitMinutes: null, volume: '', valueClass: null, sessionId: null, subprocessId: null }));
    const { svg } = renderDiagram(routed({ lanes: [], steps, flows: [] }));
    const lines = [...svg.matchAll(/<text [^>]*font-size="(\d+)"[^>]*>([^<]*)<\/text>/g)].map((m) => ({ size: Number(m[1]), text: m[2] ?? '' }));
    expect(lines).toContainEqual({ size: 12, text: 'Telecommunications-owned' });
    // A diamond is too narrow for it at any size: it breaks after the hyphen, never inside "Infrastructure".
    expect(lines.map((l) => l.text)).toContain('Infrastructure-');
    expect(lines.some((l) => /Infrastructur$/.test(l.text))).toBe(false);
    // A word wider than the box even at the smallest size is cut where each line is full (at the
    // largest size, since no size saves it) rather than overflowing the shape.
    const cut = lines.filter((l) => /^(Supercal|[a-z]+esque)/.test(l.text));
    expect(cut.length).toBeGreaterThan(1);
    for (const line of cut) expect(textWidth(line.text, line.size)).toBeLessThanOrEqual(156);
    expect(wrapText('Infrastructure-owned', 95, 13, 3).lines).toEqual(['Infrastructure-', 'owned']);
  });

  it('drops what XML 1.0 cannot hold and escapes the rest', () => {
    expect(xmlSafe(HOSTILE.control)).not.toMatch(XML_ILLEGAL);
    expect(xmlSafe('tab\tnew\nline\r😀')).toBe('tab\tnew\nline\r😀');
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });
});
