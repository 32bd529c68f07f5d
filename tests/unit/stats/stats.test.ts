import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adjustPValues } from '../../../src/lib/stats/adjust.ts';
import { midRanks, signedRankTest } from '../../../src/lib/stats/wilcoxon.ts';

// Every expected value below is worked out by hand in the comment beside it.
describe('signedRankTest (exact Wilcoxon signed-rank, zeros dropped, mid-ranks)', () => {
  it('three positive differences: W+ = 6 is the most extreme of 2³ sign patterns, p = 2 × 1/8', () => {
    expect(signedRankTest([1, 2, 3])).toEqual({ n: 3, zeros: 0, wPlus: 6, wMinus: 0, p: 0.25, effect: 1 });
  });

  it('five tied positive differences: all share rank 3, only 1 of 32 patterns is as extreme each way, p = 2/32', () => {
    expect(signedRankTest([1, 1, 1, 1, 1]).p).toBeCloseTo(0.0625, 12);
  });

  it('with a zero and a tie: [1, −1, 2, 0] → ranks 1.5, 1.5, 3; W+ = 4.5 reached by 3 of 8 patterns, p = 0.75', () => {
    const result = signedRankTest([1, -1, 2, 0]);
    expect(result).toMatchObject({ n: 3, zeros: 1, wPlus: 4.5, wMinus: 1.5, effect: 0.5 });
    expect(result.p).toBeCloseTo(0.75, 12);
  });

  it('n = 10 without ties, only rank 5 positive: subsets of 1…10 summing to ≤ 5 are 10 of 1024, p = 20/1024', () => {
    expect(signedRankTest([-1, -2, -3, -4, 5, -6, -7, -8, -9, -10]).p).toBeCloseTo(20 / 1024, 12);
  });

  it('no difference at all: p = 1, no effect', () => {
    expect(signedRankTest([0, 0, 0])).toEqual({ n: 0, zeros: 3, wPlus: 0, wMinus: 0, p: 1, effect: 0 });
    expect(signedRankTest([]).p).toBe(1);
  });

  it('is symmetric in sign, bounded, and as large as a 48-answer ward-year needs', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -3, max: 3 }), { maxLength: 48 }), (d) => {
        const a = signedRankTest(d);
        const b = signedRankTest(d.map((x) => -x));
        expect(a.p).toBeCloseTo(b.p, 12);
        expect(a.effect).toBeCloseTo(-b.effect, 12);
        expect(a.p).toBeGreaterThan(0);
        expect(a.p).toBeLessThanOrEqual(1);
        expect(a.wPlus + a.wMinus).toBeCloseTo((a.n * (a.n + 1)) / 2, 9);
      }),
    );
  });

  it('mid-ranks: ties share the mean of the ranks they span', () => {
    expect(midRanks([3, 1, 3, 2])).toEqual([3.5, 1, 3.5, 2]);
  });
});

describe('adjustPValues', () => {
  const p = [0.01, 0.04, 0.03, 0.005];
  it('Holm: sorted p × (m − i), kept monotone', () => {
    // 0.005×4 = 0.02, 0.01×3 = 0.03, 0.03×2 = 0.06, 0.04×1 = 0.04 → 0.06.
    expect(adjustPValues(p, 'holm').map((x) => x!.toFixed(6))).toEqual(['0.030000', '0.060000', '0.060000', '0.020000']);
  });
  it('Benjamini–Hochberg: sorted p × m / rank, kept monotone from the top', () => {
    // 0.04×4/4 = 0.04, 0.03×4/3 = 0.04, 0.01×4/2 = 0.02, 0.005×4/1 = 0.02.
    expect(adjustPValues(p, 'bh').map((x) => x!.toFixed(6))).toEqual(['0.020000', '0.040000', '0.040000', '0.020000']);
  });
  it('leaves missing p-values out of m and capped at 1', () => {
    expect(adjustPValues([0.5, null, 0.6], 'holm')).toEqual([1, null, 1]);
  });
});
