import type { Query } from './query.ts';

export interface SchemaColumnRow {
  table: string;
  column: string;
  type: string;
}

/** Tables and columns an analyst can query in the SQL console (the app's working tables left out). */
export function schemaQuery(): Query<SchemaColumnRow> {
  return {
    name: 'schema',
    sql: `SELECT table_name AS "table", column_name AS "column", data_type AS type
      FROM information_schema.columns
      WHERE table_schema = 'main' AND table_name NOT LIKE 'staging_%'
      ORDER BY table_name, ordinal_position`,
    params: [],
  };
}

/** Example questions for the console, in Japanese and English, answered by plain SQL. */
export const EXAMPLE_QUERIES: Array<{ ja: string; en: string; sql: string }> = [
  {
    ja: '区ごとの評価件数と A の割合（実データのみ）',
    en: 'Ratings and share of A per ward (real data only)',
    sql: `SELECT ward, count(*) AS n, round(avg((rating = 'A')::INTEGER), 3) AS a_share
FROM ratings
WHERE provenance = 'real'
GROUP BY ward
ORDER BY n DESC;`,
  },
  {
    ja: '区と拠点の評価が 2 段階以上違う設問',
    en: 'Questions where ward office and center differ by two levels or more',
    sql: `WITH pairs AS (
  SELECT ward, fiscal_year, stage, question_no,
    max(score) FILTER (WHERE rater = 'ward') AS ward_score,
    max(score) FILTER (WHERE rater = 'center') AS center_score
  FROM ratings
  GROUP BY ward, fiscal_year, stage, question_no)
SELECT * FROM pairs
WHERE abs(ward_score - center_score) >= 2
ORDER BY fiscal_year DESC, ward;`,
  },
  {
    ja: '父親支援を「取組の課題」に挙げた区と年度',
    en: 'Wards and years naming father support as a challenge',
    sql: `SELECT DISTINCT ward, fiscal_year
FROM narrative_tags
WHERE theme_id = 'father' AND section = 'challenge'
ORDER BY fiscal_year, ward;`,
  },
  {
    ja: '不採用の理由別件数（すべてのセル）',
    en: 'Rejected cells by reason (all of them)',
    sql: `SELECT reason_code, sum(count)::INTEGER AS n
FROM rejected_summary
GROUP BY reason_code
ORDER BY n DESC;`,
  },
];
