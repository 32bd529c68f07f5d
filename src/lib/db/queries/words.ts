import type { Section } from '../../ingest/fields.ts';
import { narrativeFiltersWhere, type RatingFilters } from '../sql.ts';
import { SECTION_ORDER, type Query } from './query.ts';
import type { KwicRow } from './themes.ts';

/** Each item's distinct words within the filters (a CTE named `item_words`), as KH Coder counts: per item, not per occurrence. */
function itemWordsCte(filters: RatingFilters, sections: readonly Section[] | null) {
  const where = narrativeFiltersWhere(filters, sections);
  return {
    sql: `item_words AS (
        SELECT DISTINCT w.ward, w.fiscal_year, w.section, w.item_no, w.word
        FROM narrative_words w JOIN narratives n
          ON w.ward = n.ward AND w.fiscal_year = n.fiscal_year AND w.section = n.section AND w.item_no = n.item_no
        WHERE ${where.sql}),
      top_words AS (
        SELECT word, count(*) AS items FROM item_words GROUP BY word ORDER BY items DESC, word LIMIT ?)`,
    params: (topWords: number) => [...where.params, topWords],
  };
}

export interface CooccurrenceRow {
  source: string;
  target: string;
  /** Items naming both words. */
  co: number;
  /** Items naming each word (its document frequency). */
  sourceItems: number;
  targetItems: number;
  /** co / (sourceItems + targetItems − co). */
  jaccard: number;
}

/**
 * KH Coder's co-occurrence network: among the `topWords` most frequent words (items naming them),
 * the `topEdges` pairs with the highest Jaccard coefficient of co-occurrence within an item.
 */
export function cooccurrenceQuery(filters: RatingFilters, sections: readonly Section[] | null, topWords: number, topEdges: number): Query<CooccurrenceRow> {
  const cte = itemWordsCte(filters, sections);
  return {
    name: 'cooccurrence',
    sql: `WITH ${cte.sql},
      pairs AS (
        SELECT a.word AS source, b.word AS target, count(*) AS co
        FROM item_words a JOIN item_words b
          ON a.ward = b.ward AND a.fiscal_year = b.fiscal_year AND a.section = b.section AND a.item_no = b.item_no AND a.word < b.word
        WHERE a.word IN (SELECT word FROM top_words) AND b.word IN (SELECT word FROM top_words)
        GROUP BY a.word, b.word)
      SELECT p.source, p.target, p.co::INTEGER AS co, s.items::INTEGER AS "sourceItems", t.items::INTEGER AS "targetItems",
        (p.co / (s.items + t.items - p.co))::DOUBLE AS jaccard
      FROM pairs p JOIN top_words s ON s.word = p.source JOIN top_words t ON t.word = p.target
      ORDER BY jaccard DESC, co DESC, p.source, p.target
      LIMIT ?`,
    params: [...cte.params(topWords), topEdges],
  };
}

export interface WordWardRow {
  word: string;
  ward: string;
  /** Items of the ward naming the word. */
  items: number;
}

/** The `topWords` most frequent words × wards: items naming each word in each ward (zeros absent), for the correspondence analysis. */
export function wordWardTableQuery(filters: RatingFilters, sections: readonly Section[] | null, topWords: number): Query<WordWardRow> {
  const cte = itemWordsCte(filters, sections);
  return {
    name: 'wordWardTable',
    sql: `WITH ${cte.sql}
      SELECT i.word, i.ward, count(*)::INTEGER AS items
      FROM item_words i JOIN top_words t ON t.word = i.word LEFT JOIN wards w ON w.name = i.ward
      GROUP BY i.word, i.ward, w.sort_order
      ORDER BY i.word, coalesce(w.sort_order, 10000), i.ward`,
    params: cte.params(topWords),
  };
}

/** An item naming the word: the KWIC row of a theme, without the theme's spans (the view finds the word). */
export type WordItemRow = Omit<KwicRow, 'spans'>;

/** The items naming a word (KWIC of a network's node), newest first. */
export function wordItemsQuery(filters: RatingFilters, sections: readonly Section[] | null, word: string, limit: number): Query<WordItemRow> {
  const where = narrativeFiltersWhere(filters, sections);
  return {
    name: 'wordItems',
    sql: `SELECT n.ward, n.fiscal_year::INTEGER AS "fiscalYear", n.section, n.item_no AS "itemNo", n.text, n.provenance
      FROM narratives n LEFT JOIN wards wd ON wd.name = n.ward
      WHERE ${where.sql} AND EXISTS (
        SELECT 1 FROM narrative_words w
        WHERE w.ward = n.ward AND w.fiscal_year = n.fiscal_year AND w.section = n.section AND w.item_no = n.item_no AND w.word = ?)
      ORDER BY n.fiscal_year DESC, coalesce(wd.sort_order, 10000), ${SECTION_ORDER('n.section')}, n.item_no
      LIMIT ?`,
    params: [...where.params, word, limit],
  };
}
