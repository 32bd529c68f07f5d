/**
 * `npm run generate-sample [-- --out DIR]`: the synthetic sample for all 18 wards × FY2019–FY2025, from a
 * fixed seed, so re-running it reproduces the files byte for byte. Every row says `provenance=sample`.
 * 鶴見区 FY2025 is never generated: that record is real and comes from the published report.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toCsv, type CsvCell } from '../src/lib/export/csv.ts';
import { QUESTIONS_PER_STAGE, STAGES, type Section, type Stage } from '../src/lib/ingest/fields.ts';
import { defaultWards, type Ward } from '../src/lib/ingest/registry.ts';
import { SAMPLE_OPERATORS, THEMES } from './sample/phrases.ts';

export const SAMPLE_SEED = 20251124;
export const SAMPLE_YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025];
/** The real record the generator must leave alone. */
export const REAL_RECORDS = [{ ward: '鶴見区', fiscalYear: 2025 }];

/** Mulberry32: small, fast and the same on every machine. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How hard each question is in practice (review 1, implementation 6 are where reports most often say B/C). */
const DIFFICULTY: Record<Stage, number[]> = {
  planning: [0, 0.1, 0.25, 0.2, 0.3, 0.35],
  implementation: [0, 0.1, 0.05, 0.25, 0.2, 0.6, 0.3],
  review: [0.5, 0.2, 0.25],
};

function letter(score: number): string {
  if (score >= 3.45) return 'A';
  if (score >= 2.55) return 'B';
  if (score >= 1.7) return 'C';
  return 'D';
}

interface Issue {
  theme: string;
  /** Last year it is named as a challenge. */
  until: number;
  resolved: boolean;
}

export interface SampleOptions {
  wards?: readonly Ward[];
  years?: readonly number[];
  seed?: number;
  /** The files' names: `${prefix}ratings.csv` and so on. */
  prefix?: string;
}

