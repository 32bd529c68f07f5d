/**
 * Tables the app holds. `provenance` is `real` or `sample` on every record, so synthetic numbers are
 * never shown as a ward's results without saying so. Ratings keep the ward's canonical name (the registry in force when the row was
 * read) and their provenance: the file and line each value came from.
 */
export const SCHEMA = `
CREATE TABLE IF NOT EXISTS wards (
  code VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, name_en VARCHAR, city VARCHAR,
  tile_x INTEGER, tile_y INTEGER, sort_order INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS files (
  file_id INTEGER PRIMARY KEY, file VARCHAR NOT NULL, kind VARCHAR NOT NULL, encoding VARCHAR,
  origin VARCHAR NOT NULL, rows_read INTEGER NOT NULL, rows_loaded INTEGER NOT NULL,
  rows_duplicate INTEGER NOT NULL, rows_rejected INTEGER NOT NULL, not_rated INTEGER NOT NULL, sample_replaced INTEGER NOT NULL,
  ratings INTEGER NOT NULL, narratives INTEGER NOT NULL, centers INTEGER NOT NULL, wards INTEGER NOT NULL,
  file_error VARCHAR, file_error_params VARCHAR, missing_parts VARCHAR[], ignored_columns VARCHAR[],
  delimiter VARCHAR, ignored_columns_total INTEGER NOT NULL, skipped_lines VARCHAR NOT NULL, error_count INTEGER NOT NULL,
  report_ward VARCHAR, report_year SMALLINT
);
-- A published report's lines as read: data (center, item, rating), framing (title, heading, context),
-- the page around it (outside), or rejected; for the report check.
CREATE TABLE IF NOT EXISTS report_lines (
  file_id INTEGER NOT NULL, seq INTEGER NOT NULL, line INTEGER NOT NULL, role VARCHAR NOT NULL, section VARCHAR, text VARCHAR NOT NULL
);
-- What a report said (items, ratings, its centers row) before duplicates merged with earlier files.
CREATE TABLE IF NOT EXISTS report_values (
  file_id INTEGER NOT NULL, kind VARCHAR NOT NULL, section VARCHAR NOT NULL, no INTEGER, rater VARCHAR, value VARCHAR,
  detail VARCHAR, line INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS ratings (
  ward VARCHAR NOT NULL, fiscal_year SMALLINT NOT NULL, stage VARCHAR NOT NULL, question_no TINYINT NOT NULL,
  question VARCHAR, rater VARCHAR NOT NULL, rating VARCHAR, score TINYINT, provenance VARCHAR NOT NULL,
  file_id INTEGER NOT NULL, line INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS narratives (
  ward VARCHAR NOT NULL, fiscal_year SMALLINT NOT NULL, section VARCHAR NOT NULL, item_no INTEGER NOT NULL,
  text VARCHAR NOT NULL, provenance VARCHAR NOT NULL, file_id INTEGER NOT NULL, line INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS centers (
  ward VARCHAR NOT NULL, fiscal_year SMALLINT NOT NULL, center_name VARCHAR, operator VARCHAR,
  contract_year INTEGER, contract_length INTEGER, period_start DATE, period_end DATE, provenance VARCHAR NOT NULL,
  file_id INTEGER NOT NULL, line INTEGER NOT NULL, purpose VARCHAR
);
CREATE TABLE IF NOT EXISTS themes (
  theme_id VARCHAR PRIMARY KEY, ja VARCHAR NOT NULL, en VARCHAR NOT NULL, sort_order INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS narrative_tags (
  ward VARCHAR NOT NULL, fiscal_year SMALLINT NOT NULL, section VARCHAR NOT NULL, item_no INTEGER NOT NULL,
  theme_id VARCHAR NOT NULL, keyword VARCHAR NOT NULL, span_start INTEGER NOT NULL, span_end INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS narrative_words (
  ward VARCHAR NOT NULL, fiscal_year SMALLINT NOT NULL, section VARCHAR NOT NULL, item_no INTEGER NOT NULL,
  word VARCHAR NOT NULL
);
-- At most 10,000 rejected cells per file are listed here; rejected_summary counts every one by reason and column.
CREATE TABLE IF NOT EXISTS rejected_rows (
  file_id INTEGER NOT NULL, line INTEGER NOT NULL, column_name VARCHAR, value VARCHAR,
  reason_code VARCHAR NOT NULL, reason_params VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS rejected_summary (
  file_id INTEGER NOT NULL, reason_code VARCHAR NOT NULL, column_name VARCHAR, count INTEGER NOT NULL,
  first_line INTEGER NOT NULL, reason_params VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS conflicts (
  ward VARCHAR NOT NULL, fiscal_year SMALLINT NOT NULL, stage VARCHAR NOT NULL, question_no TINYINT NOT NULL,
  rater VARCHAR NOT NULL, seq INTEGER NOT NULL, file VARCHAR NOT NULL, line INTEGER NOT NULL, rating VARCHAR,
  dismissed BOOLEAN NOT NULL DEFAULT false
);
CREATE TABLE IF NOT EXISTS text_conflicts (
  kind VARCHAR NOT NULL, ward VARCHAR NOT NULL, fiscal_year SMALLINT NOT NULL, item_key VARCHAR NOT NULL,
  seq INTEGER NOT NULL, file VARCHAR NOT NULL, line INTEGER NOT NULL, text VARCHAR,
  dismissed BOOLEAN NOT NULL DEFAULT false
);
`;
