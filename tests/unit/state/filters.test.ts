import { describe, expect, it } from 'vitest';
import { FilterState, URL_PARAMETERS } from '../../../src/lib/state/filters.svelte.ts';

describe('FilterState URL', () => {
  it('reads every setting from the URL and writes the same URL back', () => {
    const search = '?view=heatmap&lang=en&fy=2024%2C2025&ward=%E8%A5%BF%E5%8C%BA&stage=review&rater=ward&sample=hide&sw=%E8%A5%BF%E5%8C%BA&sq=review-1&by=question&sort=share&scale=stacked&y=2024&r=center&order=score';
    const state = new FilterState();
    state.readFrom(search);
    expect(state.view).toBe('heatmap');
    expect(state.fiscalYears).toEqual([2024, 2025]);
    expect(state.wards).toEqual(['西区']);
    expect(state.selectedQuestion).toEqual({ stage: 'review', questionNo: 1 });
    expect(state.includeSample).toBe(false);
    expect(state.toSearch()).toBe(search);
  });

  it('keeps "none" (an empty list) apart from "all" (no parameter)', () => {
    const state = new FilterState();
    state.readFrom('?ward=');
    expect(state.wards).toEqual([]);
    expect(state.toSearch()).toBe('?ward=');
    state.readFrom('');
    expect(state.wards).toBeNull();
    expect(state.toSearch()).toBe('');
  });

  it('ignores values it does not know', () => {
    const state = new FilterState();
    state.readFrom('?view=nope&stage=later&rater=mayor&sq=planning-x&by=month');
    expect([state.view, state.stages, state.raters, state.selectedQuestion, state.distributionBy]).toEqual(['distribution', [], [], null, 'ward']);
  });

  it('narrows the filters by the selection except along the chart’s own dimension', () => {
    const state = new FilterState();
    state.readFrom('?sw=%E8%A5%BF%E5%8C%BA&sq=planning-2');
    expect(state.filtersFor('ward')).toMatchObject({ wards: null, questions: [{ stage: 'planning', questionNo: 2 }] });
    expect(state.filtersFor('question')).toMatchObject({ wards: ['西区'], questions: null });
    expect(state.filtersFor(null)).toMatchObject({ wards: ['西区'], questions: [{ stage: 'planning', questionNo: 2 }] });
    state.readFrom('?ward=%E9%B6%B4%E8%A6%8B%E5%8C%BA&sw=%E8%A5%BF%E5%8C%BA');
    expect(state.filtersFor(null).wards).toEqual([]);
  });
});

describe('FilterState URL: every parameter, good values and bad', () => {
  // [parameter, a value it keeps, the field, what it reads, bad values that read as the default]
  const CASES: Array<[string, string, string, unknown, string[], unknown]> = [
    ['view', 'trends', 'view', 'trends', ['', 'nope'], 'distribution'],
    ['lang', 'en', 'lang', 'en', ['', 'fr'], 'ja'],
    ['fy', '2019,2024', 'fiscalYears', [2019, 2024], ['x,24'], []],
    ['ward', '西区,中区', 'wards', ['西区', '中区'], [''], []],
    ['stage', 'planning,review', 'stages', ['planning', 'review'], ['later'], []],
    ['rater', 'ward,joint', 'raters', ['ward', 'joint'], ['mayor'], []],
    ['sample', 'hide', 'includeSample', false, ['', 'show'], true],
    ['sw', '西区', 'selectedWard', '西区', [], null],
    ['sq', 'review-3', 'selectedQuestion', { stage: 'review', questionNo: 3 }, ['', 'review-', 'planning-x', 'later-1'], null],
    ['th', 'father', 'selectedTheme', 'father', [], null],
    ['sec', 'challenge', 'textSection', 'challenge', ['', 'essay'], 'all'],
    ['by', 'question', 'distributionBy', 'question', ['month'], 'ward'],
    ['sort', 'share', 'distributionSort', 'share', ['random'], 'order'],
    ['scale', 'stacked', 'distributionScale', 'stacked', ['log'], 'diverging'],
    ['y', '2024', 'year', 2024, ['', 'x', '-1', '20.5'], null],
    ['r', 'center', 'raterChoice', 'center', ['mayor'], 'mean'],
    ['order', 'score', 'heatmapOrder', 'score', ['random'], 'code'],
    ['mm', 'kappa', 'mapMeasure', 'kappa', ['area', ''], 'abShare'],
    ['ne', '150', 'networkEdges', '150', ['61', 'all'], '60'],
    ['wd', '父親', 'selectedWord', '父親', [], null],
    ['ca', 'themes', 'caTarget', 'themes', ['people'], 'words'],
    ['from', '2020', 'slopeFrom', 2020, ['', 'x'], null],
    ['to', '2025', 'slopeTo', 2025, ['', 'x'], null],
    ['decl', '2', 'minDecline', 2, ['', 'two', '-2'], null],
    ['csort', 'change', 'changeSort', 'change', ['size'], 'ward'],
    ['q', 'SELECT 1', 'sql', 'SELECT 1', [], ''],
    ['dataset', './datasets/national/', 'dataset', './datasets/national/', [], null],
  ];

  it.each(CASES)('?%s=%s reads into %s and writes back the same parameter', (param, good, field, read) => {
    const state = new FilterState();
    state.readFrom(`?${new URLSearchParams({ [param]: good })}`);
    expect((state as unknown as Record<string, unknown>)[field]).toEqual(read);
    expect(new URLSearchParams(state.toSearch()).get(param)).toBe(good);
  });

  it.each(CASES.filter(([, , , , bad]) => bad.length > 0))('?%s= with a value it cannot read falls back, never to a wrong value', (param, _good, field, _read, bad, fallback) => {
    for (const value of bad) {
      const state = new FilterState();
      state.readFrom(`?${new URLSearchParams({ [param]: value })}`);
      expect((state as unknown as Record<string, unknown>)[field], `${param}=${value}`).toEqual(fallback);
    }
  });

  it('knows each parameter once, and writes nothing for defaults', () => {
    expect(new Set(URL_PARAMETERS).size).toBe(URL_PARAMETERS.length);
    expect(URL_PARAMETERS).toHaveLength(27);
    expect(new FilterState().toSearch()).toBe('');
  });
});
