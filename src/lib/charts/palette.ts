import { scaleLinear } from 'd3-scale';

/**
 * ColorBrewer RdBu (4 classes), colour-blind safe: blues for the good end (A, B), reds for the
 * weak end (C, D), so the two sides of the zero line read apart without relying on hue alone.
 */
export const RATING_COLORS = { A: '#0571b0', B: '#92c5de', C: '#f4a582', D: '#ca0020' } as const;
export const UNRATED_COLOR = '#bdbdbd';

/**
 * Scores 1 (D) … 4 (A) on the same colours as the bars, so a heatmap cell reads like a bar segment;
 * 2.5, the line between B and C, is the pale midpoint (interpolating orange to blue directly gives grey).
 */
export const scoreColor = scaleLinear<string>()
  .domain([1, 2, 2.5, 3, 4])
  .range([RATING_COLORS.D, RATING_COLORS.C, '#f7f7f7', RATING_COLORS.B, RATING_COLORS.A])
  .clamp(true);

/** Text on a score cell: white on the dark ends, black on the light middle. */
export const scoreTextColor = (score: number) => (score >= 3.5 || score < 1.5 ? '#fff' : '#111');

/** Okabe–Ito orange and blue for 区 and 拠点 (distinct for all common colour-vision types); black for 相互. */
export const RATER_COLORS = { ward: '#d55e00', center: '#0072b2', joint: '#111111' } as const;

/** Trajectories: the ward's line, the city's interquartile band and its median. */
export const TRAJECTORY_COLORS = { line: '#0072b2', band: '#e3e3e3', median: '#777777' } as const;

/**
 * Communities of a co-occurrence network: Okabe–Ito hues (distinct for the common colour-vision
 * types) in an order that keeps neighbours apart; communities past the eighth share grey.
 */
export const COMMUNITY_COLORS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#000000'] as const;
export const communityColor = (community: number) => COMMUNITY_COLORS[community] ?? '#999999';
