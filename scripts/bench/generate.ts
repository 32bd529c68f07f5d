/**
 * Deterministic bench inputs: a wards registry big enough that a million ratings are a million
 * distinct keys (1,100 wards × 19 years × 48 ratings), and the long CSV itself.
 */
export const BENCH_WARDS = 1100;

export function benchWardsCsv(): string {
  const lines = ['code,name,name_en,city'];
  for (let w = 0; w < BENCH_WARDS; w++) lines.push(`${20001 + w},W${String(w).padStart(4, '0')}区,W${w},Bench`);
  return lines.join('\n');
}

const STAGES: Array<[string, number]> = [['planning', 6], ['implementation', 7], ['review', 3]];
const KEYS = STAGES.flatMap(([stage, n]) => Array.from({ length: n }, (_, q) => [stage, q + 1] as const)).flatMap(([stage, q]) =>
  ['ward', 'center', 'joint'].map((rater) => `${stage},${q},${rater}`),
);

export function benchRatingsCsv(rows: number): string {
  const lines = ['ward,fiscal_year,stage,question_no,rater,rating'];
  for (let i = 0; i < rows; i++) {
    const k = Math.floor(i / KEYS.length);
    const ward = k % BENCH_WARDS;
    const year = 2000 + Math.floor(k / BENCH_WARDS);
    const h = (i * 2654435761) >>> 0;
    const rating = h % 50 === 0 ? '' : 'AABBBCD'[h % 7];
    lines.push(`W${String(ward).padStart(4, '0')}区,${year},${KEYS[i % KEYS.length]},${rating}`);
  }
  return lines.join('\n');
}
