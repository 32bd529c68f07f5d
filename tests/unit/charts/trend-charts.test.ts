import { describe, expect, it } from 'vitest';
import SlopeChart from '../../../src/lib/charts/SlopeChart.svelte';
import Trajectories from '../../../src/lib/charts/Trajectories.svelte';
import { scoreDomain, scoreTicks, spreadLabels } from '../../../src/lib/charts/trajectory.ts';
import { estimateTextWidth } from '../../../src/lib/charts/layout.ts';
import { renderSvg } from './svg-snapshot.ts';

describe('spreadLabels(wanted, gap)', () => {
  it('keeps labels at their points when they do not collide, and pushes colliding ones apart', () => {
    expect(spreadLabels([10, 50, 90], 12)).toEqual([10, 50, 90]);
    expect(spreadLabels([50, 10, 52, 55], 12)).toEqual([50, 10, 62, 74]);
  });
});

describe('SlopeChart', () => {
  const svg = renderSvg(SlopeChart, {
    width: 480,
    height: 240,
    summary: 'slope',
    fromLabel: '2019',
    toLabel: '2025',
    yLabel: '平均点（A=4〜D=1）',
    rows: [
      { key: 'a', label: '鶴見区', before: 3.2, after: 3.8 },
      { key: 'b', label: '西区', before: 3.6, after: 3.1 },
      { key: 'c', label: '中区', before: 3.5, after: 3.5 },
      { key: 'd', label: '南区', before: 3.3, after: 3.52 },
    ],
  });

  it('colours improvers, decliners and the unchanged apart', () => {
    expect(svg).toContain('class="row up" data-key="a"');
    expect(svg).toContain('class="row down" data-key="b"');
    expect(svg).toContain('class="row same" data-key="c"');
  });

  it('never lets two labels overlap', () => {
    const ys = [...svg.matchAll(/class="label" x="[\d.]+" y="([\d.]+)"/g)].map((m) => Number(m[1])).sort((a, b) => a - b);
    expect(ys.length).toBeGreaterThan(2);
    for (let i = 1; i < ys.length; i++) expect(ys[i] - ys[i - 1]).toBeGreaterThanOrEqual(12.9);
    expect(svg).toMatchSnapshot();
  });

  it('names its y axis, and keeps a long year name inside the chart', () => {
    expect(svg).toMatch(/class="axis-label" transform="translate\(12,[\d.]+\) rotate\(-90\)"[^>]*>平均点（A=4〜D=1）</);
    // 2019 is centred over the axis (x 60); 令和元年度（2019年度） (~130 px at 11 px) would start past the left edge there.
    expect(svg).toMatch(/class="year" x="60"[^>]*>2019</);
    const long = renderSvg(SlopeChart, { width: 480, height: 240, summary: 's', fromLabel: '令和元年度（2019年度）', toLabel: '2025', yLabel: 'y', rows: [] });
    const x = Number(/class="year" x="([\d.]+)"[^>]*>令和元年度/.exec(long)![1]);
    expect(x - estimateTextWidth('令和元年度（2019年度）', 11) / 2).toBeGreaterThanOrEqual(0);
  });
});

describe('Trajectories', () => {
  it('breaks the line at a missing year, draws the city band and marks contract years', () => {
    const svg = renderSvg(Trajectories, {
      width: 240,
      summary: 'trajectories',
      yLabel: 'mean',
      bandLabel: '25–75%',
      medianLabel: 'median',
      years: [2021, 2022, 2023, 2024],
      panels: [{ key: '鶴見区', label: '鶴見区' }],
      points: [
        { panel: '鶴見区', x: 2021, y: 3, mark: '4/5' },
        { panel: '鶴見区', x: 2022, y: 3.5, mark: '5/5' },
        { panel: '鶴見区', x: 2024, y: 3.25, mark: '2/5' },
      ],
      band: [
        { x: 2021, low: 2.8, mid: 3.1, high: 3.4 },
        { x: 2024, low: 3, mid: 3.3, high: 3.6 },
      ],
    });
    const line = /class="line" d="([^"]+)"/.exec(svg)![1];
    expect(line.match(/M/g)).toHaveLength(2);
    expect(svg).toContain('>5/5</text>');
    expect(svg).toMatch(/class="band" d="M[^"]+Z"/);
    expect(svg).toMatchSnapshot();
  });

  it('labels every year when a panel has room, else the first and the last', () => {
    const props = {
      width: 680, summary: 't', yLabel: 'mean', bandLabel: 'band', medianLabel: 'median', band: [],
      years: [2019, 2020, 2021, 2022, 2023, 2024, 2025],
      panels: [{ key: '鶴見区', label: '鶴見区' }],
      points: [{ panel: '鶴見区', x: 2019, y: 3, mark: null }],
    };
    const yearLabels = (svg: string) => [...svg.matchAll(/class="tick"[^>]*>(20\d\d)</g)].map((m) => m[1]);
    expect(yearLabels(renderSvg(Trajectories, props))).toEqual(['2019', '2025']);
    expect(yearLabels(renderSvg(Trajectories, { ...props, minPanelWidth: 680, panelHeight: 180 }))).toEqual(props.years.map(String));
    expect(yearLabels(renderSvg(Trajectories, { ...props, years: [2025] }))).toEqual(['2025']);
  });
});

describe('the mean-score axis of the trajectories', () => {
  const at = (...ys: number[]) => ys.map((y, i) => ({ panel: 'p', x: 2019 + i, y }));
  it('runs from A down to the lowest mean or quartile, floored to a half point, B–A at least and D–A at most', () => {
    expect(scoreDomain(at(3.8, 3.4), [{ x: 2019, low: 3.2, mid: 3.5, high: 3.7 }])).toEqual([3, 4]);
    expect(scoreDomain(at(3.8, 2.7), [])).toEqual([2.5, 4]);
    expect(scoreDomain(at(1.2), [])).toEqual([1, 4]);
    expect(scoreDomain([{ panel: 'p', x: 2019, y: null }], [{ x: 2019, low: 2.2, mid: 3, high: 3.5 }])).toEqual([2, 4]);
    expect(scoreDomain([], [])).toEqual([3, 4]);
  });

  it('ticks every half point over two letters or less, every letter beyond; whole scores named by their letter', () => {
    expect(scoreTicks([3, 4]).map((t) => t.label)).toEqual(['B', '3.5', 'A']);
    expect(scoreTicks([2.5, 4]).map((t) => t.label)).toEqual(['2.5', 'B', '3.5', 'A']);
    expect(scoreTicks([1.5, 4]).map((t) => t.label)).toEqual(['C', 'B', 'A']);
    expect(scoreTicks([1, 4]).map((t) => t.label)).toEqual(['D', 'C', 'B', 'A']);
  });

  it('draws a panel whose means sit between B and A over the whole panel height', () => {
    const svg = renderSvg(Trajectories, {
      width: 240, summary: 't', yLabel: 'mean', bandLabel: 'band', medianLabel: 'median', band: [],
      years: [2019, 2020], panels: [{ key: 'p', label: 'p' }], points: at(3, 4),
    });
    expect([...svg.matchAll(/class="tick"[^>]*>([A-D]|\d\.\d)</g)].map((m) => m[1])).toEqual(['B', '3.5', 'A']);
    const ys = [...svg.matchAll(/class="point" cx="[\d.]+" cy="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(ys).toEqual([110, 30]);
  });
});