/** The synthetic sample; by default Yokohama's 18 wards × FY2019–2025 (the bundled files). */
export function generateSample({ wards = defaultWards(), years = SAMPLE_YEARS, seed = SAMPLE_SEED, prefix = 'sample_' }: SampleOptions = {}): Record<string, string> {
  const rand = random(seed);
  const pick = <T,>(items: readonly T[]) => items[Math.floor(rand() * items.length)];
  const normal = () => {
    const u = Math.max(rand(), 1e-9);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
  };
  const themeNames = Object.keys(THEMES);
  const weighted = themeNames.flatMap((t) => Array(THEMES[t].weight).fill(t) as string[]);
  const isReal = (ward: string, year: number) => REAL_RECORDS.some((r) => r.ward === ward && r.fiscalYear === year);

  const ratings: CsvCell[][] = [];
  const narratives: CsvCell[][] = [];
  const centers: CsvCell[][] = [];

  for (const [wardIndex, ward] of wards.entries()) {
    // A ward's level and direction: most hold steady, some improve, some slip over the years.
    const base = 3.3 + rand() * 0.5;
    const trend = pick([-0.09, -0.05, 0, 0, 0.03, 0.06, 0.1]);
    const dipYear = rand() < 0.3 ? pick(years) : null;
    const wardBias = -0.15 + rand() * 0.2;
    const centerBias = -0.05 + rand() * 0.25;
    // Five-year contracts with staggered starts; 鶴見区's matches its real report (FY2025 = year 3 of 5).
    const contractStart = 2013 + ((wardIndex * 3) % 5);
    const operator = SAMPLE_OPERATORS[wardIndex % SAMPLE_OPERATORS.length];
    let issues: Issue[] = [];

    // A trend spans the same distance however many years there are (7 years: one step a year).
    const step = Math.min(1, 6 / Math.max(1, years.length - 1));
    for (const year of years) {
      const t = (year - years[0]) * step;
      // Last year's challenges: carried on, or ended (resolved, or quietly dropped).
      const previous = issues;
      const carried = previous.filter((i) => i.until >= year);
      const ending = previous.filter((i) => i.until === year - 1);
      const fresh: Issue[] = [];
      const wanted = 2 + (rand() < 0.5 ? 1 : 0) - carried.length;
      for (let n = 0; n < wanted; n++) {
        const theme = pick(weighted);
        if ([...carried, ...fresh].some((i) => i.theme === theme)) continue;
        fresh.push({ theme, until: year + Math.floor(rand() * 3), resolved: rand() < 0.65 });
      }
      issues = [...carried, ...fresh];

      if (isReal(ward.name, year)) continue;

      for (const stage of STAGES) {
        for (let q = 1; q <= QUESTIONS_PER_STAGE[stage]; q++) {
          const dip = dipYear === year ? 0.45 : 0;
          const latent = base + trend * t - DIFFICULTY[stage][q - 1] - dip + normal() * 0.22;
          // Now and then one side judges a question much lower than the other: the rare C/D disagreements.
          const shock = () => (rand() < 0.012 ? 1.1 + rand() * 0.6 : 0);
          const wardScore = latent + wardBias + normal() * 0.2 - shock();
          const centerScore = latent + centerBias + normal() * 0.2 - shock();
          const jointScore = (wardScore + centerScore) / 2 + normal() * 0.08;
          for (const [rater, score] of [['ward', wardScore], ['center', centerScore], ['joint', jointScore]] as const) {
            ratings.push([ward.name, year, stage, q, rater, rand() < 0.006 ? '' : letter(score), 'sample']);
          }
        }
      }

      const items: Array<[Section, string]> = [];
      const add = (section: Section, themes: string[], kind: 'goal' | 'action' | 'effect' | 'challenge', count: number) => {
        const chosen = [...themes];
        while (chosen.length < count) {
          const extra = pick(themeNames);
          if (!chosen.includes(extra)) chosen.push(extra);
        }
        for (const theme of chosen.slice(0, Math.max(count, themes.length))) items.push([section, pick(THEMES[theme][kind])]);
      };
      // A challenge of year N is a goal for N+1 (next_goal in N, goal in N+1); when it ends resolved
      // it shows up as an effect the year after, otherwise it drops away without one.
      const active = issues.map((i) => i.theme);
      add('goal', previous.map((i) => i.theme).slice(0, 2), 'goal', 2);
      add('action', active, 'action', 4 + Math.floor(rand() * 3));
      add('effect', ending.filter((i) => i.resolved).map((i) => i.theme), 'effect', 3 + Math.floor(rand() * 2));
      add('challenge', active, 'challenge', 2);
      add('next_goal', active.slice(0, 2), 'goal', 2);
      add('next_action', active, 'action', 3 + Math.floor(rand() * 2));
      const numbers = new Map<Section, number>();
      for (const [section, text] of items) {
        const itemNo = (numbers.get(section) ?? 0) + 1;
        numbers.set(section, itemNo);
        narratives.push([ward.name, year, section, itemNo, text, 'sample']);
      }

      const contractYear = ((((year - contractStart) % 5) + 5) % 5) + 1;
      centers.push([ward.name, year, null, operator, contractYear, 5, `${year}-04-01`, `${year + 1}-03-31`, 'sample']);
    }
  }

  return {
    [`${prefix}ratings.csv`]: toCsv(['ward', 'fiscal_year', 'stage', 'question_no', 'rater', 'rating', 'provenance'], ratings),
    [`${prefix}narratives.csv`]: toCsv(['ward', 'fiscal_year', 'section', 'item_no', 'text', 'provenance'], narratives),
    [`${prefix}centers.csv`]: toCsv(
      ['ward', 'fiscal_year', 'center_name', 'operator', 'contract_year', 'contract_length', 'period_start', 'period_end', 'provenance'],
      centers,
    ),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const outIndex = process.argv.indexOf('--out');
  const out = outIndex === -1 ? 'data' : process.argv[outIndex + 1];
  mkdirSync(out, { recursive: true });
  for (const [name, csv] of Object.entries(generateSample())) {
    writeFileSync(join(out, name), csv);
    console.log(`${join(out, name)}: ${csv.split('\n').length - 2} rows`);
  }
}
