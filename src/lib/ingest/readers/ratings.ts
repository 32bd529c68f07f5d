import { parseQuestionNo, parseRating, parseStage, QUESTIONS_PER_STAGE, type QuestionNo, type Rater, type Stage } from '../fields.ts';
import { RATING_COLUMNS, raterNamed, type Field } from '../headers.ts';
import { memoize } from '../memo.ts';
import { freeText, normalizeCode } from '../normalize.ts';
import type { RowReader } from '../rows.ts';
import { numbersWording, questionWorded, type WordedQuestion } from '../standard-questions.ts';
import type { RatingRecord } from '../types.ts';
import type { WardRegistry } from '../registry.ts';
import { readProvenance, readWardAndYear, type RowHandler } from './context.ts';

const readStage = memoize(parseStage);
const readRater = memoize(raterNamed);
const readRating = memoize(parseRating);
const readQuestionNo = memoize(parseQuestionNo);
const readWording = memoize(questionWorded, 1000);

/**
 * Checks a rating cell; the value itself is read again (from the memo) once the whole row is known good.
 * A score 1–4 is not read as a letter (which way it runs is the sheet's): its message says so.
 */
function checkRating(reader: RowReader, field: Field): void {
  const raw = reader.raw(field);
  if (!readRating(raw).ok) reader.fail(field, /^[1-4]$/.test(normalizeCode(raw)) ? 'numeric_rating' : 'invalid_rating');
}

/** Where a good rating goes: the session's ledger (true when it is new), or a chunk read ahead, which collects it. */
export type RatingSink = (record: RatingRecord) => boolean;

/**
 * Ratings, long (a row per rater: `rater`, `rating`) or wide (a row per question: one rating column
 * per rater). A wide row is loaded when any of its ratings is new, a duplicate when none is.
 * A million rows pass through here: a row allocates no record, closure or array of cells of its own.
 */
export function ratingsHandler(registry: WardRegistry, add: RatingSink, wide: boolean): RowHandler {
  // One record for every rating of the file, filled per row: the sink copies what it keeps.
  const rating: RatingRecord = { ward: '', fiscalYear: 0, stage: 'planning', questionNo: 0, question: null, rater: 'ward', rating: null, provenance: 'real', line: 0 };
  const addRating = (reader: RowReader, field: Field, rater: Rater): boolean => {
    const parsed = readRating(reader.raw(field));
    rating.rater = rater;
    rating.rating = parsed.ok ? parsed.rating : null;
    return add(rating);
  };
  return (reader) => {
    const { ward, fiscalYear } = readWardAndYear(reader, registry);
    let stage: Stage | undefined;
    // Without a stage column or heading, each question gives its stage: its number (`計画1`, `P1`) or
    // its wording (the report's 16 questions; headers.ts headingAt).
    const staged = reader.has('stage');
    const stageRaw = staged ? reader.required('stage') : undefined;
    if (stageRaw !== undefined) {
      stage = readStage(stageRaw);
      if (!stage) reader.fail('stage', 'invalid_stage');
    }
    let questionNo: number | undefined;
    // The question's wording where the number column holds it (a sheet whose one question column is 設問).
    let wordedInNumber = false;
    const questionRaw = reader.required('question_no');
    if (questionRaw !== undefined) {
      let question: QuestionNo | undefined = readQuestionNo(questionRaw);
      if (question === undefined) {
        question = readWording(questionRaw);
        wordedInNumber = question !== undefined;
      }
      // A plain number, within its stage or 1–16 straight through: the wording beside it names the question.
      let worded: WordedQuestion | undefined;
      if (question && !staged && question.stage === null) {
        worded = readWording(reader.raw('question'));
        if (worded && !numbersWording(worded, question.questionNo)) {
          reader.fail('question_no', 'question_wording_mismatch', { stage: worded.stage, questionNo: worded.questionNo, position: worded.position });
        } else if (worded) question = worded;
      }
      questionNo = question?.questionNo;
      if (question && !staged) {
        stage = question.stage ?? undefined;
        if (!stage && !worded) reader.fail('question_no', 'question_no_without_stage');
      }
      if (question === undefined) reader.fail('question_no', staged ? 'invalid_question_no' : 'unknown_question_wording');
      else if (stage && question.stage && question.stage !== stage) {
        reader.fail('question_no', 'question_stage_mismatch', { stage, named: question.stage });
        questionNo = undefined;
      } else if (stage && question.questionNo > QUESTIONS_PER_STAGE[stage]) {
        reader.fail('question_no', 'question_no_out_of_range', { stage, max: QUESTIONS_PER_STAGE[stage] });
      }
    }
    let rater: Rater | undefined;
    if (wide) {
      for (const [field] of RATING_COLUMNS) if (reader.has(field)) checkRating(reader, field);
    } else {
      const raterRaw = reader.required('rater');
      if (raterRaw !== undefined) {
        rater = readRater(raterRaw);
        if (!rater) reader.fail('rater', 'invalid_rater');
      }
      checkRating(reader, 'rating');
    }
    const provenance = readProvenance(reader);
    if (reader.errors.length > 0 || !ward || fiscalYear === undefined || !stage || questionNo === undefined) return 'rejected';
    const questionText = freeText(wordedInNumber ? questionRaw! : reader.raw('question'));
    rating.ward = ward.name;
    rating.fiscalYear = fiscalYear;
    rating.stage = stage;
    rating.questionNo = questionNo;
    rating.question = questionText === '' ? null : questionText;
    rating.provenance = provenance;
    rating.line = reader.row.line;
    if (!wide) return addRating(reader, 'rating', rater!) ? 'loaded' : 'duplicate';
    let anyLoaded = false;
    for (const [field, by] of RATING_COLUMNS) if (reader.has(field) && addRating(reader, field, by)) anyLoaded = true;
    return anyLoaded ? 'loaded' : 'duplicate';
  };
}
