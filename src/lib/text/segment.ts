import { foldLookAlikes } from '../ingest/normalize.ts';

/**
 * Japanese words for frequency counts: Intl.Segmenter's word boundaries, with a compound list that
 * keeps terms such as 父親支援 or 横浜子育てサポートシステム whole, and a stop-word list.
 */
export const COMPOUNDS = [
  '横浜子育てサポートシステム',
  '子育てサポートシステム',
  '地域子育て支援拠点',
  '地域ケアプラザ',
  '父親支援',
  'ピアサポート',
  'アウトリーチ',
  '関係機関',
  '妊娠期',
  '産前産後',
  '切れ目のない',
  '当事者同士',
  '居場所づくり',
  '仲間づくり',
  '相談支援',
  '情報発信',
  '人材育成',
  '提供会員',
  '子育て家庭',
  '子育て支援',
  '療育センター',
  'プレママ',
  'プレパパ',
  // Words Intl.Segmenter's dictionary cuts (安|心して, 見|守り, 民生|委員, 支え|合|い), as KH Coder's
  // forced pick-up list keeps them: measured on the bundled narratives' most frequent words.
  '安心',
  '見守り',
  '見学会',
  '集会所',
  '声かけ',
  '働きかけ',
  'きっかけ',
  '困りごと',
  '支え合い',
  '支え合う',
  '支え合える',
  '関わり',
  '関わる',
  '関われる',
  '広げ',
  '一体的',
  '民生委員',
  '主任児童委員',
  '母子健康手帳',
  'ライフステージ',
  '地域ぐるみ',
  'やさしい日本語',
];

export const STOP_WORDS = new Set([
  'の', 'に', 'は', 'を', 'た', 'が', 'で', 'て', 'と', 'し', 'れ', 'さ', 'ある', 'いる', 'も', 'する', 'から', 'な', 'こと', 'として',
  'い', 'や', 'れる', 'など', 'なっ', 'ない', 'この', 'ため', 'その', 'あっ', 'よう', 'また', 'もの', 'という', 'あり', 'まで', 'られ',
  'なる', 'へ', 'か', 'だ', 'これ', 'によって', 'により', 'おり', 'より', 'による', 'ず', 'なり', 'られる', 'において', 'ば', 'なかっ',
  'なく', 'しかし', 'について', 'せ', 'だっ', 'その後', 'できる', 'それ', 'う', 'ので', 'なお', 'のみ', 'でき', 'き', 'つ', 'における',
  'および', 'いう', 'さらに', 'でも', 'ら', 'たり', 'その他', 'に関する', 'たち', 'ます', 'ん', 'なら', 'に対して', '特に', 'せる', '及び',
  'これら', 'とき', 'では', 'にて', 'ほか', 'ながら', 'うち', 'そして', 'とともに', 'ただし', 'かつて', 'それぞれ', 'または', 'お', 'ほど',
  'ものの', 'に対する', 'ほとんど', 'と共に', 'といった', 'です', 'とも', 'ところ', 'ここ', '図る', '行う', '進める', 'いく', 'つながる',
  'できた', 'つながっ', '向け', '取り組む', '図り', '行い', 'まだまだ', '一定程度', 'てい', 'した', 'かし', 'づくり', 'ていく',
  'られた', 'でき', 'ている', 'なかった', 'できる', 'ました', 'して',
  // Auxiliaries and fragments the segmenter leaves as words (孤立し|がち, 利用し|やすい, に|と|どまり).
  'がち', 'やすい', 'にくい', 'とどまり', 'どまり', 'を通じて', '時に', 'まだ', '多く',
]);

const isWordLike = (word: string) => /[\p{L}\p{N}]/u.test(word) && !/^[\p{N}\s]+$/u.test(word);

/** Every compound in one pattern, the longest first: at each place the longest that fits wins. */
const COMPOUND_PATTERN = new RegExp(
  [...COMPOUNDS].sort((a, b) => b.length - a.length).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'),
  'g',
);

/**
 * Words of a text, in order: compounds first (the earliest, the longest there), the rest by
 * Intl.Segmenter. One pass over the text: looking for every compound again after each one found took
 * time growing with the square of a long item's length (64,000 characters: 1.4 s).
 */
export function segmentWords(item: string, segmenter = new Intl.Segmenter('ja', { granularity: 'word' })): string[] {
  // An item copied from a PDF whose map wrote radicals for ideographs (市⺠) counts the words as typed (市民).
  const text = foldLookAlikes(item);
  const words: string[] = [];
  const pushSegments = (part: string) => {
    for (const { segment, isWordLike: wordLike } of segmenter.segment(part)) {
      if (wordLike && isWordLike(segment) && !STOP_WORDS.has(segment) && segment.length > 1) words.push(segment);
    }
  };
  let from = 0;
  for (const match of text.matchAll(COMPOUND_PATTERN)) {
    pushSegments(text.slice(from, match.index));
    words.push(match[0]);
    from = match.index + match[0].length;
  }
  pushSegments(text.slice(from));
  return words;
}
