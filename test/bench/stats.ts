export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export const median = (values: readonly number[]): number => percentile(values, 50);

export function elapsedMs(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export interface Figure {
  figure: string;
  metric: string;
  value: number;
  unit: string;
  /** The target from the benchmark issue, e.g. "≤ 1.5"; empty where the figure is informational. */
  target: string;
  met: boolean | null;
}

export function figure(figureName: string, metric: string, value: number, unit: string, limit?: number): Figure {
  return {
    figure: figureName,
    metric,
    value: Math.round(value * 100) / 100,
    unit,
    target: limit === undefined ? '' : `≤ ${limit}`,
    met: limit === undefined ? null : value <= limit,
  };
}
