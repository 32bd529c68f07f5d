import type { CityBandRow, TrajectoryRow } from '../db/queries/index.ts';

export interface TrajectoryPoint {
  panel: string;
  x: number;
  y: number | null;
  /** Short mark drawn above the point, e.g. the contract year "3/5". */
  mark?: string | null;
}

export interface BandPoint {
  x: number;
  low: number;
  mid: number;
  high: number;
}

/**
 * Label positions for a slope chart: each at its point's y, pushed down just enough that no two are
 * closer than `gap` (greedy, in order of y), so labels never overlap.
 */
export function spreadLabels(wanted: number[], gap: number): number[] {
  const order = wanted.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y || a.i - b.i);
  for (let k = 1; k < order.length; k++) order[k].y = Math.max(order[k].y, order[k - 1].y + gap);
  const out = new Array<number>(wanted.length);
  for (const o of order) out[o.i] = o.y;
  return out;
}

/** A ward's yearly means as points, each marked with its contract year (`3/5`; `3/?` when the length is unknown). */
export function toTrajectoryPoints(rows: readonly TrajectoryRow[]): TrajectoryPoint[] {
  return rows.map((r) => ({
    panel: r.ward,
    x: r.fiscalYear,
    y: r.mean,
    mark: r.contractYear !== null ? `${r.contractYear}/${r.contractLength ?? '?'}` : null,
  }));
}

/** The city's yearly quartiles as the band behind every panel. */
export function toBandPoints(rows: readonly CityBandRow[]): BandPoint[] {
  return rows.map((b) => ({ x: b.fiscalYear, low: b.q1, mid: b.median, high: b.q3 }));
}
