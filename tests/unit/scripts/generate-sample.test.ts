import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { generateSample } from '../../../scripts/generate-sample.ts';
import { THEMES } from '../../../scripts/sample/phrases.ts';
import { defaultWards } from '../../../src/lib/ingest/registry.ts';

const files = generateSample();
const rows = (name: string) => Papa.parse<Record<string, string>>(files[name], { header: true, skipEmptyLines: true }).data;
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025];

describe('generateSample()', () => {
  it('is deterministic: a second run gives the same bytes, and so do the files committed in data/', () => {
    expect(generateSample()).toEqual(files);
    for (const [name, csv] of Object.entries(files)) {
      expect(readFileSync(new URL(`../../../data/${name}`, import.meta.url), 'utf8'), name).toBe(csv);
    }
  });

  it('covers every ward × FY2019–2025 with 48 ratings, except the real 鶴見区 FY2025', () => {
    const counts = new Map<string, number>();
    for (const r of rows('sample_ratings.csv')) counts.set(`${r.ward} ${r.fiscal_year}`, (counts.get(`${r.ward} ${r.fiscal_year}`) ?? 0) + 1);
    const expected = defaultWards().flatMap((w) => YEARS.filter((y) => !(w.name === '鶴見区' && y === 2025)).map((y) => `${w.name} ${y}`));
    expect([...counts.keys()].sort()).toEqual(expected.sort());
    expect(new Set(counts.values())).toEqual(new Set([48]));
    expect(rows('sample_centers.csv')).toHaveLength(expected.length);
    expect(new Set(rows('sample_narratives.csv').map((r) => `${r.ward} ${r.fiscal_year}`)).size).toBe(expected.length);
  });

  it('marks every row as sample and every operator as fictional', () => {
    for (const name of Object.keys(files)) expect(new Set(rows(name).map((r) => r.provenance)), name).toEqual(new Set(['sample']));
    for (const c of rows('sample_centers.csv')) expect(c.operator).toMatch(/（架空）$/);
  });

  it('has a realistic spread: mostly A and B, some C, rare D, ward and center often disagreeing', () => {
    const ratings = rows('sample_ratings.csv');
    const share = (level: string) => ratings.filter((r) => r.rating === level).length / ratings.length;
    expect(share('A') + share('B')).toBeGreaterThan(0.85);
    expect(share('C')).toBeGreaterThan(0.01);
    expect(share('D')).toBeGreaterThan(0);
    expect(share('D')).toBeLessThan(0.01);
    let disagreements = 0;
    for (let i = 0; i < ratings.length; i += 3) if (ratings[i].rating !== ratings[i + 1].rating) disagreements++;
    expect(disagreements / (ratings.length / 3)).toBeGreaterThan(0.15);
  });

  it('lets themes recur, carry over from challenge to next year’s goal, and resolve as effects', () => {
    const themeOf = new Map<string, string>();
    for (const [theme, phrases] of Object.entries(THEMES)) for (const list of Object.values(phrases)) if (Array.isArray(list)) for (const p of list) themeOf.set(p, theme);
    const named = new Map<string, Set<string>>();
    for (const n of rows('sample_narratives.csv')) {
      const key = `${n.ward}|${n.fiscal_year}|${n.section}`;
      if (!named.has(key)) named.set(key, new Set());
      named.get(key)!.add(themeOf.get(n.text)!);
    }
    const has = (ward: string, year: number, section: string, theme: string) => named.get(`${ward}|${year}|${section}`)?.has(theme) ?? false;
    let carried = 0;
    let recurring = 0;
    let resolved = 0;
    for (const { name } of defaultWards()) {
      for (const year of YEARS.slice(0, -1)) {
        for (const theme of named.get(`${name}|${year}|challenge`) ?? []) {
          if (has(name, year, 'next_goal', theme) && has(name, year + 1, 'goal', theme)) carried++;
          if (has(name, year + 1, 'challenge', theme)) recurring++;
          if (has(name, year + 1, 'effect', theme) && !has(name, year + 1, 'challenge', theme)) resolved++;
        }
      }
    }
    expect(carried).toBeGreaterThan(50);
    expect(recurring).toBeGreaterThan(20);
    expect(resolved).toBeGreaterThan(20);
  });
});
