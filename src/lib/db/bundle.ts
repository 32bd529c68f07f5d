import { inTransaction, type Database } from './database.ts';
import { SCHEMA } from './schema.ts';
import { RATING_GROUPS, regroupRatings } from './rating-groups.ts';
import { ALL_TABLES } from './tables.ts';

/**
 * The bundled data as the browser receives it: every table the app's own ingest made from
 * `data/*.csv` at build time (text index included), one Arrow IPC stream per table behind a small
 * header, so the page inserts them as they are instead of reading, validating and indexing the CSVs
 * again. Layout: 4 bytes (little-endian) of header length, the header (JSON: table names and byte
 * lengths, in order), then the streams.
 */
/**
 * The order the bundled files are read in, at build time and by the page's worker (so both give them
 * the same file ids): by name, code unit by code unit, the same in Node and every browser.
 */
export function inBundledOrder<F extends { name: string }>(files: readonly F[]): F[] {
  return [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export interface BundleHeader {
  tables: Array<{ name: string; bytes: number }>;
}

/**
 * Every table of the schema and `rating_groups`, counted afresh (one row per group): counting them in
 * the page was its first aggregate in a cold DuckDB (~90 ms of the start-up, as long as all the
 * appends together).
 */
const BUNDLED_TABLES = [...ALL_TABLES.map((t) => t.name), RATING_GROUPS];

export async function exportBundle(db: Database): Promise<Uint8Array> {
  const parts: Array<{ name: string; ipc: Uint8Array }> = [];
  await regroupRatings(db);
  for (const name of BUNDLED_TABLES) {
    const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${name}`);
    if (n === 0) continue;
    // Ordered, so the same CSVs always give the same bytes.
    parts.push({ name, ipc: await db.exportArrow(`SELECT * FROM ${name} ORDER BY ALL`) });
  }
  const header = new TextEncoder().encode(JSON.stringify({ tables: parts.map((p) => ({ name: p.name, bytes: p.ipc.length })) } satisfies BundleHeader));
  const out = new Uint8Array(4 + header.length + parts.reduce((n, p) => n + p.ipc.length, 0));
  new DataView(out.buffer).setUint32(0, header.length, true);
  out.set(header, 4);
  let at = 4 + header.length;
  for (const { ipc } of parts) {
    out.set(ipc, at);
    at += ipc.length;
  }
  return out;
}

/** Creates the schema and fills it from a bundle, in one transaction. */
export async function loadBundle(db: Database, bundle: Uint8Array): Promise<void> {
  const length = new DataView(bundle.buffer, bundle.byteOffset, bundle.byteLength).getUint32(0, true);
  const header = JSON.parse(new TextDecoder().decode(bundle.subarray(4, 4 + length))) as BundleHeader;
  const known = new Set(BUNDLED_TABLES);
  await db.exec(SCHEMA);
  await inTransaction(db, async () => {
    let at = 4 + length;
    for (const { name, bytes } of header.tables) {
      // The names come from our own build, but only a table of the schema is ever written.
      if (!known.has(name)) throw new Error(`bundled data: unknown table ${name}`);
      // A copy: the browser build transfers the stream's whole buffer to DuckDB's worker.
      const ipc = bundle.slice(at, at + bytes);
      at += bytes;
      // Straight into the table: the streams were written from these very tables.
      await db.appendArrow(name, ipc);
    }
  });
}
