import { loadIntoNodeDatabase } from '../../../src/lib/db/node-load.ts';

/** A real DuckDB-WASM (Node build) with the schema and the given files loaded through the app's own path. */
export function databaseWith(files: Array<[name: string, content: string | Uint8Array]>) {
  return loadIntoNodeDatabase(files.map(([name, content]) => ({ name, bytes: typeof content === 'string' ? new TextEncoder().encode(content) : content })));
}

export const LONG_HEADER = 'ward,fiscal_year,stage,question_no,rater,rating\n';

/**
 * Hand-countable ratings: 鶴見区 A2 B1 C1 D1 unrated 1 (FY2024 only); 西区 A1 B1 (one per year);
 * 中区 D1 unrated 1 (FY2025 only: a ward with a missing year).
 */
export const FIXTURE_RATINGS =
  LONG_HEADER +
  [
    '鶴見区,2024,planning,1,ward,A',
    '鶴見区,2024,planning,1,center,B',
    '鶴見区,2024,planning,1,joint,A',
    '鶴見区,2024,review,1,ward,C',
    '鶴見区,2024,review,1,center,',
    '鶴見区,2024,review,1,joint,D',
    '西区,2024,planning,1,ward,B',
    '西区,2025,planning,1,ward,A',
    '中区,2025,implementation,1,ward,D',
    '中区,2025,implementation,1,center,未評価',
  ].join('\n');

/**
 * Three wards, two years, three questions (planning 1–2, review 1), every rater; 中区 has no FY2024
 * and 西区 FY2024 only planning 1; 西区 FY2025 planning 2 joint is unrated. The expected figures in
 * tests/unit/db/analytics.test.ts are worked out by hand from this table.
 */
export const ANALYTICS_RATINGS =
  'ward,fiscal_year,stage,question_no,question,rater,rating\n' +
  [
    // 2025: 区 拠点 相互
    ['鶴見区', 2025, 'planning', 1, 'AAA'], ['鶴見区', 2025, 'planning', 2, 'BAB'], ['鶴見区', 2025, 'review', 1, 'CAB'],
    ['西区', 2025, 'planning', 1, 'BBB'], ['西区', 2025, 'planning', 2, 'BC-'], ['西区', 2025, 'review', 1, 'DCC'],
    ['中区', 2025, 'planning', 1, 'ABA'], ['中区', 2025, 'planning', 2, 'AAA'], ['中区', 2025, 'review', 1, 'BBA'],
    // 2024
    ['鶴見区', 2024, 'planning', 1, 'ABB'], ['鶴見区', 2024, 'planning', 2, 'CBC'], ['鶴見区', 2024, 'review', 1, 'DCC'],
    ['西区', 2024, 'planning', 1, 'AAA'],
  ]
    .flatMap(([ward, year, stage, q, ratings]) =>
      ['ward', 'center', 'joint'].map(
        (rater, i) => `${ward},${year},${stage},${q},${stage === 'planning' && q === 1 ? '目的を話し合えたか' : ''},${rater},${String(ratings)[i]}`,
      ),
    )
    .join('\n');
