import { RATING_GROUPS_DDL } from './rating-groups.ts';
import { schemaSql } from './tables.ts';

/**
 * Tables the app holds, from their one declaration (`tables.ts`). `provenance` is `real` or `sample`
 * on every record, so synthetic numbers are never shown as a ward's results without saying so.
 * Ratings keep the ward's canonical name (the registry in force when the row was read) and where each
 * value came from: the file and line. `rating_groups` is counted from `ratings` (rating-groups.ts).
 */
export const SCHEMA = `${schemaSql()}\n${RATING_GROUPS_DDL}`;
