import { Int16, Int32 } from 'apache-arrow';
import { findThemeSpans } from '../text/match.ts';
import { segmentWords } from '../text/segment.ts';
import type { Theme } from '../text/themes.ts';
import { build, int, utf8 } from './arrow.ts';
import type { Database } from './database.ts';

interface Item {
  ward: string;
  fiscalYear: number;
  section: string;
  itemNo: number;
  text: string;
}

/** The key columns every per-item table shares. */
function itemColumns(rows: readonly Item[]) {
  return {
    ward: utf8(rows.map((r) => r.ward)),
    fiscal_year: int(rows.map((r) => r.fiscalYear), new Int16()),
    section: utf8(rows.map((r) => r.section)),
    item_no: int(rows.map((r) => r.itemNo), new Int32()),
  };
}

const ITEMS_SQL = 'SELECT ward, fiscal_year::INTEGER AS "fiscalYear", section, item_no AS "itemNo", text FROM narratives';

async function replaceTable(db: Database, table: 'narrative_tags' | 'narrative_words', ipc: Uint8Array | null, columns: string): Promise<void> {
  await db.exec(`DELETE FROM ${table}`);
  if (!ipc) return;
  await db.insertArrow(`staging_${table}`, ipc);
  await db.exec(`INSERT INTO ${table} SELECT ${columns} FROM staging_${table}`);
  await db.exec(`DROP TABLE staging_${table}`);
}

/**
 * Tags every narrative item with the dictionary's themes (item × theme × matched span); rerun when
 * the items or the dictionary change. Matching is text work done here; every count is SQL.
 */
export async function rebuildThemeTags(db: Database, themes: readonly Theme[]): Promise<void> {
  await db.exec('DELETE FROM themes');
  for (const [index, theme] of themes.entries()) await db.query('INSERT INTO themes VALUES (?, ?, ?, ?)', [theme.id, theme.ja, theme.en, index + 1]);
  const items = await db.query<Item>(ITEMS_SQL);
  const rows: Array<Item & { themeId: string; keyword: string; start: number; end: number }> = [];
  for (const item of items) for (const span of findThemeSpans(item.text, themes)) rows.push({ ...item, ...span });
  const ipc =
    rows.length === 0
      ? null
      : build({
          ...itemColumns(rows),
          theme_id: utf8(rows.map((r) => r.themeId)),
          keyword: utf8(rows.map((r) => r.keyword)),
          span_start: int(rows.map((r) => r.start), new Int32()),
          span_end: int(rows.map((r) => r.end), new Int32()),
        });
  await replaceTable(db, 'narrative_tags', ipc, '*');
}

/** Segments every narrative item into words (compounds kept whole) for the frequency view. */
export async function rebuildWordIndex(db: Database): Promise<void> {
  const items = await db.query<Item>(ITEMS_SQL);
  const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });
  const rows: Array<Item & { word: string }> = [];
  for (const item of items) for (const word of segmentWords(item.text, segmenter)) rows.push({ ...item, word });
  const ipc =
    rows.length === 0
      ? null
      : build({
          ...itemColumns(rows),
          word: utf8(rows.map((r) => r.word)),
        });
  await replaceTable(db, 'narrative_words', ipc, '*');
}
