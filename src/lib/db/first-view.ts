/**
 * What a view's default state asked and the answers, over the bundled data, keyed by `queryKey`:
 * the build records it (scripts/build/record-views.ts) and the page draws from it until its own
 * DuckDB is ready (~0.8 s and more), so a link to any view paints at once.
 */
export type ViewSnapshot = Record<string, unknown[]>;
