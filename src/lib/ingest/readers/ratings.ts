import { parsePositiveInt, parseRater, parseRating, parseStage, QUESTIONS_PER_STAGE, type Rater, type Rating, type Stage } from '../fields.ts';
import type { Field } from '../headers.ts';
import { memoize } from '../memo.ts';
import type { RatingRecord } from '../types.ts';
import { readProvenance, readWardAndYear, type ReadContext, type RowHandler } from './context.ts';

const readStage = memoize(parseStage);
const readRater = memoize(parseRater);
const readRating = memoize(parseRating);
const readQuestionNo = memoize((raw: string) => parsePositiveInt(raw));

const WIDE_COLUMNS: Array<[Field, Rater]> = [['ward_rating', 'ward'], ['center_rating', 'center'], ['joint_rating', 'joint']];

/**
 * Ratings, long (a row per rater: `rater`, `rating`) or wide (a row per question: one rating column
 * per rater). A wide row is loaded when any of its ratings is new, a duplicate when none is.
 */
export function ratingsHandler({ registry, ledger, builder }: ReadContext, wide: boolean): RowHandler {
  return (reader) => {
    const { ward, fiscalYear } = readWardAndYear(reader, registry);
    let stage: Stage | undefined;
    const stageRaw = reader.required('stage');
    if (stageRaw !== undefined) {
      stage = readStage(stageRaw);
      if (!stage) reader.fail('stage', 'invalid_stage');
    }
    let questionNo: number | undefined;
    const questionRaw = reader.required('question_no');
    if (questionRaw !== undefined) {
      questionNo = readQuestionNo(questionRaw);
      if (questionNo === undefined) reader.fail('question_no', 'invalid_question_no');
      else if (stage && questionNo > QUESTIONS_PER_STAGE[stage]) {
        reader.fail('question_no', 'question_no_out_of_range', { stage, max: QUESTIONS_PER_STAGE[stage] });
      }
    }
    const cells: Array<{ rater: Rater; rating: Rating | null }> = [];
    const takeRating = (field: Field, rater: Rater | undefined) => {
      const parsed = readRating(reader.raw(field));
      if (!parsed.ok) reader.fail(field, 'invalid_rating');
      else if (rater) cells.push({ rater, rating: parsed.rating });
    };
    if (wide) {
      for (const [field, rater] of WIDE_COLUMNS) if (reader.has(field)) takeRating(field, rater);
    } else {
      const raterRaw = reader.required('rater');
      let rater: Rater | undefined;
      if (raterRaw !== undefined) {
        rater = readRater(raterRaw);
        if (!rater) reader.fail('rater', 'invalid_rater');
      }
      takeRating('rating', rater);
    }
    const provenance = readProvenance(reader);
    if (reader.errors.length > 0 || !ward || fiscalYear === undefined || !stage || questionNo === undefined) return 'rejected';
    const questionText = reader.raw('question').trim();
    let anyLoaded = false;
    for (const { rater, rating } of cells) {
      const record: RatingRecord = {
        ward: ward.name, fiscalYear, stage, questionNo, question: questionText === '' ? null : questionText, rater, rating, provenance, line: reader.row.line,
      };
      if (ledger.addRating(record, builder)) anyLoaded = true;
    }
    return anyLoaded ? 'loaded' : 'duplicate';
  };
}
