import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/lib/db/database.ts';
import {
  keywordInContextQuery,
  recurringChallengesQuery,
  resolvedChallengesQuery,
  runQuery,
  themeLifecycleQuery,
  themeSummaryQuery,
  themeWardQuery,
  themeYearQuery,
  wordFrequencyQuery,
} from '../../../src/lib/db/queries/index.ts';
import { NO_FILTERS } from '../../../src/lib/db/sql.ts';
import { DEFAULT_THEMES } from '../../../src/lib/text/themes.ts';
import { databaseWith } from './helpers.ts';

/**
 * Known chains: 鶴見区 names father support as a challenge 2022–2024 and never as an effect;
 * 西区's peer-support challenge of 2022 is next year's goal and an effect in 2023; 中区's isolation
 * challenge of 2022–2023 is resolved as an effect in 2024.
 */
const NARRATIVES =
  'ward,fiscal_year,section,item_no,text\n' +
  [
    '鶴見区,2022,challenge,1,父親の参加が少ない。',
    '鶴見区,2022,next_goal,1,父親支援を進める。',
    '鶴見区,2023,goal,1,父親支援を進める。',
    '鶴見区,2023,challenge,1,パパの参加がまだ少ない。',
    '鶴見区,2024,challenge,1,プレパパへの働きかけが課題。',
    '西区,2022,challenge,1,ピアサポートの仕組みがない。',
    '西区,2022,next_goal,1,ピアサポートを始める。',
    '西区,2023,goal,1,ピアサポートを始める。',
    '西区,2023,effect,1,当事者同士がつながった。',
    '中区,2022,challenge,1,孤立しがちな家庭がある。',
    '中区,2023,challenge,1,孤立しがちな家庭への声かけ。',
    '中区,2024,effect,1,孤立しがちな家庭を支援につないだ。',
    '"中区",2024,action,1,"<script>alert(1)</script> 父親の会"',
  ].join('\n');

let db: Database;
beforeAll(async () => {
  ({ db } = await databaseWith([['narratives.csv', NARRATIVES]]));
});
afterAll(() => db.close());

