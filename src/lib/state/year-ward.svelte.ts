import type { FilterOptionsRow } from '../db/queries/index.ts';
import type { AppState } from './app.svelte.ts';
import { getFilterOptions } from './filter-options.svelte.ts';
import type { QueryState } from './query.svelte.ts';

/**
 * The year and ward a single-year view shows: the data's years within the year filter (the chosen
 * one if available, else the ward's latest, so a ward whose newest report is not in yet opens on
 * the year it has) and the wards within the ward filter (the selected one, else the first), from the
 * app's filter options. Create it during component initialisation: it reads them from the context.
 */
export class YearWardChoice {
  private options: QueryState<FilterOptionsRow> = getFilterOptions();
  readonly allYears: number[] = $derived(this.optionsRow()?.fiscalYears ?? []);
  readonly years: number[] = $derived.by(() => {
    const chosen = this.app.filters.fiscalYears;
    return chosen === null ? this.allYears : this.allYears.filter((y) => chosen.includes(y));
  });
  readonly year: number | null = $derived.by(() => {
    const wanted = this.app.filters.year;
    if (wanted !== null && this.years.includes(wanted)) return wanted;
    const wardYears = this.optionsRow()?.wardYears.find((w) => w.ward === this.ward)?.fiscalYears ?? [];
    return this.years.filter((y) => wardYears.includes(y)).at(-1) ?? this.years.at(-1) ?? null;
  });
  readonly wards: string[] = $derived.by(() => {
    const chosen = this.app.filters.wards;
    return (this.optionsRow()?.wards ?? []).filter((w) => chosen === null || chosen.includes(w));
  });
  /** The registry's groups of wards (a national registry's prefectures), for grouping a ward picker. */
  readonly groups: FilterOptionsRow['groups'] = $derived(this.optionsRow()?.groups ?? []);
  readonly ward: string | null = $derived.by(() => {
    const selected = this.app.filters.selectedWard;
    return selected !== null && this.wards.includes(selected) ? selected : (this.wards[0] ?? null);
  });

  constructor(private app: AppState) {}

  private optionsRow(): FilterOptionsRow | undefined {
    return this.options.rows?.[0];
  }
}
