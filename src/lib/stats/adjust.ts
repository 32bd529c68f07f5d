/**
 * p-values adjusted for the number of comparisons shown at once, returned in the input's order.
 * Holm (1979) controls the family-wise error rate: sorted ascending, p(i) × (m − i), made monotone
 * upwards. Benjamini–Hochberg (1995) controls the false discovery rate: sorted ascending,
 * p(i) × m / (i + 1), made monotone downwards from the largest. Both capped at 1; nulls stay null.
 */
export type Adjustment = 'holm' | 'bh';

export function adjustPValues(pValues: ReadonlyArray<number | null>, method: Adjustment): Array<number | null> {
  const present = pValues.map((p, i) => [p, i] as const).filter((e): e is readonly [number, number] => e[0] !== null);
  const m = present.length;
  const sorted = [...present].sort((a, b) => a[0] - b[0]);
  const adjusted = new Array<number | null>(pValues.length).fill(null);
  if (method === 'holm') {
    let running = 0;
    sorted.forEach(([p, index], i) => {
      running = Math.max(running, Math.min(1, p * (m - i)));
      adjusted[index] = running;
    });
  } else {
    let running = 1;
    for (let i = m - 1; i >= 0; i--) {
      const [p, index] = sorted[i];
      running = Math.min(running, Math.min(1, (p * m) / (i + 1)));
      adjusted[index] = running;
    }
  }
  return adjusted;
}
