import { toCsv } from '../export/csv.ts';
import { CsvReader, isBlankRecord, normalizeLineEnds } from '../ingest/csv.ts';
import { decodeBytes, type DecodeResult } from '../ingest/decode.ts';
import { clipText } from '../ingest/limits.ts';
import type { Theme } from './themes.ts';

/** One row per keyword: `theme_id, theme_ja, theme_en, keyword` (UTF-8 with BOM, for Excel). */
export function dictionaryToCsv(themes: readonly Theme[]): string {
  const rows = themes.flatMap((t) => (t.keywords.length > 0 ? t.keywords : ['']).map((k) => [t.id, t.ja, t.en, k]));
  return toCsv(['theme_id', 'theme_ja', 'theme_en', 'keyword'], rows, { bom: true, neutraliseFormulas: true });
}

/** Why a dictionary file was not read: a line of it (or its header), or the whole file, which is no text (a PDF, a workbook…). */
export type DictionaryResult =
  | { ok: true; themes: Theme[] }
  | { ok: false; line: number; reason: string }
  | { ok: false; notText: Extract<DecodeResult, { ok: false }>['code'] };

/**
 * Reads a dictionary CSV written by `dictionaryToCsv` (or by hand in Excel, so in CP932 too) with the
 * ingest's own decoder and strict reader: a bad line is named by the line an editor shows.
 */
export function dictionaryFromCsv(bytes: Uint8Array): DictionaryResult {
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return { ok: false, notText: decoded.code };
  const reader = new CsvReader(normalizeLineEnds(decoded.decoded.text), ',');
  const records = [];
  for (let record = reader.next(); record; record = reader.next()) if (!isBlankRecord(record.fields)) records.push(record);
  const [header, ...rows] = records;
  const columns = (header?.fields ?? []).map((h) => h.replace(/^\ufeff/, '').trim().toLowerCase());
  const at = (name: string) => columns.indexOf(name);
  if (at('theme_id') === -1 || at('theme_ja') === -1 || at('keyword') === -1) {
    return { ok: false, line: header?.line ?? 1, reason: 'theme_id, theme_ja, theme_en, keyword' };
  }
  const themes = new Map<string, Theme>();
  for (const { line, fields: row, problem } of rows) {
    const id = (row[at('theme_id')] ?? '').trim();
    const ja = (row[at('theme_ja')] ?? '').trim();
    if (problem || !/^[\w-]+$/.test(id) || ja === '') return { ok: false, line, reason: clipText(row.join(',')) };
    const theme = themes.get(id) ?? { id, ja, en: (row[at('theme_en')] ?? '').trim() || ja, keywords: [] };
    const keyword = (row[at('keyword')] ?? '').trim().replace(/^'(?=[=+\-@])/, '');
    if (keyword !== '' && !theme.keywords.includes(keyword)) theme.keywords.push(keyword);
    themes.set(id, theme);
  }
  return { ok: true, themes: [...themes.values()] };
}
