import type { RaterGapRow } from '../db/queries/index.ts';
import { questionKeyToString } from '../ingest/fields.ts';

export interface DumbbellRow {
  key: string;
  label: string;
  title?: string;
  ward: number | null;
  center: number | null;
  joint: number | null;
}

/** One ward-year's per-question scores of the three raters as dumbbells. */
export function toDumbbellRows(rows: readonly RaterGapRow[], label: (row: RaterGapRow) => string): DumbbellRow[] {
  return rows.map((r) => ({
    key: questionKeyToString(r),
    label: label(r),
    title: r.question ?? undefined,
    ward: r.wardScore,
    center: r.centerScore,
    joint: r.jointScore,
  }));
}
