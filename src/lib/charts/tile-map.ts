import { extent } from 'd3-array';
import { scaleQuantize, type ScaleQuantize } from 'd3-scale';

/**
 * ColorBrewer classes (colour-blind safe): Blues for an amount, RdBu for a signed change or a score
 * around the B/C line (blue the good side, red the weak side, as every rating chart here).
 */
export const BLUES_5 = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'] as const;
/** Seven classes, the middle one neutral: "no change" (or a score on the B/C line) is not given a side. */
export const RDBU_7 = ['#b2182b', '#ef8a62', '#fddbc7', '#f7f7f7', '#d1e5f0', '#67a9cf', '#2166ac'] as const;
export const NO_DATA_COLOR = '#f2f2f2';

/** How a measure is coloured: classes over an amount, or classes either side of a midpoint. */
export type MapScaleSpec =
  | { kind: 'sequential'; domain: [number, number]; reverse?: boolean }
  | { kind: 'diverging'; domain: [number, number] };

export interface MapTile {
  key: string;
  label: string;
  x: number;
  y: number;
  value: number | null;
  /** ＊ or ※ when the figure is (partly) sample data, as in every chart. */
  mark: string;
  /** Tooltip and accessible name: the ward, the value with its unit, what it stands on. */
  title: string;
}

export interface MapClass {
  color: string;
  from: number;
  to: number;
}

/** The colour classes of a measure: 5 sequential classes, or 7 diverging ones (3 each side of a neutral middle). */
export function mapClasses(spec: MapScaleSpec): { scale: ScaleQuantize<string>; classes: MapClass[] } {
  const colors = spec.kind === 'sequential' ? (spec.reverse ? [...BLUES_5].reverse() : [...BLUES_5]) : [...RDBU_7];
  const scale = scaleQuantize<string>().domain(spec.domain).range(colors);
  const classes = colors.map((color) => {
    const [from, to] = scale.invertExtent(color);
    return { color, from, to };
  });
  return { scale, classes };
}

/**
 * A domain from the values, as Observable Plot would take it: the extent for an amount (from 0 when
 * `fromZero`), symmetric about `mid` for a diverging measure so equal distances read as equal colours.
 */
export function mapDomain(values: ReadonlyArray<number | null>, kind: 'sequential' | 'diverging', options: { mid?: number; fromZero?: boolean; fixed?: [number, number] } = {}): [number, number] {
  if (options.fixed) return options.fixed;
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (kind === 'diverging') {
    const mid = options.mid ?? 0;
    const reach = Math.max(...present.map((v) => Math.abs(v - mid)), Number.EPSILON);
    return [mid - reach, mid + reach];
  }
  const [lo, hi] = extent(present) as [number | undefined, number | undefined];
  if (lo === undefined || hi === undefined) return [0, 1];
  const from = options.fromZero ? Math.min(0, lo) : lo;
  return from === hi ? [from - 0.5, hi + 0.5] : [from, hi];
}

/** WCAG relative luminance of a `#rrggbb` colour, 0 (black) … 1 (white). */
function luminance(color: string): number {
  const channel = (i: number) => {
    const c = parseInt(color.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** Black or white text, whichever reads on the fill. */
export function textOn(fill: string): string {
  return luminance(fill) > 0.3 ? '#111' : '#fff';
}

/** A grey outline for a swatch nearly as light as the page (the palettes' palest class), else none. */
export function swatchOutline(fill: string): string {
  return luminance(fill) > 0.85 ? '#ccc' : 'none';
}

/** Square tiles on the grid the tiles name, as large as the width allows (at most `maxSize`). */
export function tileGrid(tiles: readonly Pick<MapTile, 'x' | 'y'>[], width: number, maxSize = 92, gap = 4) {
  const columns = Math.max(1, ...tiles.map((t) => t.x + 1));
  const rows = Math.max(1, ...tiles.map((t) => t.y + 1));
  const size = Math.max(40, Math.min(maxSize, Math.floor((width - gap * (columns - 1)) / columns)));
  return {
    size,
    columns,
    rows,
    width: columns * size + (columns - 1) * gap,
    height: rows * size + (rows - 1) * gap,
    left: (t: Pick<MapTile, 'x'>) => t.x * (size + gap),
    top: (t: Pick<MapTile, 'y'>) => t.y * (size + gap),
  };
}
