import { format } from 'd3-format';
import { scoreLetter } from '../ingest/fields.ts';

/** How figures read on screen, the same in every view. Scores are 1–4 (D … A). */
export const twoPlaces = format('.2f');
/** Coefficients and coordinates (Jaccard, correspondence analysis): `−0.100`, with the same minus sign as the other figures. */
export const threePlaces = format('.3f');
const plusTwoPlaces = format('+.2f');
export const percentWhole = format('.0%');
export const percentOneplace = format('.1%');
/** `6,048`: a count, thousands grouped as a clerk reads them. */
export const groupedCount = format(',');

/** A file's size as a clerk reads it: `850 B`, `12 kB`, `3.4 MB` (powers of 1,000, as the browsers' downloads say). */
export function fileSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const [value, unit] = bytes < 999_500 ? [bytes / 1e3, 'kB'] : [bytes / 1e6, 'MB'];
  return `${value < 10 ? format('.1f')(value) : groupedCount(Math.round(value))} ${unit}`;
}

/** `3.25 (B)`: a mean score with its nearest letter. */
export const scoreWithLetter = (score: number) => `${twoPlaces(score)} (${scoreLetter(score)})`;

/**
 * `+0.50`, `−1.00`, `±0.00`: a signed difference. One that rounds to zero is neither up nor down
 * (d3 alone writes `−0.00` for -0.004).
 */
export const signedTwoPlaces = (value: number) => {
  const text = plusTwoPlaces(value);
  return Number(text.slice(1)) === 0 ? `±${text.slice(1)}` : text;
};

/** `↑ +0.50`, `↓ −1.00`, `→ ±0.00`: a change, its direction readable without colour and the same as its rounded figure's. */
export const changeText = (change: number) => {
  const text = signedTwoPlaces(change);
  return `${text.startsWith('+') ? '↑' : text.startsWith('±') ? '→' : '↓'} ${text}`;
};

/** `+1`, `−2`, `0`: a difference in rating steps, with the same minus sign as the other figures. */
export const signedSteps = (steps: number) => (steps > 0 ? `+${steps}` : steps < 0 ? `−${-steps}` : '0');
