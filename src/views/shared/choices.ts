import type { FilterState } from '../../lib/state/filters.svelte.ts';

/** The years a single-year view may show: the data's years within the year filter. */
export function yearsInView(filters: FilterState, dataYears: number[]): number[] {
  return filters.fiscalYears === null ? dataYears : dataYears.filter((y) => filters.fiscalYears!.includes(y));
}

/** The chosen year if it is available, else the latest one. */
export function chosenYear(filters: FilterState, years: number[]): number | null {
  if (filters.year !== null && years.includes(filters.year)) return filters.year;
  return years.at(-1) ?? null;
}

/** The selected ward if it is in view, else the first ward. */
export function chosenWard(filters: FilterState, wards: string[]): string | null {
  if (filters.selectedWard !== null && wards.includes(filters.selectedWard)) return filters.selectedWard;
  return wards[0] ?? null;
}
