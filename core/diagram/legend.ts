import { STEP_KIND_LABELS } from '../labels';
import { say } from '../messages';
import type { StepKind } from '../model';
import { PRINT } from '../palette';
import { escapeXml } from '../xml';
import { clockIcon, diamondPath, MARKER_SIZE, marker, num } from './shapes';
import { textWidth } from './text';

/** The legend row under a diagram: what each shape and marker means. */

export const LEGEND_HEIGHT = 40;

interface LegendItem {
  kind: StepKind | 'pain' | 'question';
  label: string;
}

const LEGEND: LegendItem[] = [
  ...(['activity', 'decision', 'start', 'end', 'wait', 'subprocess'] as const).map((kind) => ({ kind, label: STEP_KIND_LABELS[kind] })),
  { kind: 'pain', label: say('diagram.painPoint') },
  { kind: 'question', label: say('diagram.openQuestion') },
];

function legendIcon(kind: LegendItem['kind'], x: number, cy: number): string {
  const box = { x, y: cy - 9, width: 28, height: 18 };
  switch (kind) {
    case 'activity':
      return `<rect x="${x}" y="${num(cy - 9)}" width="28" height="18" rx="4" fill="${PRINT.stepFill}" stroke="${PRINT.stepStroke}" stroke-width="1.3"/>`;
    case 'wait':
      return `<rect x="${x}" y="${num(cy - 9)}" width="28" height="18" rx="4" fill="${PRINT.waitFill}" stroke="${PRINT.stepStroke}" stroke-width="1.3" stroke-dasharray="4 2"/>${clockIcon(x + 14, cy, 5)}`;
    case 'subprocess':
      return `<rect x="${x}" y="${num(cy - 9)}" width="28" height="18" rx="4" fill="${PRINT.stepFill}" stroke="${PRINT.stepStroke}" stroke-width="1.3"/><path d="M${x + 10} ${num(cy)}H${x + 18}M${x + 14} ${num(cy - 4)}V${num(cy + 4)}" stroke="${PRINT.text}" stroke-width="1.5"/>`;
    case 'decision':
      return `<path d="${diamondPath({ ...box, x: x + 4, width: 20, height: 20, y: cy - 10 }, 0)}" fill="${PRINT.stepFill}" stroke="${PRINT.stepStroke}" stroke-width="1.3"/>`;
    case 'start':
      return `<circle cx="${x + 14}" cy="${num(cy)}" r="8" fill="${PRINT.stepFill}" stroke="${PRINT.start}" stroke-width="2"/>`;
    case 'end':
      return `<circle cx="${x + 14}" cy="${num(cy)}" r="7.5" fill="${PRINT.stepFill}" stroke="${PRINT.text}" stroke-width="3.5"/>`;
    case 'pain':
      return marker(x + 3, cy - MARKER_SIZE / 2, '1', PRINT.pain);
    case 'question':
      return marker(x + 3, cy - MARKER_SIZE / 2, '?', PRINT.question);
  }
}

/** The legend row; `reserved` px at the right are kept free for the process-wide markers. */
export function legendSvg(top: number, width: number, extra: string, reserved: number): string {
  let x = 16;
  let out = `<rect x="0" y="${num(top)}" width="${num(width)}" height="${LEGEND_HEIGHT}" fill="${PRINT.paper}"/>`;
  const cy = top + LEGEND_HEIGHT / 2;
  for (const item of LEGEND) {
    const w = 34 + textWidth(item.label, 12) + 18;
    if (x + w > width - reserved) break;
    out += legendIcon(item.kind, x, cy);
    out += `<text x="${num(x + 34)}" y="${num(cy + 4.5)}" font-size="12" fill="${PRINT.textMuted}">${escapeXml(item.label)}</text>`;
    x += w;
  }
  return out + extra;
}
