/**
 * Charts that draw one mark per ward stay readable with hundreds of units (a national dataset): past
 * `UNIT_CHART_LIMIT` they draw the two ends of the ranking (and the selected unit wherever it
 * ranks), and say so; their tables keep every unit, and the ward filter's search narrows to any.
 */
export const UNIT_CHART_LIMIT = 40;
export const UNIT_ENDS = 15;
/** Rows a table of that many units lists on screen (its download holds them all). */
export const UNIT_TABLE_ROWS = 100;

/** `DataTable`'s `shown` for a table of `count` units: a first cut only past the limit. */
export const listedRows = (count: number) => (count > UNIT_CHART_LIMIT ? UNIT_TABLE_ROWS : undefined);

export interface ChartEnds<R> {
  rows: R[];
  /** Units left out of the chart (0 when every unit is drawn). */
  omitted: number;
  total: number;
}

/**
 * The highest and lowest `UNIT_ENDS` rows by `measure` (rows without one rank last), plus any row
 * `keep` asks for, in ranking order; every row, in its own order, when there are few enough.
 */
export function chartEnds<R>(rows: readonly R[], measure: (row: R) => number | null, keep: (row: R) => boolean = () => false): ChartEnds<R> {
  if (rows.length <= UNIT_CHART_LIMIT) return { rows: [...rows], omitted: 0, total: rows.length };
  const ranked = [...rows].sort((a, b) => (measure(b) ?? -Infinity) - (measure(a) ?? -Infinity));
  const shown = ranked.filter((row, i) => i < UNIT_ENDS || i >= ranked.length - UNIT_ENDS || keep(row));
  return { rows: shown, omitted: rows.length - shown.length, total: rows.length };
}

export interface UnitGroup {
  group: string;
  wards: readonly string[];
}

/**
 * A picker's units under the registry's groups (a national registry's prefectures), each group in
 * the registry's order and its units in the picker's; units of no group follow. With fewer than two
 * groups (Yokohama's wards are one city) every unit is in `rest`: the list stays flat.
 */
export function groupedUnits(units: readonly string[], groups: readonly UnitGroup[]): { groups: UnitGroup[]; rest: readonly string[] } {
  if (groups.length < 2) return { groups: [], rest: units };
  const groupOf = new Map<string, string>();
  for (const { group, wards } of groups) for (const ward of wards) groupOf.set(ward, group);
  const listed = groups.map(({ group }) => ({ group, wards: units.filter((unit) => groupOf.get(unit) === group) })).filter((g) => g.wards.length > 0);
  return { groups: listed, rest: units.filter((unit) => !groupOf.has(unit)) };
}
