import { FONT_FAMILY, textWidth, wrapText } from './diagram';
import { say } from './messages';
import { PRINT } from './palette';
import { escapeXml } from './xml';

/**
 * The impact/effort matrix as an SVG: effort across, impact up, one numbered dot per opportunity
 * (the number matches the opportunities table), and the four quadrants named the way consultants
 * talk about them.
 */

export interface MatrixItem {
  number: number;
  impact: number;
  effort: number;
}

const SIZE = 520;
const MARGIN = { left: 64, right: 24, top: 24, bottom: 56 };
const QUADRANTS = [
  { label: say('matrix.quickWins'), col: 0, row: 0, ...PRINT.quadrant.quickWins },
  { label: say('matrix.majorProjects'), col: 1, row: 0, ...PRINT.quadrant.majorProjects },
  { label: say('matrix.fillIns'), col: 0, row: 1, ...PRINT.quadrant.fillIns },
  { label: say('matrix.reconsider'), col: 1, row: 1, ...PRINT.quadrant.reconsider },
] as const;

export function renderImpactEffortMatrix(items: readonly MatrixItem[]): { svg: string; width: number; height: number } {
  const width = MARGIN.left + SIZE + MARGIN.right;
  const height = MARGIN.top + SIZE + MARGIN.bottom;
  const half = SIZE / 2;
  const parts: string[] = [`<rect width="${width}" height="${height}" fill="${PRINT.paper}"/>`];
  for (const q of QUADRANTS) {
    const x = MARGIN.left + q.col * half;
    const y = MARGIN.top + q.row * half;
    parts.push(`<rect x="${x}" y="${y}" width="${half}" height="${half}" fill="${q.fill}"/>`);
    // Labels sit in the outer corners, away from the middle scores where dots gather.
    const right = q.col === 1;
    const lx = right ? x + half - 14 : x + 14;
    const ly = q.row === 0 ? y + 26 : y + half - 14;
    parts.push(`<text x="${lx}" y="${ly}" font-size="15" font-weight="bold" text-anchor="${right ? 'end' : 'start'}" fill="${q.color}">${escapeXml(q.label)}</text>`);
  }
  parts.push(`<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${SIZE}" height="${SIZE}" fill="none" stroke="${PRINT.border}" stroke-width="1.5"/>`);
  parts.push(`<path d="M${MARGIN.left + half} ${MARGIN.top}V${MARGIN.top + SIZE}M${MARGIN.left} ${MARGIN.top + half}H${MARGIN.left + SIZE}" stroke="${PRINT.borderStrong}" stroke-width="1.2" stroke-dasharray="5 4"/>`);
  const axisY = MARGIN.top + SIZE;
  for (let score = 1; score <= 5; score++) {
    const x = MARGIN.left + ((score - 0.5) / 5) * SIZE;
    const y = MARGIN.top + SIZE - ((score - 0.5) / 5) * SIZE;
    parts.push(`<text x="${x}" y="${axisY + 18}" font-size="12" text-anchor="middle" fill="${PRINT.textMuted}">${score}</text>`);
    parts.push(`<text x="${MARGIN.left - 10}" y="${y + 4}" font-size="12" text-anchor="end" fill="${PRINT.textMuted}">${score}</text>`);
  }
  parts.push(`<text x="${MARGIN.left + half}" y="${axisY + 42}" font-size="13" font-weight="bold" text-anchor="middle" fill="${PRINT.text}">${escapeXml(say('matrix.effort'))}</text>`);
  parts.push(
    `<text x="${MARGIN.left - 40}" y="${MARGIN.top + half}" font-size="13" font-weight="bold" text-anchor="middle" fill="${PRINT.text}" transform="rotate(-90 ${MARGIN.left - 40} ${MARGIN.top + half})">${escapeXml(say('matrix.impact'))}</text>`,
  );

  // Opportunities with the same scores share a cell; spread them so every number stays readable.
  const cells = new Map<string, MatrixItem[]>();
  for (const item of items) {
    const key = `${item.impact}:${item.effort}`;
    cells.set(key, [...(cells.get(key) ?? []), item]);
  }
  const cell = SIZE / 5;
  for (const group of cells.values()) {
    const first = group[0];
    if (!first) continue;
    const cx = MARGIN.left + ((first.effort - 0.5) / 5) * SIZE;
    const cy = MARGIN.top + SIZE - ((first.impact - 0.5) / 5) * SIZE;
    const perRow = Math.min(group.length, 3);
    const r = group.length > 6 ? 11 : 15;
    group.forEach((item, i) => {
      const row = Math.floor(i / perRow);
      const col = i % perRow;
      const rows = Math.ceil(group.length / perRow);
      const x = cx + (col - (perRow - 1) / 2) * (r * 2 + 4);
      const y = cy + (row - (rows - 1) / 2) * (r * 2 + 4);
      if (Math.abs(x - cx) > cell / 2 || Math.abs(y - cy) > cell / 2) return;
      const label = String(item.number);
      const size = label.length > 2 ? 10 : 13;
      parts.push(`<circle cx="${x}" cy="${y}" r="${r}" fill="${PRINT.text}" stroke="${PRINT.onMarker}" stroke-width="2"/>`);
      parts.push(`<text x="${x}" y="${y + size * 0.36}" font-size="${size}" font-weight="bold" text-anchor="middle" fill="${PRINT.onMarker}">${escapeXml(label)}</text>`);
    });
  }
  if (items.length === 0) {
    const { lines } = wrapText(say('matrix.noneScored'), SIZE - 80, 14, 2);
    lines.forEach((line, i) => {
      const w = textWidth(line, 14);
      parts.push(`<text x="${MARGIN.left + half - w / 2}" y="${MARGIN.top + half + 40 + i * 18}" font-size="14" fill="${PRINT.textMuted}">${escapeXml(line)}</text>`);
    });
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT_FAMILY}">${parts.join('')}</svg>`;
  return { svg, width, height };
}
