import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { questionWorded } from '../../../src/lib/ingest/standard-questions.ts';

/** The seed report's 16 question rows, as published (its copy lost the `て` of `話し合って`). */
const seedQuestions = readFileSync(new URL('../../fixtures/report_seed.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => /^\d\t/.test(line))
  .map((line) => line.split('\t')[1]);

describe('questionWorded', () => {
  it('names each of the seed report’s 16 questions by its wording, in the table’s order', () => {
    expect(seedQuestions).toHaveLength(16);
    expect(seedQuestions.map((q) => {
      const worded = questionWorded(q);
      return worded && `${worded.stage} ${worded.questionNo} ${worded.position}`;
    })).toEqual([
      ...[1, 2, 3, 4, 5, 6].map((n) => `planning ${n} ${n}`),
      ...[1, 2, 3, 4, 5, 6, 7].map((n) => `implementation ${n} ${n + 6}`),
      ...[1, 2, 3].map((n) => `review ${n} ${n + 13}`),
    ]);
  });

  it('reads a wording changed a little (punctuation, width, the number before it, a shorter ending, a word changed)', () => {
    const read = (text: string) => {
      const worded = questionWorded(text);
      return worded && `${worded.stage} ${worded.questionNo}`;
    };
    expect(read('1 率直な意見交換のもと、お互い対等な立場で事業をすすめることができましたか。')).toBe('implementation 1');
    expect(read('率直な意見交換のもとお互い対等な立場で事業を進めることができましたか')).toBe('implementation 1');
    expect(read('事業の進捗状況をホームページ等で市民に発信できたか')).toBe('implementation 7');
    expect(read('自分たちが達成すべき目的や理念について話し合えましたか？')).toBe('planning 1');
    expect(read('ｺﾚﾏﾃﾞ の取組経過を振り返って、お互いの考えに相違点がなかったかについて話し合い、確認する事ができましたか')).toBe('review 3');
  });

  it('names none for a short label, another form’s question, or a wording as close to two questions', () => {
    expect(questionWorded('目的を話し合えたか')).toBeUndefined();
    expect(questionWorded('利用者アンケートを実施しましたか')).toBeUndefined();
    expect(questionWorded('協働の効果を話し合って共有できましたか')).toBeUndefined();
    // 計画6 and 実施7 share this half: it is either.
    expect(questionWorded('ホームページや通信等を使って市民に発信することができましたか')).toBeUndefined();
    expect(questionWorded('')).toBeUndefined();
  });
});
