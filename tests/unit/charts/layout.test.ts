import { describe, expect, test } from 'vitest';
import { toBenchmarkBarRows } from '../../../src/lib/charts/benchmark-bars.ts';
import { toDumbbellRows } from '../../../src/lib/charts/dumbbell.ts';
import { estimateTextWidth, panelGrid, plotRange, rowBands, wrapText, MIN_PLOT_WIDTH } from '../../../src/lib/charts/layout.ts';
import { ratingLegend } from '../../../src/lib/charts/legend.ts';
import { RATING_COLORS, UNRATED_COLOR } from '../../../src/lib/charts/palette.ts';
import { toBandPoints, toTrajectoryPoints } from '../../../src/lib/charts/trajectory.ts';
import type { BenchmarkRow, RaterGapRow, TrajectoryRow } from '../../../src/lib/db/queries/index.ts';

const noSample = { sampleYears: [], allSample: false };

describe('chart layout', () => {
  test('rowBands: a band per key below the top margin, height for at least one row, labels at the middle', () => {
    const bands = rowBands(['a', 'b', 'c'], { top: 20, bottom: 30 }, 24, 0.25);
    expect(bands.height).toBe(20 + 30 + 72);
    expect(bands.y('a')).toBeGreaterThanOrEqual(20);
    expect(bands.y('c')! + bands.y.bandwidth()).toBeLessThanOrEqual(20 + 72);
    expect(bands.mid('b')).toBeCloseTo(20 + 24 * 1.5, 5);
    expect(rowBands([], { top: 20, bottom: 30 }, 24, 0.25).height).toBe(74);
    const inner = rowBands(['a', 'b'], { top: 0, bottom: 0 }, 10, 0.1, true);
    expect(inner.y('a')).toBe(0);
  });

  test('plotRange keeps the plot inside the margins, never narrower than the minimum', () => {
    expect(plotRange(600, { left: 90, right: 30 })).toEqual([90, 570]);
    expect(plotRange(100, { left: 90, right: 30 })).toEqual([90, 90 + MIN_PLOT_WIDTH]);
  });

  test('panelGrid fills rows left to right, as many panels as fit, widened to fill the row, at least one a row', () => {
    const grid = panelGrid(5, 700, 220, 130, 8);
    expect(grid.columns).toBe(3);
    expect(grid.panelWidth).toBe(233);
    expect(grid.height).toBe(2 * 130 + 8);
    expect(grid.origin(0)).toEqual({ x: 0, y: 0 });
    expect(grid.origin(2)).toEqual({ x: 466, y: 0 });
    expect(grid.origin(4)).toEqual({ x: 233, y: 130 });
    expect(panelGrid(4, 880, 220, 130).panelWidth).toBe(220);
    // The report draws one panel as wide as its box: a box of no width gives finite coordinates.
    const collapsed = panelGrid(1, 0, 0, 180, 8);
    expect([collapsed.columns, collapsed.panelWidth, collapsed.height]).toEqual([1, 1, 188]);
    const narrow = panelGrid(3, 100, 220, 130);
    expect(narrow.columns).toBe(1);
    expect(narrow.panelWidth).toBe(220);
  });

  test('the rating legend runs D to A with the palette, unrated last when asked for', () => {
    const items = ratingLegend({ A: 'よくできた', B: 'できた', C: 'あまり', D: 'まったく' }, '未評価');
    expect(items.map((i) => i.label)).toEqual(['D まったく', 'C あまり', 'B できた', 'A よくできた', '未評価']);
    expect(items.map((i) => i.color)).toEqual([RATING_COLORS.D, RATING_COLORS.C, RATING_COLORS.B, RATING_COLORS.A, UNRATED_COLOR]);
    expect(ratingLegend({ A: 'a', B: 'b', C: 'c', D: 'd' })).toHaveLength(4);
  });
});

describe('query rows to chart rows', () => {
  const bench: BenchmarkRow = {
    ...noSample, stage: 'implementation', questionNo: 3, question: '相手に任せっきりにせず', score: 2.6, rank: 4, wards: 18, ties: 2,
    cityMean: 3.1, diff: -0.5, meanDiff: -0.5, a: 5, b: 9, c: 3, d: 1, strengthOrder: 9, weaknessOrder: 1, sampleWards: 0,
  };

  test('benchmark bars: keyed by question, counts per level, the ward’s level its nearest letter', () => {
    const [row] = toBenchmarkBarRows([bench], (r) => `実施${r.questionNo}`);
    expect(row).toEqual({ key: 'implementation-3', label: '実施3', title: '相手に任せっきりにせず', counts: { A: 5, B: 9, C: 3, D: 1 }, level: 'B', rank: 4, wards: 18 });
    expect(toBenchmarkBarRows([{ ...bench, score: 1.4 }], () => '')[0].level).toBe('D');
  });

  test('dumbbells: the three raters’ scores, unrated kept as null', () => {
    const gap: RaterGapRow = { ...noSample, stage: 'review', questionNo: 1, question: null, wardScore: 4, centerScore: null, jointScore: 3, gap: null };
    expect(toDumbbellRows([gap], () => '振返1')).toEqual([{ key: 'review-1', label: '振返1', title: undefined, ward: 4, center: null, joint: 3 }]);
  });

  test('trajectories: a point per ward-year marked with its contract year, the band from the quartiles', () => {
    const base = { ...noSample, ward: '鶴見区', rated: 48, unrated: 0 };
    const rows: TrajectoryRow[] = [
      { ...base, fiscalYear: 2024, mean: 3.2, contractYear: 2, contractLength: 5 },
      { ...base, fiscalYear: 2025, mean: null, contractYear: 3, contractLength: null },
      { ...base, fiscalYear: 2023, mean: 3.0, contractYear: null, contractLength: null },
    ];
    expect(toTrajectoryPoints(rows).map((p) => p.mark)).toEqual(['2/5', '3/?', null]);
    expect(toTrajectoryPoints(rows)[1]).toMatchObject({ panel: '鶴見区', x: 2025, y: null });
    expect(toBandPoints([{ fiscalYear: 2025, median: 3.2, q1: 3, q3: 3.5, wards: 18 }])).toEqual([{ x: 2025, low: 3, mid: 3.2, high: 3.5 }]);
  });
});

describe('wrapText', () => {
  const notice = 'サンプル（架空）のデータを含みます。＊印の数値は実際の評価結果ではありません。';
  test('keeps a text that fits on one line', () => {
    expect(wrapText('出典: 横浜市', 11, 300)).toEqual(['出典: 横浜市']);
  });
  test('breaks Japanese between characters, each line within the width, nothing lost', () => {
    const lines = wrapText(notice, 11, 150);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join('')).toBe(notice);
    for (const line of lines) expect(estimateTextWidth(line, 11)).toBeLessThanOrEqual(150 + 11);
  });
  test('never starts a line with closing punctuation: it hangs at the end of the line before', () => {
    // 13 characters fit; the 14th is 。, which stays with the sentence it ends.
    const lines = wrapText('あいうえおかきくけこさしす。せそ', 10, 130);
    expect(lines).toEqual(['あいうえおかきくけこさしす。', 'せそ']);
  });
  test('keeps Latin words and numbers whole, breaking at spaces', () => {
    const lines = wrapText('Wards × questions (mean score: A=4 … D=1) 2026-11-28', 16, 200);
    expect(lines.join(' ')).toBe('Wards × questions (mean score: A=4 … D=1) 2026-11-28');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(estimateTextWidth(line, 16)).toBeLessThanOrEqual(200);
  });
});
