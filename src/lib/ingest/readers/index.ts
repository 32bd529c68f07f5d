import type { CsvKind } from '../headers.ts';
import { centersHandler } from './centers.ts';
import type { ReadContext, RowHandler } from './context.ts';
import { narrativesHandler } from './narratives.ts';
import { ratingsHandler } from './ratings.ts';
import { wardsHandler } from './wards.ts';

export { readPublishedReport } from './published-report.ts';
export { ratingsHandler } from './ratings.ts';
export type { ReadContext, RowHandler } from './context.ts';

/** The reader of one CSV kind's rows, as its header says. */
export function rowHandler(kind: CsvKind, context: ReadContext): RowHandler {
  switch (kind) {
    case 'ratings_long':
    case 'ratings_wide':
      return ratingsHandler(context.registry, (r) => context.ledger.addRating(r, context.builder), kind === 'ratings_wide');
    case 'narratives':
      return narrativesHandler(context);
    case 'centers':
      return centersHandler(context);
    case 'wards':
      return wardsHandler(context);
  }
}
