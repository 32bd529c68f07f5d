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
