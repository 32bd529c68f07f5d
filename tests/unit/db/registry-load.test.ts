import { describe, expect, it } from 'vitest';
import { createNodeDatabase } from '../../../src/lib/db/duckdb-node.ts';
import { createSchema, replaceWards } from '../../../src/lib/db/load.ts';
import type { Ward } from '../../../src/lib/ingest/registry.ts';
import { DEFAULT_THEMES } from '../../../src/lib/text/themes.ts';

describe('a registry of many units', () => {
  it('is written whole, in order, across the statements it is split into (1,201 units: three of 500)', async () => {
    const wards: Ward[] = Array.from({ length: 1201 }, (_, i) => ({
      code: String(10000 + i),
      name: `架空市${i}区`,
      nameEn: `Kaku ${i}`,
      city: i % 2 === 0 ? '架空県' : '別架空県',
      tileX: i % 3 === 0 ? null : i,
      tileY: null,
    }));
    const db = await createNodeDatabase();
    await createSchema(db, wards, DEFAULT_THEMES);
    const [summary] = await db.query<{ n: number; first: number; last: number; nullTiles: number }>(
      'SELECT count(*)::INTEGER AS n, min(sort_order) AS first, max(sort_order) AS last, count(*) FILTER (WHERE tile_x IS NULL)::INTEGER AS nullTiles FROM wards',
    );
    expect(summary).toEqual({ n: 1201, first: 1, last: 1201, nullTiles: 401 });
    // The 501st unit opens the second statement; its values sit in their own columns.
    expect(await db.query('SELECT code, name, name_en AS nameEn, city, tile_x AS tileX, sort_order AS sortOrder FROM wards WHERE sort_order IN (500, 501) ORDER BY sort_order')).toEqual([
      { code: '10499', name: '架空市499区', nameEn: 'Kaku 499', city: '別架空県', tileX: 499, sortOrder: 500 },
      { code: '10500', name: '架空市500区', nameEn: 'Kaku 500', city: '架空県', tileX: 500, sortOrder: 501 },
    ]);
    // Replacing the registry leaves only the new one.
    await replaceWards(db, wards.slice(0, 3));
    expect((await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM wards'))[0].n).toBe(3);
    expect((await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM themes'))[0].n).toBe(DEFAULT_THEMES.length);
    await db.close();
  });
});
