import { describe, expect, it } from 'vitest';
import { chartEnds, groupedUnits, UNIT_CHART_LIMIT, UNIT_ENDS } from '../../../src/views/shared/many-units.ts';

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

describe('groupedUnits', () => {
  const groups = [
    { group: '北海道', wards: ['札幌市', '函館市'] },
    { group: '青森県', wards: ['青森市'] },
    { group: '岩手県', wards: ['盛岡市'] },
  ];

  it('puts each unit under its group, groups in the registry’s order and units in the picker’s, the ungrouped last', () => {
    expect(groupedUnits(['青森市', '函館市', '架空町', '札幌市'], groups)).toEqual({
      groups: [
        { group: '北海道', wards: ['函館市', '札幌市'] },
        { group: '青森県', wards: ['青森市'] },
      ],
      rest: ['架空町'],
    });
  });

  it('leaves a one-group registry (Yokohama’s wards) flat', () => {
    expect(groupedUnits(['西区', '中区'], [{ group: '横浜市', wards: ['西区', '中区'] }])).toEqual({ groups: [], rest: ['西区', '中区'] });
    expect(groupedUnits(['西区'], [])).toEqual({ groups: [], rest: ['西区'] });
  });
});