describe('theme queries', () => {
  it('themeSummaryQuery: items and wards (of the wards with narratives) per theme, in dictionary order', async () => {
    const rows = await runQuery(db, themeSummaryQuery(NO_FILTERS, null));
    const get = (id: string) => rows.find((r) => r.themeId === id)!;
    expect(rows.map((r) => r.themeId)).toEqual(DEFAULT_THEMES.map((t) => t.id));
    expect([get('father').items, get('father').wards, get('father').totalWards]).toEqual([6, 2, 3]);
    expect([get('peer').items, get('peer').wards]).toEqual([4, 1]);
    expect([get('isolation').items, get('isolation').wards]).toEqual([3, 1]);
    const challenges = await runQuery(db, themeSummaryQuery(NO_FILTERS, ['challenge']));
    expect(challenges.find((r) => r.themeId === 'father')!.items).toBe(3);
  });

  it('themeWardQuery: items per theme and ward', async () => {
    const rows = await runQuery(db, themeWardQuery(NO_FILTERS, ['challenge']));
    expect(rows.map((r) => [r.themeId, r.ward, r.items])).toEqual([
      ['father', '鶴見区', 3],
      ['peer', '西区', 1],
      ['isolation', '中区', 2],
    ]);
  });

  it('themeYearQuery: wards naming a theme per year and section, 0 where a reported section names it nowhere', async () => {
    const rows = (await runQuery(db, themeYearQuery(NO_FILTERS))).filter((r) => r.themeId === 'father');
    expect(rows.map((r) => [r.fiscalYear, r.section, r.wards])).toEqual([
      [2022, 'challenge', 1],
      [2022, 'next_goal', 1],
      [2023, 'challenge', 1],
      [2023, 'effect', 0],
      [2023, 'goal', 1],
      [2024, 'action', 1],
      [2024, 'challenge', 1],
      [2024, 'effect', 0],
    ]);
    // A section no ward reported that year (2022's effects, 2024's goals) has no row: a gap, not a zero.
    expect(rows.some((r) => (r.fiscalYear === 2022 && r.section === 'effect') || (r.fiscalYear === 2024 && r.section === 'goal'))).toBe(false);
    // One ward: only its own reported sections count.
    const nishi = (await runQuery(db, themeYearQuery({ ...NO_FILTERS, wards: ['西区'] }))).filter((r) => r.themeId === 'peer');
    expect(nishi.map((r) => [r.fiscalYear, r.section, r.wards])).toEqual([
      [2022, 'challenge', 1],
      [2022, 'next_goal', 1],
      [2023, 'effect', 1],
      [2023, 'goal', 1],
    ]);
  });

  it('themeLifecycleQuery: the chain challenge → next year’s goal → goal → effect', async () => {
    const rows = await runQuery(db, themeLifecycleQuery(NO_FILTERS, '西区', 'peer'));
    expect(rows.map((r) => [r.fiscalYear, r.challenge, r.nextGoal, r.goal, r.effect])).toEqual([
      [2022, true, true, false, false],
      [2023, false, false, true, true],
    ]);
  });

  it('recurringChallengesQuery: challenges two or more years running without an effect', async () => {
    const rows = await runQuery(db, recurringChallengesQuery(NO_FILTERS));
    expect(rows.map((r) => [r.ward, r.themeId, r.firstYear, r.lastYear, r.years])).toEqual([['鶴見区', 'father', 2022, 2024, 3]]);
  });

  it('resolvedChallengesQuery: a challenge that becomes next year’s effect', async () => {
    const rows = await runQuery(db, resolvedChallengesQuery(NO_FILTERS));
    expect(rows.map((r) => [r.ward, r.themeId, r.challengeYear, r.effectYear])).toEqual([
      ['中区', 'isolation', 2023, 2024],
      ['西区', 'peer', 2022, 2023],
    ]);
  });

  it('keywordInContextQuery: the items behind a cell with their matched spans; hostile text comes back as text', async () => {
    const rows = await runQuery(db, keywordInContextQuery({ ...NO_FILTERS, wards: ['中区'] }, 'father', null, 10));
    expect(rows).toHaveLength(1);
    expect(rows[0].text).toBe('<script>alert(1)</script> 父親の会');
    expect(rows[0].spans).toEqual([{ start: 26, end: 28 }]);
    expect(rows[0].text.slice(26, 28)).toBe('父親');
  });

  it('wordFrequencyQuery: counts words of a year and marks those new since the year before', async () => {
    const rows = await runQuery(db, wordFrequencyQuery(NO_FILTERS, 2024, null, 50));
    const get = (word: string) => rows.find((r) => r.word === word);
    expect(get('孤立')).toMatchObject({ count: 1, previous: 1, isNew: false });
    expect(get('プレパパ')).toMatchObject({ count: 1, previous: 0, isNew: true });
    const first = await runQuery(db, wordFrequencyQuery(NO_FILTERS, 2022, null, 50));
    expect(first.length).toBeGreaterThan(0);
    expect(first.every((r) => !r.isNew)).toBe(true);
  });
});

describe('the text index travels with each file', () => {
  it('an item a later file re-delivers with other text takes its tags and words with it, even when the new text matches nothing', async () => {
    const header = 'ward,fiscal_year,section,item_no,text\n';
    const { db: replaced } = await databaseWith([
      ['first.csv', `${header}西区,2024,challenge,1,父親支援とピアサポート\n西区,2024,challenge,2,孤立しがちな家庭\n`],
      ['second.csv', `${header}西区,2024,challenge,1,広報を工夫する\n`],
    ]);
    const tags = await replaced.query<{ item: number; theme: string }>('SELECT item_no AS item, theme_id AS theme FROM narrative_tags ORDER BY item, theme');
    expect(tags).toEqual([{ item: 2, theme: 'isolation' }]);
    const words = await replaced.query<{ item: number; word: string }>('SELECT item_no AS item, word FROM narrative_words ORDER BY item, word');
    expect(words.filter((w) => w.item === 1).map((w) => w.word)).toEqual(['工夫', '広報']);
    expect(words.some((w) => w.word === '父親支援')).toBe(false);
    expect(words.filter((w) => w.item === 2).length).toBeGreaterThan(0);
    await replaced.close();
  });
});
