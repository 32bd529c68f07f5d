/**
 * `npm run generate-national [-- --out DIR --scale S --years N]`: a national-scale synthetic
 * dataset for the bench and for trying the app at scale, from a fixed seed. About 1,740 fictional
 * municipalities (47 prefectures, each with its real number of municipalities and codes of the
 * JIS X 0402 shape, check digit included) × 20 fiscal years. Every row says `provenance=sample` and
 * every name says 架空. Not committed: ~150 MB of CSV; build it into a dataset with
 * `npm run build-dataset -- --out DIR DIR_OF_CSVS`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toCsv } from '../src/lib/export/csv.ts';
import { checkDigit, type Ward } from '../src/lib/ingest/registry.ts';
import { PREFECTURES } from '../src/lib/ingest/prefectures.ts';
import { generateSample } from './generate-sample.ts';

export const NATIONAL_SEED = 20261126;
export const NATIONAL_YEARS = Array.from({ length: 20 }, (_, i) => 2006 + i);

/**
 * Each prefecture's municipalities, numbered as JIS codes are (cities from 201, towns and villages
 * from 301): `scale` multiplies the real counts (1 = all ~1,740).
 */
export function nationalUnits(scale = 1): Ward[] {
  return PREFECTURES.flatMap(({ code, name, nameEn, municipalities }) => {
    const n = Math.max(1, Math.round(municipalities * scale));
    const cities = Math.ceil(n / 3);
    return Array.from({ length: n }, (_, i) => {
      const city = i < cities;
      const number = city ? 201 + i : 301 + (i - cities);
      const serial = String(i + 1).padStart(3, '0');
      return {
        code: `${code}${number}`,
        name: `${name}架空${city ? '市' : '町'}${serial}`,
        nameEn: `${nameEn} sample ${city ? 'city' : 'town'} ${serial}`,
        city: name,
        tileX: null,
        tileY: null,
      };
    });
  });
}

/** The registry file: codes written with their check digit, as municipalities publish them. */
export function registryCsv(units: readonly Ward[]): string {
  return toCsv(
    ['code', 'name', 'name_en', 'city'],
    units.map((u) => [`${u.code}${checkDigit(u.code)}`, u.name, u.nameEn, u.city]),
  );
}

/** The four files, named so the registry is read first (inputs are read in name order). */
export function generateNational(scale = 1, years = NATIONAL_YEARS): Record<string, string> {
  const units = nationalUnits(scale);
  return { 'national_0_registry.csv': registryCsv(units), ...generateSample({ wards: units, years, seed: NATIONAL_SEED, prefix: 'national_1_' }) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string, fallback: string) => {
    const at = process.argv.indexOf(name);
    return at === -1 ? fallback : process.argv[at + 1];
  };
  const out = arg('--out', 'national-csv');
  const scale = Number(arg('--scale', '1'));
  const years = NATIONAL_YEARS.slice(-Number(arg('--years', String(NATIONAL_YEARS.length))));
  mkdirSync(out, { recursive: true });
  for (const [name, csv] of Object.entries(generateNational(scale, years))) {
    writeFileSync(join(out, name), csv);
    console.log(`${join(out, name)}: ${csv.split('\n').length - 2} rows, ${(csv.length / 1e6).toFixed(1)} M chars`);
  }
}
