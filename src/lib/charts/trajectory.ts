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

/**
 * The mean-score axis of the panels, from the data as Observable Plot takes a line's: A (4) at the
 * top, down to the lowest mean or quartile floored to a half point, never less than one letter
 * (B–A) nor more than D–A. Means cluster between B and A; on a fixed D–A axis their years were a
 * flat line in the top third of each panel.
 */
export function scoreDomain(points: readonly TrajectoryPoint[], band: readonly BandPoint[]): [number, number] {
  let lowest = 4;
  for (const p of points) if (p.y !== null) lowest = Math.min(lowest, p.y);
  for (const b of band) lowest = Math.min(lowest, b.low);
  return [Math.min(3, Math.max(1, Math.floor(lowest * 2) / 2)), 4];
}

/** Ticks of that axis: every half point over up to two letters, else every letter; a whole score is named by its letter. */
export function scoreTicks([low, high]: [number, number]): Array<{ score: number; label: string }> {
  const step = high - low <= 2 ? 0.5 : 1;
  const ticks: Array<{ score: number; label: string }> = [];
  for (let score = high; score >= low - 1e-9; score -= step) {
    ticks.push({ score, label: Number.isInteger(score) ? 'DCBA'[score - 1] : score.toFixed(1) });
  }
  return ticks.reverse();
}

/** The city's yearly quartiles as the band behind every panel. */
export function toBandPoints(rows: readonly CityBandRow[]): BandPoint[] {
  return rows.map((b) => ({ x: b.fiscalYear, low: b.q1, mid: b.median, high: b.q3 }));
}
