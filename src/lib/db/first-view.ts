import type { SourceFile } from './ingest-protocol.ts';
import { loadIntoNodeDatabase } from './node-load.ts';
import {
  provenanceSummaryQuery,
  ratingDistributionByWardQuery,
  ratingFilterOptionsQuery,
  runQuery,
  type FilterOptionsRow,
  type ProvenanceRow,
  type WardDistributionRow,
} from './queries/index.ts';
import { NO_FILTERS } from './sql.ts';

/** The first view's query results over the bundled data, computed at build time by the same SQL. */
export interface FirstViewSnapshot {
  distribution: WardDistributionRow[];
  filterOptions: FilterOptionsRow[];
  provenance: ProvenanceRow[];
}

/**
 * DuckDB-WASM needs ~0.8 s to start in the browser; the first chart need not wait for it. The build
 * runs the first view's named queries on the bundled files in Node's DuckDB, and the page draws
 * those results until its own database answers.
 */
export async function computeFirstViewSnapshot(files: SourceFile[]): Promise<FirstViewSnapshot> {
  const { db } = await loadIntoNodeDatabase(files, 'bundled');
  try {
    return {
      distribution: await runQuery(db, ratingDistributionByWardQuery(NO_FILTERS)),
      filterOptions: await runQuery(db, ratingFilterOptionsQuery()),
      provenance: await runQuery(db, provenanceSummaryQuery()),
    };
  } finally {
    await db.close();
  }
}
