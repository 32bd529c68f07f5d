import { adjustPValues, type Adjustment } from './adjust.ts';
import { signedRankTest, type SignedRankResult } from './wilcoxon.ts';

/** Below this adjusted p-value a difference is called real. */
export const ALPHA = 0.05;

export interface PairedTest extends SignedRankResult {
  /** p adjusted for every comparison shown beside it. */
  pAdjusted: number;
  /** Distinguishable from chance after the adjustment (「確かな変化」), or within noise (「誤差の範囲」). */
  real: boolean;
}

/**
 * One exact signed-rank test per row on its paired differences (a ward's answers in two years, or
 * 区 and 拠点 on the same questions), adjusted together for the number of rows shown at once.
 */
export function testPairs<R>(rows: readonly R[], differences: (row: R) => readonly number[], adjustment: Adjustment = 'holm'): PairedTest[] {
  const tests = rows.map((row) => signedRankTest(differences(row)));
  const adjusted = adjustPValues(tests.map((t) => (t.n === 0 ? null : t.p)), adjustment);
  return tests.map((test, i) => {
    const pAdjusted = adjusted[i] ?? 1;
    return { ...test, pAdjusted, real: pAdjusted < ALPHA };
  });
}

/** `testPairs` for a table of wards: each ward's test, by ward. */
export function testPairsByWard<R extends { ward: string }>(rows: readonly R[], differences: (row: R) => readonly number[]): Map<string, PairedTest> {
  const tests = testPairs(rows, differences);
  return new Map(rows.map((r, i) => [r.ward, tests[i]]));
}
