import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/lib/db/database.ts';
import {
  benchmarkQuery,
  contractCycleQuery,
  ratingDistributionByWardQuery,
  runQuery,
  slopeQuery,
  wardTrajectoryQuery,
  yearChangeQuery,
} from '../../../src/lib/db/queries/index.ts';
import { NO_FILTERS } from '../../../src/lib/db/sql.ts';
import { provenanceMark, provenanceNote, provenanceText, reportProvenanceText, yearsText } from '../../../src/lib/i18n/provenance.ts';
import { databaseWith, LONG_HEADER } from './helpers.ts';

/** 鶴見区: FY2023–2024 sample, FY2025 real (as the bundled data has it); 西区: sample only; 中区: real only. */
const rows = (ward: string, year: number, provenance: string, rating: string) =>
  ['ward', 'center', 'joint'].map((rater) => `${ward},${year},planning,1,${rater},${rating},${provenance}`);
const RATINGS =
  LONG_HEADER.replace('\n', ',provenance\n') +
  [
    ...rows('鶴見区', 2023, 'sample', 'B'), ...rows('鶴見区', 2024, 'sample', 'C'), ...rows('鶴見区', 2025, 'real', 'A'),
    ...rows('西区', 2024, 'sample', 'B'), ...rows('西区', 2025, 'sample', 'B'),
    ...rows('中区', 2024, 'real', 'A'), ...rows('中区', 2025, 'real', 'B'),
  ].join('\n');
const CENTERS = 'ward,fiscal_year,contract_year,contract_length,provenance\n鶴見区,2024,2,5,sample\n鶴見区,2025,3,5,real\n';

let db: Database;
beforeAll(async () => {
  ({ db } = await databaseWith([['ratings.csv', RATINGS], ['centers.csv', CENTERS]]));
});
afterAll(() => db.close());

const provenance = (r: { sampleYears: number[]; allSample: boolean }) => [r.sampleYears, r.allSample];

describe('provenance by ward-year, kept through every aggregation', () => {
  it('the distribution over all years names the sample years of a ward mixing both', async () => {
    const byWard = await runQuery(db, ratingDistributionByWardQuery(NO_FILTERS));
    expect(byWard.map((r) => [r.ward, ...provenance(r)])).toEqual([
      ['鶴見区', [2023, 2024], false],
      ['西区', [2024, 2025], true],
      ['中区', [], false],
    ]);
    const fy2025 = await runQuery(db, ratingDistributionByWardQuery({ ...NO_FILTERS, fiscalYears: [2025] }));
    expect(fy2025.map((r) => [r.ward, ...provenance(r)])).toEqual([['鶴見区', [], false], ['西区', [2025], true], ['中区', [], false]]);
  });

  it('trajectories, slope, year change, benchmark and contract cycle say which year is which', async () => {
    const trajectory = await runQuery(db, wardTrajectoryQuery({ ...NO_FILTERS, wards: ['鶴見区'] }));
    expect(trajectory.map((r) => [r.fiscalYear, ...provenance(r)])).toEqual([[2023, [2023], true], [2024, [2024], true], [2025, [], false]]);
    const slope = await runQuery(db, slopeQuery(NO_FILTERS, 2024, 2025));
    expect(slope.map((r) => [r.ward, ...provenance(r)])).toEqual([['鶴見区', [2024], false], ['西区', [2024, 2025], true], ['中区', [], false]]);
    const change = await runQuery(db, yearChangeQuery(NO_FILTERS, '鶴見区', 2025, 'mean'));
    expect(change.map(provenance)).toEqual([[[2024], false]]);
    const bench = await runQuery(db, benchmarkQuery(NO_FILTERS, '鶴見区', 2025, 'mean'));
    expect(bench.map((r) => [...provenance(r), r.sampleWards])).toEqual([[[], false, 1]]);
    const contract = await runQuery(db, contractCycleQuery({ ...NO_FILTERS, wards: ['鶴見区'] }));
    expect(contract.map((r) => [r.contractYear, ...provenance(r)])).toEqual([[2, [2024], true], [3, [], false]]);
  });
});

describe('provenance labels', () => {
  const mixed = { sampleYears: [2019, 2020, 2021, 2022, 2023, 2024], allSample: false };
  it('mark real data with nothing, sample with ＊, a mix with ※ and its sample years', () => {
    expect([provenanceMark({ sampleYears: [], allSample: false }), provenanceMark({ sampleYears: [2024], allSample: true }), provenanceMark(mixed)]).toEqual(['', '＊', '※']);
    expect(provenanceText('ja', mixed)).toBe('一部サンプル（2019–2024年度）');
    expect(provenanceNote('en', mixed)).toBe('(FY2019–2024 sample)');
    expect(yearsText('ja', [2021, 2019, 2023, 2024])).toBe('2019・2021・2023–2024');
  });

  it('the ward report says its own year is real while the compared wards and earlier years are sample', () => {
    expect(reportProvenanceText('ja', { ward: '鶴見区', year: '令和7年度', provenance: { sampleYears: [], allSample: false } }, 17, mixed)).toBe(
      '鶴見区 令和7年度の評価は実データです。比較した区のうち 17 区の値はサンプルです。推移のうち 2019–2024年度はサンプルです。',
    );
  });
});
