import { describe, expect, it } from 'vitest';
import { FilterState } from '../../../src/lib/state/filters.svelte.ts';

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
