/** Heatmap input: rows, columns (grouped), and the cells that have a value. */
export interface HeatmapColumn {
  key: string;
  label: string;
  group: string;
  /** The group's name when the full one is wider than its columns (a phone's width): 計画 for 事業計画段階. */
  groupShort?: string;
  title?: string;
}
export interface HeatmapRowData {
  key: string;
  label: string;
  /** Said in the row's tooltips; `mark` is set after its label (＊ sample, ※ partly sample). */
  note?: string;
  mark?: string;
}
export interface HeatmapCell {
  row: string;
  column: string;
  value: number | null;
}

