import { describe, expect, it } from 'vitest';
import { chartEnds, UNIT_CHART_LIMIT, UNIT_ENDS } from '../../../src/views/shared/many-units.ts';

const units = (n: number) => Array.from({ length: n }, (_, i) => ({ ward: `u${i}`, score: (i * 37) % 101 }));

describe('chartEnds()', () => {
  it('keeps every unit, in its own order, up to the limit', () => {
    const rows = units(UNIT_CHART_LIMIT);
    expect(chartEnds(rows, (r) => r.score)).toEqual({ rows, omitted: 0, total: UNIT_CHART_LIMIT });
  });

  it('past the limit draws the highest and lowest by the measure, in ranking order, and says how many were left out', () => {
    const rows = units(500);
    const { rows: shown, omitted, total } = chartEnds(rows, (r) => r.score);
    const ranked = [...rows].sort((a, b) => b.score - a.score);
    expect(shown).toEqual([...ranked.slice(0, UNIT_ENDS), ...ranked.slice(-UNIT_ENDS)]);
    expect(omitted).toBe(500 - 2 * UNIT_ENDS);
    expect(total).toBe(500);
  });

  it('keeps the selected unit wherever it ranks, and ranks units without a measure last', () => {
    const rows = [...units(100), { ward: 'none', score: null as number | null }];
    const middle = [...rows].sort((a, b) => (b.score ?? -1) - (a.score ?? -1))[50];
    const { rows: shown } = chartEnds(rows, (r) => r.score, (r) => r.ward === middle.ward);
    expect(shown).toHaveLength(2 * UNIT_ENDS + 1);
    expect(shown[UNIT_ENDS]).toBe(middle);
    expect(shown.at(-1)!.ward).toBe('none');
  });
});
