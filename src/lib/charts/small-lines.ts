/** One point of a line in one panel of a small-multiples chart. */
export interface LinePoint {
  panel: string;
  series: string;
  x: number;
  y: number;
}

/**
 * SVG path through consecutive years; a year without a value lifts the pen, so a missing year is a
 * gap in the line, never a zero.
 */
export function linePathWithGaps(years: readonly number[], valueOf: (year: number) => number | null | undefined, x: (year: number) => number, y: (value: number) => number): string {
  let d = '';
  let pen = false;
  for (const year of years) {
    const value = valueOf(year);
    if (value === undefined || value === null) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${x(year).toFixed(1)},${y(value).toFixed(1)}`;
    pen = true;
  }
  return d;
}
