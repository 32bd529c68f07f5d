import { mapDomain, type MapScaleSpec, type MapTile } from '../../lib/charts/tile-map.ts';
import type { MapMeasure, WardMapRow } from '../../lib/db/queries/index.ts';
import type { WardName } from '../../lib/i18n/labels.ts';
import type { Lang } from '../../lib/i18n/messages.ts';
import { percentOneplace, signedTwoPlaces, twoPlaces } from '../../lib/i18n/numbers.ts';
import { provenanceMark } from '../../lib/i18n/provenance.ts';
import { t, type UiKey } from '../../lib/i18n/ui.ts';

interface MeasureStyle {
  label: UiKey;
  format: (lang: Lang) => (value: number) => string;
  /** The colour classes, from the values shown. */
  scale: (values: ReadonlyArray<number | null>) => MapScaleSpec;
  /** For the summary: rank 1 is the best, not the highest number. */
  lowIsBest?: boolean;
}

/**
 * How each map measure reads: its words and unit, its number format, and its colours: an amount in
 * Blues from its extent, a score or a change in RdBu either side of its midpoint (the B/C line 2.5,
 * or no change), symmetric so equal distances read as equal colours.
 */
export const MEASURE_STYLES: Record<MapMeasure, MeasureStyle> = {
  abShare: { label: 'mapAbShare', format: () => percentOneplace, scale: (v) => ({ kind: 'sequential', domain: mapDomain(v, 'sequential') }) },
  meanScore: { label: 'meanScoreScale', format: () => twoPlaces, scale: (v) => ({ kind: 'diverging', domain: mapDomain(v, 'diverging', { mid: 2.5 }) }) },
  rank: {
    label: 'mapRank',
    format: (lang) => (v) => (lang === 'ja' ? `${Math.round(v)}位` : `#${Math.round(v)}`),
    scale: (v) => ({ kind: 'sequential', domain: mapDomain(v, 'sequential'), reverse: true }),
    lowIsBest: true,
  },
  change: { label: 'mapChange', format: () => signedTwoPlaces, scale: (v) => ({ kind: 'diverging', domain: mapDomain(v, 'diverging', { mid: 0 }) }) },
  kappa: { label: 'mapKappa', format: () => twoPlaces, scale: (v) => ({ kind: 'sequential', domain: mapDomain(v, 'sequential') }) },
  themeItems: {
    label: 'mapThemeItems',
    format: (lang) => (v) => (lang === 'ja' ? `${Math.round(v)}件` : String(Math.round(v))),
    scale: (v) => ({ kind: 'sequential', domain: mapDomain(v, 'sequential', { fromZero: true }) }),
  },
};

/**
 * The map's tiles from its query rows: wards the registry places on the grid, each titled with its
 * name and value (the accessible name begins with what the tile shows); `detail` adds what a view
 * says beyond the value (the count it rests on, a test's verdict).
 */
export function toMapTiles(
  rows: readonly WardMapRow[],
  lang: Lang,
  wardName: WardName,
  format: (value: number) => string,
  detail: (row: WardMapRow) => string = () => '',
): MapTile[] {
  return rows
    .filter((r): r is WardMapRow & { tileX: number; tileY: number } => r.tileX !== null && r.tileY !== null)
    .map((r) => ({
      key: r.ward,
      label: wardName(r.ward),
      x: r.tileX,
      y: r.tileY,
      value: r.value,
      mark: provenanceMark(r),
      title: `${wardName(r.ward)} ${r.value === null ? `– (${t(lang, 'noDataShort')})` : `${format(r.value)}${provenanceMark(r)}${detail(r)}`}`,
    }));
}
