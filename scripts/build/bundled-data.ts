import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportBundle, inBundledOrder } from '../../src/lib/db/bundle.ts';
import type { ViewSnapshot } from '../../src/lib/db/first-view.ts';
import type { SourceFile } from '../../src/lib/db/ingest-protocol.ts';
import { loadIntoNodeDatabase } from '../../src/lib/db/node-load.ts';
import type { View } from '../../src/lib/state/filters.svelte.ts';
import { recordViews } from './record-views.ts';

/** `data/*.csv` in the order the app reads them (the page's worker learns their keys in the same order). */
export function bundledFiles(dir: string): SourceFile[] {
  const names = readdirSync(dir).filter((name) => name.endsWith('.csv'));
  return inBundledOrder(names.map((name) => ({ name }))).map(({ name }) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) }));
}

/**
 * What the build ships of the bundled data: the tables as the app's own ingest made them (the
 * browser inserts them as they are) and, per view, what its default state asks and the answers.
 */
export async function prepareBundledData(files: SourceFile[]): Promise<{ bundle: Uint8Array; snapshots: Record<View, ViewSnapshot> }> {
  const { db } = await loadIntoNodeDatabase(files, 'bundled');
  try {
    const bundle = await exportBundle(db);
    return { bundle, snapshots: await recordViews(db) };
  } finally {
    await db.close();
  }
}
