import { format } from 'd3-format';
import { scoreLetter } from '../ingest/fields.ts';

/** How figures read on screen, the same in every view. Scores are 1–4 (D … A). */
export const twoPlaces = format('.2f');
export const signedTwoPlaces = format('+.2f');
export const percentWhole = format('.0%');
export const percentOneplace = format('.1%');
/** `6,048`: a count, thousands grouped as a clerk reads them. */
export const groupedCount = format(',');

/** `3.25 (B)`: a mean score with its nearest letter. */
export const scoreWithLetter = (score: number) => `${twoPlaces(score)} (${scoreLetter(score)})`;

/** `↑ +0.50`, `↓ -1.00`, `→ +0.00`: a change, its direction readable without colour. */
export const changeText = (change: number) => `${change > 0 ? '↑' : change < 0 ? '↓' : '→'} ${signedTwoPlaces(change)}`;

/** `+1`, `-2`, `0`: a difference in rating steps. */
export const signedSteps = (steps: number) => (steps > 0 ? `+${steps}` : String(steps));
