import { QUESTIONS_PER_STAGE, STAGES, type QuestionKey } from './fields.ts';

/**
 * The 16 questions of the collaboration-process table, as every ward's report words them (the seed's,
 * with the `て` its copy lost in `話し合って`), in the table's order: 6 planning, 7 implementation, 3 review.
 */
const WORDINGS = [
  '自分たちが達成すべき大きな目的や理念についてよく話し合うことができましたか。',
  'お互いの立場や組織の違いを話し合ってよく理解することができましたか。',
  'お互いの組織内部の取り決めについて、説明し合ってよく理解することができましたか。',
  '子育て家庭や子育て支援に関わる市民のニーズを把握して共有するとともに、この事業の目標と実施方法を話し合って決めることができましたか。',
  '目指す拠点の姿に近づくためにそれぞれが何をできるかを考え、話し合って役割分担を決めることができましたか。',
  'この事業の実施目的・目標や事業計画について、ホームページや通信等を使って市民に発信することができましたか。',
  '率直な意見交換のもと、お互い対等な立場で事業をすすめることができましたか。',
  'お互いの強みや得意分野を、どう生かし合えるかを考え、提案しながら取り組むことができましたか。',
  '相手に任せっきりにせず、お互いが役割を自覚して積極的に取り組むことができましたか。',
  '事業の進捗に応じて、目標、ニーズ、対象、実施方法などをふりかえり、修正しながら取り組むことができましたか。',
  '必要に応じ、関連する他の部署や団体などを巻き込みながら事業をすすめることができましたか。',
  '事業終了後の見通しについて、話しながら取り組むことができましたか。',
  '事業の進捗状況を、ホームページや会報等を使って市民に発信することができましたか。',
  '協働することで、単独でおこなうのに比べてどのような効果が得られたか、話し合って共有できましたか。',
  '子育て家庭や子育て支援に関わる市民が満足を得られたかどうかについて、アンケート調査や話し合いによって確認することができましたか。',
  'これまでの取組経過を振り返って、お互いの考えに相違点がなかったかについて話し合い、確認する事ができましたか。',
];

/** A question as it is recognised by its wording, with its place 1–16 in the table (a sheet may number it so). */
export interface WordedQuestion extends QuestionKey {
  position: number;
}

/** Letters only (kana, kanji, Latin), without the ending every question shares. */
function wordingKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}]/gu, '')
    .replace(/(?:(?:こと|事)が)?(?:できましたか|できたか)$/, '');
}

function bigrams(key: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + 1 < key.length; i++) {
    const pair = key.slice(i, i + 2);
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  return counts;
}

/** Dice's coefficient of two bigram multisets: 1 for the same wording, 0 for none in common. */
function dice(a: Map<string, number>, aSize: number, b: Map<string, number>, bSize: number): number {
  let shared = 0;
  for (const [pair, count] of a) shared += Math.min(count, b.get(pair) ?? 0);
  return aSize + bSize === 0 ? 0 : (2 * shared) / (aSize + bSize);
}

type StandardQuestion = WordedQuestion & { pairs: Map<string, number>; size: number };
let standard: StandardQuestion[] | undefined;

/** The 16 questions' letter pairs, made at the first question read (this module is in the page's first script). */
function standardQuestions(): StandardQuestion[] {
  if (standard) return standard;
  const keys: WordedQuestion[] = [];
  let position = 0;
  for (const stage of STAGES) for (let n = 1; n <= QUESTIONS_PER_STAGE[stage]; n++) keys.push({ stage, questionNo: n, position: ++position });
  standard = keys.map((key, i) => {
    const wording = wordingKey(WORDINGS[i]);
    return { ...key, pairs: bigrams(wording), size: Math.max(0, wording.length - 1) };
  });
  return standard;
}

/** How alike a cell's wording must be to its question's, and how much more than to any other. */
const MATCH = 0.6;
const MARGIN = 0.15;
/** Fewer letters than this are a label (`目的`), never read as a question's wording. */
const MIN_LETTERS = 12;

/**
 * The standard question a cell words, tolerant of a wording's small changes (punctuation, a dropped
 * or changed word, the number before it): the one whose letters' pairs it shares most, if it shares
 * enough and clearly more than with any other. Undefined for a short label or a question of another form.
 */
export function questionWorded(text: string): WordedQuestion | undefined {
  const key = wordingKey(text);
  if (key.length < MIN_LETTERS) return undefined;
  const pairs = bigrams(key);
  const size = key.length - 1;
  let best: StandardQuestion | undefined;
  let bestScore = 0;
  let second = 0;
  for (const question of standardQuestions()) {
    const score = dice(pairs, size, question.pairs, question.size);
    if (score > bestScore) [second, bestScore, best] = [bestScore, score, question];
    else if (score > second) second = score;
  }
  if (!best || bestScore < MATCH || bestScore - second < MARGIN) return undefined;
  return { stage: best.stage, questionNo: best.questionNo, position: best.position };
}

/** Whether a number beside a wording is its question's: counted within the stage, or straight through the 16. */
export function numbersWording(worded: WordedQuestion, questionNo: number): boolean {
  return questionNo === worded.questionNo || questionNo === worded.position;
}
