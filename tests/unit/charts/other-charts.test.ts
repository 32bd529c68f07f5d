import { describe, expect, it } from 'vitest';
import BenchmarkBars from '../../../src/lib/charts/BenchmarkBars.svelte';
import Dumbbell from '../../../src/lib/charts/Dumbbell.svelte';
import Heatmap from '../../../src/lib/charts/Heatmap.svelte';
import { estimateTextWidth, fitText } from '../../../src/lib/charts/layout.ts';
import { scoreColor } from '../../../src/lib/charts/palette.ts';
import { renderSvg } from './svg-snapshot.ts';

describe('Heatmap', () => {
  const props = {
    width: 480,
    summary: '2 区 × 3 設問',
    legendLabel: '平均点',
    emptyLabel: '評価なし',
    rows: [
      { key: '鶴見区', label: '鶴見区' },
      { key: '西区', label: '西区', note: '（サンプル）', mark: '＊' },
    ],
    columns: [
      { key: 'planning-1', label: '1', group: '計画', title: '計画1 目的' },
      { key: 'planning-2', label: '2', group: '計画' },
      { key: 'review-1', label: '1', group: '振返' },
    ],
    cells: [
      { row: '鶴見区', column: 'planning-1', value: 4 },
      { row: '鶴見区', column: 'planning-2', value: 3.333 },
      { row: '西区', column: 'planning-1', value: 2.5 },
      { row: '西区', column: 'review-1', value: null },
    ],
  };

  it('colours cells by score on the rating colours, and greys cells without a rating', () => {
    const svg = renderSvg(Heatmap, props);
    expect(svg).toContain(`fill="${scoreColor(4)}"`);
    expect(scoreColor(4)).toBe('rgb(5, 113, 176)');
    expect(svg.match(/fill="#f2f2f2"/g)?.length).toBe(4); // 西区 review-1 (null), 西区 planning-2 and 鶴見区 review-1 (absent), legend
    expect(svg).toContain('aria-label="西区 （サンプル） 1: 評価なし"');
  });

  it('marks the selected cell and matches the reviewed SVG', () => {
    const svg = renderSvg(Heatmap, { ...props, selected: { row: '鶴見区', column: 'planning-2' }, onSelect: () => {} });
    expect(svg).toMatch(/class="cell selected" data-row="鶴見区" data-column="planning-2"/);
    expect(svg).toMatchSnapshot();
  });

  it('draws its legend as a ramp of the scale itself, a tick under each legend value', () => {
    const svg = renderSvg(Heatmap, props);
    const stops = [...svg.matchAll(/<stop offset="([\d.]+)%" stop-color="([^"]+)"/g)].map((m) => ({ offset: Number(m[1]), color: m[2] }));
    expect(stops).toHaveLength(25);
    // Every knot of the score scale is a stop (offsets in %, rounded by the snapshot): 2.5, the pale midpoint between C and B, sits halfway.
    for (const score of [1, 2, 2.5, 3, 4]) {
      expect(stops).toContainEqual({ offset: expect.closeTo(((score - 1) / 3) * 100, 1), color: scoreColor(score) });
    }
    const ramp = /<rect class="ramp" x="([\d.]+)" y="0" width="([\d.]+)"[^>]*fill="url\(#([^)]+)\)"/.exec(svg)!;
    expect(svg).toContain(`<linearGradient id="${ramp[3]}"`);
    const ticks = [...svg.matchAll(/class="ramp-tick" x1="([\d.]+)"/g)].map((m) => Number(m[1]));
    const [x, width] = [Number(ramp[1]), Number(ramp[2])];
    expect(ticks).toEqual([x, x + width / 3, x + (2 * width) / 3, x + width].map((v) => expect.closeTo(v, 6)));
    expect(svg).toMatch(/>1 \(D\)<\/text>[\s\S]*>4 \(A\)<\/text>/);
  });

  it('sets column names vertically, above a taller top margin, when they are wider than their columns', () => {
    const height = (svg: string) => Number(/<svg width="[\d.]+" height="([\d.]+)"/.exec(svg)![1]);
    const short = renderSvg(Heatmap, props);
    expect(short).not.toContain('class="column vertical"');
    const names = ['架空市中央区', '架空市北区', '架空町', '架空村', '架空市南区', '架空市西区'];
    const columns = names.map((name) => ({ key: name, label: name, group: '市区町村' }));
    const long = renderSvg(Heatmap, { ...props, width: 300, columns, cells: [] });
    expect(long.match(/class="column vertical"/g)).toHaveLength(6);
    expect(long).toMatch(/class="column vertical"[^>]*text-anchor="end"/);
    // The longest name (6 full-width characters at 12 px) fits above the grid: 34 + 72 px of top margin, not 46.
    expect(height(long) - height(short)).toBe(72 + 34 - 46);
  });
});

