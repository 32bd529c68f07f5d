import { foldLookAlikes } from '../ingest/normalize.ts';
import type { Theme } from './themes.ts';

export interface Span {
  start: number;
  end: number;
  keyword: string;
  themeId: string;
}

/**
 * The text's NFKC + lower-case copy (radicals a PDF's text map wrote for ideographs read as those, so
 * 市⺠ copied from one matches 市民), with, for each of its characters, the index of the original
 * character it came from: matches are found in the copy and reported in the original's coordinates
 * (NFKC can change lengths: ① becomes 1, ㈱ becomes (株)).
 */
export function normalizeWithMap(text: string): { normalized: string; origin: number[] } {
  let normalized = '';
  const origin: number[] = [];
  let index = 0;
  // A look-alike is one UTF-16 unit and its ideograph another: folded first, the indices stay the original's.
  for (const char of foldLookAlikes(text)) {
    const piece = char.normalize('NFKC').toLowerCase();
    for (let i = 0; i < piece.length; i++) origin.push(index);
    normalized += piece;
    index += char.length;
  }
  origin.push(index);
  return { normalized, origin };
}

/**
 * Every keyword occurrence of every theme, in original-text coordinates. Overlaps are kept (a
 * keyword of one theme may sit inside another's); spans are sorted by start.
 */
export function findThemeSpans(text: string, themes: readonly Theme[]): Span[] {
  const { normalized, origin } = normalizeWithMap(text);
  const spans: Span[] = [];
  for (const theme of themes) {
    for (const raw of theme.keywords) {
      const keyword = foldLookAlikes(raw.normalize('NFKC')).toLowerCase().trim();
      if (keyword === '') continue;
      for (let at = normalized.indexOf(keyword); at !== -1; at = normalized.indexOf(keyword, at + keyword.length)) {
        spans.push({ start: origin[at], end: origin[at + keyword.length - 1] + 1, keyword: raw, themeId: theme.id });
      }
    }
  }
  return spans.sort((a, b) => a.start - b.start || b.end - a.end);
}

export interface TextPiece {
  text: string;
  match: boolean;
}

/** Splits text into plain and highlighted pieces (overlapping spans merge), for rendering as text. */
export function toHighlightedPieces(text: string, spans: ReadonlyArray<{ start: number; end: number }>): TextPiece[] {
  const merged: Array<{ start: number; end: number }> = [];
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ start: span.start, end: span.end });
  }
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const span of merged) {
    if (span.start > at) pieces.push({ text: text.slice(at, span.start), match: false });
    pieces.push({ text: text.slice(span.start, span.end), match: true });
    at = span.end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), match: false });
  return pieces;
}

/** Where a word (of `narrative_words`, found in the NFKC copy) occurs in the original text, for highlighting its items. */
export function wordSpans(text: string, word: string): Span[] {
  return findThemeSpans(text, [{ id: 'word', ja: word, en: word, keywords: [word] }]);
}
