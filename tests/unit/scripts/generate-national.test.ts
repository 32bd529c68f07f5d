import { describe, expect, it } from 'vitest';
import { generateNational, nationalUnits } from '../../../scripts/generate-national.ts';
import { IngestSession } from '../../../src/lib/ingest/session.ts';
import { checkDigit } from '../../../src/lib/ingest/registry.ts';
import { PREFECTURES } from '../../../src/lib/ingest/prefectures.ts';

/** The prefecture a municipality code belongs to: its first two digits, 01–47 in JIS order. */
const prefectureOf = (code: string) => PREFECTURES[Number(code.slice(0, 2)) - 1];

describe('the national synthetic dataset', () => {
  it('has every prefecture with its real number of municipalities: 1,741, codes unique and of the JIS X 0402 shape', () => {
    expect(PREFECTURES).toHaveLength(47);
    const units = nationalUnits();
    expect(units).toHaveLength(1741);
    expect(new Set(units.map((u) => u.code)).size).toBe(1741);
    expect(new Set(units.map((u) => u.name)).size).toBe(1741);
    for (const u of units) {
      expect(u.code).toMatch(/^(0[1-9]|[1-3]\d|4[0-7])[2-4]\d\d$/);
      expect(prefectureOf(u.code)?.name).toBe(u.city);
      expect(u.name).toContain('架空');
    }
    expect(prefectureOf('141003')?.name).toBe('神奈川県');
  });

  it('is deterministic, and every row of every file loads through the ingest, the registry first', async () => {
    const files = generateNational(0.03, [2024, 2025]);
    expect(generateNational(0.03, [2024, 2025])).toEqual(files);
    const names = Object.keys(files).sort();
    expect(names[0]).toBe('national_0_registry.csv');
    const registry = files['national_0_registry.csv'].split('\n')[1].split(',')[0];
    expect(Number(registry[5])).toBe(checkDigit(registry.slice(0, 5)));
    const session = new IngestSession();
    const units = nationalUnits(0.03).length;
    for (const name of names) {
      const batch = await session.ingestFile(name, new TextEncoder().encode(files[name]));
      const r = batch.report;
      expect(r.fileError, name).toBeNull();
      expect(r.rowsRejected, name).toBe(0);
      expect(r.rowsLoaded, name).toBe(r.rowsRead);
    }
    expect(session.registry.wards).toHaveLength(units);
    expect(files['national_1_ratings.csv'].trim().split('\n')).toHaveLength(1 + units * 2 * 48);
    expect(new Set(files['national_1_ratings.csv'].trim().split('\n').slice(1).map((line) => line.split(',').at(-1)))).toEqual(new Set(['sample']));
  });
});
