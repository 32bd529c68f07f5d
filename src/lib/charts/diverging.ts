export type Level = 'A' | 'B' | 'C' | 'D';

export interface DivergingRow {
  key: string;
  label: string;
  counts: Record<Level, number>;
  unrated: number;
  n: number;
  /** Said in every tooltip of the row, e.g. which years are sample data. */
  note?: string;
  /** Set after the label: ＊ for sample data, ※ for a mix of real and sample years. */
  mark?: string;
  /** Longer text for the tooltip, e.g. the question's wording. */
  title?: string;
}

export interface DivergingSegment {
  level: Level;
  count: number;
  /** Share of the row's rated answers. */
  share: number;
  from: number;
  to: number;
}

export type BarScale = 'diverging' | 'stacked';

/**
 * Places each row's levels: diverging stacks B then A right of zero and C then D left of it; stacked
 * runs D, C, B, A from 0 to 100%. The order is fixed and every level is present even at 0, so colours
 * never shift between rows.
 */
export function toDivergingSegments(rows: DivergingRow[], scale: BarScale = 'diverging') {
  let maxLeft = 0;
  let maxRight = 0;
  const out = rows.map((row) => {
    const rated = row.counts.A + row.counts.B + row.counts.C + row.counts.D;
    const share = (level: Level) => (rated === 0 ? 0 : row.counts[level] / rated);
    const [a, b, c, d] = [share('A'), share('B'), share('C'), share('D')];
    const segments: DivergingSegment[] =
      scale === 'diverging'
        ? [
            { level: 'D', count: row.counts.D, share: d, from: -(c + d), to: -c },
            { level: 'C', count: row.counts.C, share: c, from: -c, to: 0 },
            { level: 'B', count: row.counts.B, share: b, from: 0, to: b },
            { level: 'A', count: row.counts.A, share: a, from: b, to: a + b },
          ]
        : [
            { level: 'D', count: row.counts.D, share: d, from: 0, to: d },
            { level: 'C', count: row.counts.C, share: c, from: d, to: d + c },
            { level: 'B', count: row.counts.B, share: b, from: d + c, to: d + c + b },
            { level: 'A', count: row.counts.A, share: a, from: d + c + b, to: rated === 0 ? 0 : 1 },
          ];
    maxLeft = Math.max(maxLeft, c + d);
    maxRight = Math.max(maxRight, a + b);
    return { ...row, rated, segments };
  });
  if (scale === 'stacked') return { rows: out, domain: [0, 1] as [number, number] };
  // A little room on each side so an all-A chart still shows where C and D would begin.
  return { rows: out, domain: [-Math.max(maxLeft, 0.1), Math.max(maxRight, 0.1)] as [number, number] };
}
