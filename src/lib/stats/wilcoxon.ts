/**
 * The exact Wilcoxon signed-rank test for paired ordinal answers on small n, as a ward-year gives
 * (at most 48 answers: 16 questions × 3 raters). Zero differences are dropped (Wilcoxon's method);
 * tied |differences| get their mid-rank, and the p-value comes from the exact distribution of W+
 * given those ranks (every assignment of signs equally likely under H0), so ties need no normal
 * approximation. Two-sided: twice the smaller tail, at most 1.
 */
export interface SignedRankResult {
  /** Pairs with a non-zero difference (the test's n). */
  n: number;
  /** Pairs whose difference is zero (dropped). */
  zeros: number;
  /** Sums of the ranks of the positive and of the negative differences. */
  wPlus: number;
  wMinus: number;
  /** Two-sided exact p-value; 1 when no pair differs. */
  p: number;
  /** Matched-pairs rank-biserial correlation (W+ − W−) / (W+ + W−), −1 … 1; 0 when no pair differs. */
  effect: number;
}

export function signedRankTest(differences: readonly number[]): SignedRankResult {
  const nonZero = differences.filter((d) => d !== 0);
  const zeros = differences.length - nonZero.length;
  const n = nonZero.length;
  if (n === 0) return { n, zeros, wPlus: 0, wMinus: 0, p: 1, effect: 0 };
  const ranks = midRanks(nonZero.map(Math.abs));
  // Doubled mid-ranks are whole numbers, so the distribution is a table over integer sums.
  const doubled = ranks.map((r) => Math.round(r * 2));
  const total = doubled.reduce((a, b) => a + b, 0);
  const wPlus2 = nonZero.reduce((sum, d, i) => sum + (d > 0 ? doubled[i] : 0), 0);
  // ways[s]: sign assignments whose positive ranks sum to s (as a share of 2^n, to stay finite).
  let ways = new Float64Array(total + 1);
  ways[0] = 1;
  for (const rank of doubled) {
    const next = new Float64Array(total + 1);
    for (let s = 0; s <= total; s++) {
      if (ways[s] === 0) continue;
      next[s] += ways[s] / 2;
      next[s + rank] += ways[s] / 2;
    }
    ways = next;
  }
  let lower = 0;
  let upper = 0;
  for (let s = 0; s <= total; s++) {
    if (s <= wPlus2) lower += ways[s];
    if (s >= wPlus2) upper += ways[s];
  }
  const wPlus = wPlus2 / 2;
  const wMinus = total / 2 - wPlus;
  return { n, zeros, wPlus, wMinus, p: Math.min(1, 2 * Math.min(lower, upper)), effect: (wPlus - wMinus) / (wPlus + wMinus) };
}

/** Ranks 1…n of `values` (ascending), ties sharing the mean of the ranks they span. */
export function midRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const ranks = new Array<number>(values.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j++;
    const mid = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k][1]] = mid;
    i = j + 1;
  }
  return ranks;
}
