/** One point of a line in one panel of a small-multiples chart. */
export interface LinePoint {
  panel: string;
  series: string;
  x: number;
  y: number;
}
