export type Level = 'A' | 'B' | 'C' | 'D';

export interface DivergingRow {
  key: string;
  label: string;
  counts: Record<Level, number>;
  unrated: number;
  n: number;
  /** Said after the label and in every tooltip of the row, e.g. that it is sample data. */
  note?: string;
}

export interface DivergingSegment {
  level: Level;
  count: number;
  /** Share of the row's rated answers. */
  share: number;
  from: number;
  to: number;
}

/**
 * Stacks each row around zero: B then A to the right, C then D to the left (the order is fixed, and
 * every level is present even at 0, so colours never shift between rows).
 */
export function toDivergingSegments(rows: DivergingRow[]) {
  let maxLeft = 0;
  let maxRight = 0;
  const out = rows.map((row) => {
    const rated = row.counts.A + row.counts.B + row.counts.C + row.counts.D;
    const share = (level: Level) => (rated === 0 ? 0 : row.counts[level] / rated);
    const [a, b, c, d] = [share('A'), share('B'), share('C'), share('D')];
    const segments: DivergingSegment[] = [
      { level: 'D', count: row.counts.D, share: d, from: -(c + d), to: -c },
      { level: 'C', count: row.counts.C, share: c, from: -c, to: 0 },
      { level: 'B', count: row.counts.B, share: b, from: 0, to: b },
      { level: 'A', count: row.counts.A, share: a, from: b, to: a + b },
    ];
    maxLeft = Math.max(maxLeft, c + d);
    maxRight = Math.max(maxRight, a + b);
    return { ...row, rated, segments };
  });
  // A little room on each side so an all-A chart still shows where C and D would begin.
  return { rows: out, maxLeft: Math.max(maxLeft, 0.1), maxRight: Math.max(maxRight, 0.1) };
}
