import { describe, expect, it } from 'vitest';
import DivergingBars from '../../../src/lib/charts/DivergingBars.svelte';
import { renderSvg } from './svg-snapshot.ts';

const props = {
  width: 640,
  levelLabels: { A: 'よくできた', B: 'できた', C: 'あまりできなかった', D: 'まったくできなかった' },
  unratedLabel: '未評価',
  countLabel: '件数',
  axisLabel: '評価の割合（%、未評価を除く）',
  summary: '2 区の評価の分布',
  rows: [
    { key: '鶴見区', label: '鶴見区', counts: { A: 38, B: 10, C: 0, D: 0 }, unrated: 0, n: 48 },
    { key: '西区', label: '西区', counts: { A: 10, B: 20, C: 12, D: 6 }, unrated: 2, n: 50 },
  ],
};

describe('DivergingBars', () => {
  it('draws four segments per row in D, C, B, A order, even for empty levels', () => {
    const svg = renderSvg(DivergingBars, props);
    const levels = [...svg.matchAll(/data-level="([A-D])"/g)].map((m) => m[1]);
    expect(levels).toEqual(['D', 'C', 'B', 'A', 'D', 'C', 'B', 'A']);
  });

  it('puts the zero line between B and C and labels the axis with its unit', () => {
    const svg = renderSvg(DivergingBars, props);
    const zero = /class="zero" x1="([\d.]+)"/.exec(svg)?.[1];
    const firstB = /data-level="B" x="([\d.]+)"/.exec(svg)?.[1];
    expect(zero).toMatch(/^[\d.]+$/);
    expect(zero).toBe(firstB);
    expect(svg).toContain('評価の割合（%、未評価を除く）');
    expect(svg).toContain('aria-label="2 区の評価の分布"');
  });

  it('shows unrated apart, in grey, only where there are any', () => {
    const svg = renderSvg(DivergingBars, props);
    expect(svg.match(/class="unrated"/g)).toHaveLength(1);
    // One tooltip per row, every level in it, unrated only where there are any.
    expect(svg).toMatch(/<title>西区\nD [^\n]*\nC [^\n]*\nB [^\n]*\nA [^\n]*\n未評価: 2<\/title>/);
    expect(svg).not.toMatch(/<title>鶴見区[^<]*未評価/);
  });

  it('matches the reviewed SVG', () => {
    expect(renderSvg(DivergingBars, props)).toMatchSnapshot();
  });
});

describe('DivergingBars with selection', () => {
  it('makes each row’s label a button when it can select (its name holds the label it shows), marks the selected row and dims the rest', () => {
    const svg = renderSvg(DivergingBars, { ...props, selectedKey: '西区', onSelect: () => {} });
    expect(svg.match(/role="button"/g)).toHaveLength(2);
    expect(svg).toContain('role="group"');
    expect(svg).toMatch(/class="row selected" data-key="西区"/);
    expect(svg).toMatch(/class="row dimmed" data-key="鶴見区"/);
    expect(svg).toMatch(/class="label[^"]*"[^>]*role="button"[^>]*aria-pressed="true"[^>]*aria-label="西区[^"]*">西区</);
    expect(svg).toMatch(/role="button"[^>]*aria-pressed="false"[^>]*aria-label="鶴見区[^"]*">鶴見区</);
  });

  it('draws 100% stacked bars without a zero line in the stacked scale', () => {
    const svg = renderSvg(DivergingBars, { ...props, scale: 'stacked' as const });
    expect(svg).not.toContain('class="zero"');
    expect(svg).toContain('>100%</text>');
    expect(svg).toMatchSnapshot();
  });
});
