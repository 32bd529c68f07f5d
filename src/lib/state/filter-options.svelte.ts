import { createContext } from 'svelte';
import { ratingFilterOptionsQuery, type FilterOptionsRow } from '../db/queries/index.ts';
import type { AppState } from './app.svelte.ts';
import { QueryState } from './query.svelte.ts';

/**
 * The years, wards and groups of wards in the ratings, asked once for everything on screen that lists
 * them (the filter bar, a view's year and ward choice) and only while `wanted` (the page shown lists
 * them). Create it during component initialisation: it owns a query.
 */
export function filterOptionsState(app: AppState, wanted: () => boolean): QueryState<FilterOptionsRow> {
  // Derived, so going from one page that lists them to another asks nothing again.
  const listed = $derived(wanted());
  return new QueryState(app, () => (listed ? ratingFilterOptionsQuery() : null));
}

export const [getFilterOptions, setFilterOptions] = createContext<QueryState<FilterOptionsRow>>();
