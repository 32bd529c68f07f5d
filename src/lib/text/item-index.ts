import { findThemeSpans } from './match.ts';
import { segmentWords } from './segment.ts';
import type { Theme } from './themes.ts';

/** A narrative item as the text index sees it. */
export interface IndexedItem {
  ward: string;
  fiscalYear: number;
  section: string;
  itemNo: number;
  text: string;
}

type ItemKey = Omit<IndexedItem, 'text'>;
export type ThemeTag = ItemKey & { themeId: string; keyword: string; start: number; end: number };
export type ItemWord = ItemKey & { word: string };

const keyOf = ({ ward, fiscalYear, section, itemNo }: IndexedItem): ItemKey => ({ ward, fiscalYear, section, itemNo });

/** Every keyword occurrence of every theme in the items (item × theme × span). */
export function tagItems(items: readonly IndexedItem[], themes: readonly Theme[]): ThemeTag[] {
  const tags: ThemeTag[] = [];
  for (const item of items) {
    const key = keyOf(item);
    for (const span of findThemeSpans(item.text, themes)) tags.push({ ...key, ...span });
  }
  return tags;
}

/** The items' words (compounds kept whole), for word frequency. */
export function segmentItems(items: readonly IndexedItem[]): ItemWord[] {
  const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });
  const words: ItemWord[] = [];
  for (const item of items) {
    const key = keyOf(item);
    for (const word of segmentWords(item.text, segmenter)) words.push({ ...key, word });
  }
  return words;
}