describe('Heatmap row labels', () => {
  const base = {
    width: 900,
    summary: 's',
    legendLabel: 'items',
    emptyLabel: 'none',
    columns: [{ key: 'a', label: 'Tsurumi', group: 'Wards' }],
    cells: [],
  };
  const gridLeft = (svg: string) => Number(/<rect x="([\d.]+)"/.exec(svg.slice(svg.indexOf('class="cell"')))![1]) - 1;

  it('takes its left margin from the longest label, so a long English label is whole', () => {
    const label = 'Yokohama child care support system 18/18';
    const short = renderSvg(Heatmap, { ...base, rows: [{ key: 'f', label: 'Peer support 18/18' }] });
    const long = renderSvg(Heatmap, { ...base, rows: [{ key: 'y', label }] });
    expect(long).toMatch(new RegExp(`text-anchor="end">${label}\\s*</text>`));
    expect(gridLeft(long)).toBeGreaterThan(gridLeft(short));
    expect(gridLeft(long)).toBeGreaterThanOrEqual(estimateTextWidth(label, 12) + 8);
  });

  it('cuts a label wider than 40 % of the chart with …, whole in its tooltip, the mark kept', () => {
    const label = 'Yokohama child care support system 18/18';
    const svg = renderSvg(Heatmap, { ...base, width: 320, rows: [{ key: 'y', label, mark: '＊' }] });
    const text = /class="row-label[^"]*"[^>]*>([^<]*)<tspan class="note-mark">＊<\/tspan>\s*<title>([^<]*)<\/title>/.exec(svg);
    expect(text?.[1]).toMatch(/^Yokohama.*…$/);
    expect(text?.[2]).toBe(label);
    expect(gridLeft(svg)).toBeLessThanOrEqual(0.4 * 320 + 12);
  });
});

describe('fitText', () => {
  it('keeps a text that fits and cuts one that does not, ending it with …', () => {
    expect(fitText('父親支援', 12, 48)).toBe('父親支援');
    expect(fitText('父親支援の取組', 12, 48)).toBe('父親支…');
    expect(estimateTextWidth(fitText('Partner agencies and networks', 12, 100), 12)).toBeLessThanOrEqual(100);
  });
});

describe('Dumbbell', () => {
  it('joins 区 and 拠点 with a line only where both rated, and matches the reviewed SVG', () => {
    const svg = renderSvg(Dumbbell, {
      width: 480,
      summary: 'gaps',
      axisLabel: '評価（A=4〜D=1）',
      raterLabels: { ward: '区', center: '拠点', joint: '相互評価' },
      rows: [
        { key: 'p1', label: '計画1', ward: 4, center: 4, joint: 4 },
        { key: 'p2', label: '計画2', ward: 2, center: 4, joint: 3 },
        { key: 'r1', label: '振返1', ward: null, center: 3, joint: null },
      ],
    });
    expect(svg.match(/class="bar"/g)).toHaveLength(2);
    expect(svg.match(/class="row gap"/g)).toHaveLength(1);
    expect(svg).toContain('区 C / 拠点 A / 相互評価 B');
    expect(svg).toMatchSnapshot();
  });
});

describe('BenchmarkBars', () => {
  it('outlines the ward’s level and writes its rank as rank/n', () => {
    const svg = renderSvg(BenchmarkBars, {
      width: 480,
      summary: 'benchmark',
      axisLabel: '分布',
      rankLabel: '順位',
      levelLabels: { A: 'よくできた', B: 'できた', C: 'あまりできなかった', D: 'できなかった' },
      mineLabel: '枠: この区の評価',
      describe: (row: { label: string }) => row.label,
      rows: [{ key: 'p1', label: '計画1', counts: { A: 10, B: 6, C: 2, D: 0 }, level: 'B' as const, rank: 11, wards: 18 }],
    });
    expect(svg).toMatch(/class="segment mine" data-level="B"/);
    expect(svg).toContain('>11/18</text>');
    expect(svg).toMatch(/<i class="outline" style="--swatch: #000;">\s*<\/i>枠: この区の評価<\/span>/);
    expect(svg).toMatchSnapshot();
  });
});
