import { describe, expect, it } from 'vitest';
import { BLUES_5, mapClasses, mapDomain, RDBU_7, swatchOutline, textOn, tileGrid, type MapScaleSpec } from '../../../src/lib/charts/tile-map.ts';
import { defaultWards } from '../../../src/lib/ingest/registry.ts';
import TileMap from '../../../src/lib/charts/TileMap.svelte';
import { estimateTextWidth } from '../../../src/lib/charts/layout.ts';
import { renderSvg } from './svg-snapshot.ts';

describe('the Yokohama tile grid', () => {
  const wards = defaultWards();
  const at = (name: string) => {
    const ward = wards.find((w) => w.name === name)!;
    return [ward.tileX!, ward.tileY!];
  };

  it('gives each of the 18 wards its own tile', () => {
    expect(wards).toHaveLength(18);
    expect(new Set(wards.map((w) => `${w.tileX},${w.tileY}`)).size).toBe(18);
  });

  it('keeps the city’s shape: 青葉・都筑 north-west, 鶴見 north-east on the coast, 金沢・栄 south, 中 on the eastern shore', () => {
    expect(at('青葉区')).toEqual([0, 0]);
    expect(at('都筑区')[1]).toBe(0);
    expect(at('鶴見区')).toEqual([3, 0]);
    const bottom = Math.max(...wards.map((w) => w.tileY!));
    expect(at('金沢区')[1]).toBe(bottom);
    expect(at('栄区')[1]).toBe(bottom);
    expect(at('金沢区')[0]).toBeGreaterThan(at('栄区')[0]);
    expect(at('中区')[0]).toBe(3);
    expect(at('瀬谷区')[0]).toBe(0);
  });

  it('keeps neighbours next to each other (a tile’s side or corner)', () => {
    const touching = (a: string, b: string) => Math.max(Math.abs(at(a)[0] - at(b)[0]), Math.abs(at(a)[1] - at(b)[1])) === 1;
    for (const [a, b] of [['鶴見区', '神奈川区'], ['神奈川区', '西区'], ['西区', '中区'], ['中区', '磯子区'], ['磯子区', '金沢区'], ['港北区', '都筑区'], ['緑区', '旭区'], ['戸塚区', '泉区'], ['港南区', '栄区'], ['保土ケ谷区', '旭区']]) {
      expect(touching(a, b), `${a}–${b}`).toBe(true);
    }
  });
});

describe('map colours', () => {
  it('five Blues classes over an amount, reversed for a rank, seven RdBu classes about a neutral middle', () => {
    const seq = mapClasses({ kind: 'sequential', domain: [0, 10] });
    expect(seq.classes.map((c) => c.color)).toEqual([...BLUES_5]);
    expect(seq.classes.map((c) => [c.from, c.to])).toEqual([[0, 2], [2, 4], [4, 6], [6, 8], [8, 10]]);
    expect(seq.scale(9.9)).toBe(BLUES_5[4]);
    expect(mapClasses({ kind: 'sequential', domain: [1, 18], reverse: true }).scale(1)).toBe(BLUES_5[4]);
    const div = mapClasses({ kind: 'diverging', domain: [-0.7, 0.7] });
    expect(div.classes.map((c) => c.color)).toEqual([...RDBU_7]);
    expect(div.scale(0)).toBe('#f7f7f7');
    expect(div.scale(-0.6)).toBe(RDBU_7[0]);
    expect(div.scale(0.6)).toBe(RDBU_7[6]);
  });

  it('domains from the data: the extent, from zero for counts, symmetric about the midpoint when diverging', () => {
    expect(mapDomain([0.9, null, 0.95, 0.99], 'sequential')).toEqual([0.9, 0.99]);
    expect(mapDomain([3, 7], 'sequential', { fromZero: true })).toEqual([0, 7]);
    expect(mapDomain([-0.25, 0.38, null], 'diverging')).toEqual([-0.38, 0.38]);
    expect(mapDomain([3.1, 3.9], 'diverging', { mid: 2.5 })).toEqual([2.5 - 1.4, 3.9]);
    expect(mapDomain([null, null], 'sequential')).toEqual([0, 1]);
    expect(mapDomain([5, 5], 'sequential')).toEqual([4.5, 5.5]);
  });

  it('text reads on its tile: white on the dark classes, black on the light ones', () => {
    expect(textOn(BLUES_5[4])).toBe('#fff');
    expect(textOn(BLUES_5[0])).toBe('#111');
    expect(textOn(RDBU_7[0])).toBe('#fff');
    expect(textOn('#f7f7f7')).toBe('#111');
  });

  it('only the swatches nearly as light as the page get an outline in the legend', () => {
    expect(BLUES_5.map(swatchOutline)).toEqual(['#ccc', 'none', 'none', 'none', 'none']);
    expect(RDBU_7.map(swatchOutline)).toEqual(['none', 'none', 'none', '#ccc', 'none', 'none', 'none']);
  });

  it('tiles are square, as large as the width allows, within their bounds', () => {
    const grid = tileGrid([{ x: 0, y: 0 }, { x: 3, y: 4 }], 400, 92, 4);
    expect(grid.columns).toBe(4);
    expect(grid.rows).toBe(5);
    expect(grid.size).toBe(92);
    expect(grid.width).toBe(4 * 92 + 3 * 4);
    expect(grid.left({ x: 3 })).toBe(3 * 96);
    expect(tileGrid([{ x: 3, y: 0 }], 200).size).toBe(47);
  });
});

describe('the map legend', () => {
  const tiles = defaultWards().map((w, i) => ({ key: w.name, label: w.name, x: w.tileX!, y: w.tileY!, value: 90.4 + i * 0.55, mark: '', title: w.name }));
  const legendTicks = (width: number) => {
    const svg = renderSvg(TileMap, {
      tiles, width, spec: { kind: 'sequential', domain: [90.4, 99.7] } as MapScaleSpec, formatValue: (v: number) => `${v.toFixed(1)}%`,
      legendTitle: 'A+B の割合（%）', emptyLabel: 'データなし', summary: '18区の地図',
    });
    const legend = svg.slice(svg.indexOf('class="legend"'));
    return [...legend.matchAll(/<text class="tick[^"]*" x="([\d.]+)" y="42" text-anchor="(\w+)">([^<]+)<\/text>/g)].map(([, x, anchor, text]) => {
      const w = estimateTextWidth(text, 12);
      const left = anchor === 'start' ? +x : anchor === 'end' ? +x - w : +x - w / 2;
      return { text, left, right: left + w };
    });
  };

  it.each([900, 480, 320])('labels its class edges without two touching, at %d px', (width) => {
    const ticks = legendTicks(width);
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    expect(ticks[0].text).toBe('90.4%');
    expect(ticks.at(-1)!.text).toBe('99.7%');
    for (let i = 1; i < ticks.length; i++) expect(ticks[i].left - ticks[i - 1].right).toBeGreaterThanOrEqual(4);
  });

  it('labels every edge when the width allows', () => {
    expect(legendTicks(900)).toHaveLength(6);
  });
});
