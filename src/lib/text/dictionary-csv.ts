import Papa from 'papaparse';
import { toCsv } from '../export/csv.ts';
import type { Theme } from './themes.ts';

/** One row per keyword: `theme_id, theme_ja, theme_en, keyword` (UTF-8 with BOM, for Excel). */
export function dictionaryToCsv(themes: readonly Theme[]): string {
  const rows = themes.flatMap((t) => (t.keywords.length > 0 ? t.keywords : ['']).map((k) => [t.id, t.ja, t.en, k]));
  return toCsv(['theme_id', 'theme_ja', 'theme_en', 'keyword'], rows, { bom: true, neutraliseFormulas: true });
}

export type DictionaryResult = { ok: true; themes: Theme[] } | { ok: false; line: number; reason: string };

/** Reads a dictionary CSV written by `dictionaryToCsv` (or by hand in Excel). */
export function dictionaryFromCsv(text: string): DictionaryResult {
  const parsed = Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { skipEmptyLines: 'greedy' });
  const [header, ...rows] = parsed.data;
  const columns = (header ?? []).map((h) => h.trim().toLowerCase());
  const at = (name: string) => columns.indexOf(name);
  if (at('theme_id') === -1 || at('theme_ja') === -1 || at('keyword') === -1) {
    return { ok: false, line: 1, reason: 'theme_id, theme_ja, theme_en, keyword' };
  }
  const themes = new Map<string, Theme>();
  for (const [index, row] of rows.entries()) {
    const id = (row[at('theme_id')] ?? '').trim();
    const ja = (row[at('theme_ja')] ?? '').trim();
    if (!/^[\w-]+$/.test(id) || ja === '') return { ok: false, line: index + 2, reason: row.join(',') };
    const theme = themes.get(id) ?? { id, ja, en: (row[at('theme_en')] ?? '').trim() || ja, keywords: [] };
    const keyword = (row[at('keyword')] ?? '').trim().replace(/^'(?=[=+\-@])/, '');
    if (keyword !== '' && !theme.keywords.includes(keyword)) theme.keywords.push(keyword);
    themes.set(id, theme);
  }
  return { ok: true, themes: [...themes.values()] };
}
