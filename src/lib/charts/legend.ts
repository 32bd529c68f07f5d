import { RATING_COLORS, UNRATED_COLOR } from './palette.ts';

/** How a legend entry draws its mark: a filled box or dot, a solid or dashed line, a band, an outline, a hollow diamond. */
export type Swatch = 'box' | 'dot' | 'line' | 'dashed' | 'band' | 'outline' | 'diamond';

export interface LegendItem {
  label: string;
  swatch: Swatch;
  color: string;
}

/** The A–D entries every rating chart shares, D first as the bars run, each with its words (`A よくできた`). */
export function ratingLegend(levelLabels: Record<'A' | 'B' | 'C' | 'D', string>, unratedLabel?: string): LegendItem[] {
  return [
    ...(['D', 'C', 'B', 'A'] as const).map((level): LegendItem => ({ label: `${level} ${levelLabels[level]}`, swatch: 'box', color: RATING_COLORS[level] })),
    ...(unratedLabel ? [{ label: unratedLabel, swatch: 'box' as const, color: UNRATED_COLOR }] : []),
  ];
}
