import type { BenchmarkRow } from '../db/queries/index.ts';
import { questionKeyToString, scoreLetter } from '../ingest/fields.ts';

export interface BenchmarkBarRow {
  key: string;
  label: string;
  title?: string;
  counts: Record<'A' | 'B' | 'C' | 'D', number>;
  /** The benchmarked ward's level (its score rounded). */
  level: 'A' | 'B' | 'C' | 'D';
  rank: number;
  wards: number;
}

/** The benchmark query's rows as bars, a question each; `label` names a question in the reader's language. */
export function toBenchmarkBarRows(rows: readonly BenchmarkRow[], label: (row: BenchmarkRow) => string): BenchmarkBarRow[] {
  return rows.map((r) => ({
    key: questionKeyToString(r),
    label: label(r),
    title: r.question ?? undefined,
    counts: { A: r.a, B: r.b, C: r.c, D: r.d },
    level: scoreLetter(r.score),
    rank: r.rank,
    wards: r.wards,
  }));
}
