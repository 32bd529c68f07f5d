/**
 * ColorBrewer RdBu (4 classes), colour-blind safe: blues for the good end (A, B), reds for the
 * weak end (C, D), so the two sides of the zero line read apart without relying on hue alone.
 */
export const RATING_COLORS = { A: '#0571b0', B: '#92c5de', C: '#f4a582', D: '#ca0020' } as const;
export const UNRATED_COLOR = '#bdbdbd';
