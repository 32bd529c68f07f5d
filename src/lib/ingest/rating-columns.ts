import { RATERS, RATING_SCORE, RATINGS, STAGES, type Provenance } from './fields.ts';
import type { RatingRecord } from './types.ts';

const PROVENANCES: readonly Provenance[] = ['real', 'sample'];

/** A text column as codes into a list of distinct values (-1: null). */
export interface CodedColumn {
  kind: 'codes';
  codes: Int32Array;
  dictionary: readonly string[];
}

/** A whole-number column; `valid[i] === 0` marks a null. */
export interface NumberColumn {
  kind: 'numbers';
  values: Int8Array | Int16Array | Int32Array;
  valid: Uint8Array | null;
}

export type TypedColumn = CodedColumn | NumberColumn;

/** Distinct strings in first-seen order, each with its code. */
class Dictionary {
  readonly values: string[] = [];
  private codes = new Map<string, number>();

  static of(values: readonly string[]): Dictionary {
    const dictionary = new Dictionary();
    for (const value of values) dictionary.code(value);
    return dictionary;
  }

  code(value: string): number {
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.codes.set(value, code);
      this.values.push(value);
    }
    return code;
  }
}

/**
 * The group of each rating (ward, fiscal year, stage, rater, provenance), numbered in first-seen order;
 * `firstRow` gets each group's first rating. Per ward-year (rows come in runs of one), a slot per
 * stage × rater × provenance holding its group: a map lookup per run instead of per rating (24 → ~4 ms
 * per 100,000 ratings). This loop and `countLevels` are functions of their own with nothing after their
 * loop: inside `groups`, Chromium's V8 threw the optimized loops away at the code after them.
 */
function assignGroups(c: { ward: Int32Array; fiscalYear: Int16Array; stage: Int32Array; rater: Int32Array; provenance: Int32Array }, n: number, groupOf: Int32Array, firstRow: number[]): void {
  const wardYears = new Map<number, Int32Array>();
  const SLOTS = STAGES.length * RATERS.length * PROVENANCES.length;
  let lastWardYear = -1;
  let slots: Int32Array = new Int32Array(SLOTS);
  for (let i = 0; i < n; i++) {
    const wardYear = c.ward[i] * 65536 + (c.fiscalYear[i] & 0xffff);
    if (wardYear !== lastWardYear) {
      let found = wardYears.get(wardYear);
      if (!found) {
        found = new Int32Array(SLOTS).fill(-1);
        wardYears.set(wardYear, found);
      }
      slots = found;
      lastWardYear = wardYear;
    }
    const slot = (c.stage[i] * RATERS.length + c.rater[i]) * PROVENANCES.length + c.provenance[i];
    let group = slots[slot];
    if (group === -1) {
      group = firstRow.length;
      slots[slot] = group;
      firstRow.push(i);
    }
    groupOf[i] = group;
  }
}

/** Counts each group's ratings per level (`levelOf` a rating code's place in `counts`; -1, unrated, goes to 4) and all of them (5). */
function countLevels(rating: Int32Array, n: number, groupOf: Int32Array, counts: Int32Array[], levelOf: Int32Array): void {
  for (let i = 0; i < n; i++) {
    const group = groupOf[i];
    const code = rating[i];
    counts[code === -1 ? 4 : levelOf[code]][group]++;
    counts[5][group]++;
  }
}

/**
 * Codes `from`–`to` of `codes` (into `source`) as codes into `target`, written to `out` from `at`
 * (-1 stays -1); a value gets its code in `target` when first met, as `push` gives it. The loop ends
 * the function: V8 keeps it optimized from call to call.
 */
function recode(codes: Int32Array, from: number, to: number, source: Dictionary, target: Dictionary, out: Int32Array, at: number): void {
  const map = new Int32Array(source.values.length).fill(-1);
  for (let i = from; i < to; i++) {
    const code = codes[i];
    if (code !== -1 && map[code] === -1) map[code] = target.code(source.values[code]);
    out[at + i - from] = code === -1 ? -1 : map[code];
  }
}

/** Each rating's score (`valid` 0 where there is none), from rating codes (-1: none). */
function scoresOf(rating: Int32Array, n: number, values: Int8Array, valid: Uint8Array): void {
  const scores = Int8Array.from(RATINGS, (r) => RATING_SCORE[r]);
  for (let i = 0; i < n; i++) {
    if (rating[i] === -1) continue;
    values[i] = scores[rating[i]];
    valid[i] = 1;
  }
}

/** `RatingColumns` as plain data for `postMessage`: the columns cut to length, the dictionaries as lists. */
export interface RatingColumnsData {
  length: number;
  wards: string[];
  questions: string[];
  ward: Int32Array<ArrayBuffer>;
  fiscalYear: Int16Array<ArrayBuffer>;
  stage: Int32Array<ArrayBuffer>;
  questionNo: Int8Array<ArrayBuffer>;
  question: Int32Array<ArrayBuffer>;
  rater: Int32Array<ArrayBuffer>;
  rating: Int32Array<ArrayBuffer>;
  provenance: Int32Array<ArrayBuffer>;
  line: Int32Array<ArrayBuffer>;
}

/**
 * A file's ratings as typed columns instead of a record object per rating: a million records kept
 * alive through a load cost more in garbage collection than reading them, and the columns become
 * Arrow without another pass over strings. `at`/`toArray` give records back for the few places
 * (tests, the report importer) that want them.
 */
export class RatingColumns {
  length = 0;
  private wards = new Dictionary();
  private questions = new Dictionary();
  private ward = new Int32Array(1024);
  private fiscalYear = new Int16Array(1024);
  private stage = new Int32Array(1024);
  private questionNo = new Int8Array(1024);
  private question = new Int32Array(1024);
  private rater = new Int32Array(1024);
  /** -1 for not rated, else the index in `RATINGS`. */
  private rating = new Int32Array(1024);
  private provenance = new Int32Array(1024);
  private line = new Int32Array(1024);

  push(r: RatingRecord): void {
    if (this.length === this.line.length) this.reserve(1);
    const i = this.length++;
    this.ward[i] = this.wards.code(r.ward);
    this.fiscalYear[i] = r.fiscalYear;
    this.stage[i] = STAGES.indexOf(r.stage);
    this.questionNo[i] = r.questionNo;
    this.question[i] = r.question === null ? -1 : this.questions.code(r.question);
    this.rater[i] = RATERS.indexOf(r.rater);
    this.rating[i] = r.rating === null ? -1 : RATINGS.indexOf(r.rating);
    this.provenance[i] = PROVENANCES.indexOf(r.provenance);
    this.line[i] = r.line;
  }

  /** The columns as plain data (copies), to send to another worker. */
  toData(): RatingColumnsData {
    const n = this.length;
    return {
      length: n, wards: this.wards.values, questions: this.questions.values,
      ward: this.ward.slice(0, n), fiscalYear: this.fiscalYear.slice(0, n), stage: this.stage.slice(0, n), questionNo: this.questionNo.slice(0, n),
      question: this.question.slice(0, n), rater: this.rater.slice(0, n), rating: this.rating.slice(0, n), provenance: this.provenance.slice(0, n),
      line: this.line.slice(0, n),
    };
  }

  static fromData(data: RatingColumnsData): RatingColumns {
    const columns = new RatingColumns();
    columns.length = data.length;
    columns.wards = Dictionary.of(data.wards);
    columns.questions = Dictionary.of(data.questions);
    columns.ward = data.ward;
    columns.fiscalYear = data.fiscalYear;
    columns.stage = data.stage;
    columns.questionNo = data.questionNo;
    columns.question = data.question;
    columns.rater = data.rater;
    columns.rating = data.rating;
    columns.provenance = data.provenance;
    columns.line = data.line;
    return columns;
  }

  /** Appends ratings `from`–`to` of `source`, as `push` of each would (dictionaries in first-seen order). */
  appendRange(source: RatingColumns, from: number, to: number): void {
    const n = to - from;
    if (n <= 0) return;
    this.reserve(n);
    const at = this.length;
    recode(source.ward, from, to, source.wards, this.wards, this.ward, at);
    recode(source.question, from, to, source.questions, this.questions, this.question, at);
    this.fiscalYear.set(source.fiscalYear.subarray(from, to), at);
    this.stage.set(source.stage.subarray(from, to), at);
    this.questionNo.set(source.questionNo.subarray(from, to), at);
    this.rater.set(source.rater.subarray(from, to), at);
    this.rating.set(source.rating.subarray(from, to), at);
    this.provenance.set(source.provenance.subarray(from, to), at);
    this.line.set(source.line.subarray(from, to), at);
    this.length += n;
  }

  /** The rating at `i` as a record; undefined past the end, as an array's `at`. */
  at(i: number): RatingRecord | undefined {
    return i >= 0 && i < this.length ? this.record(i) : undefined;
  }

  toArray(): RatingRecord[] {
    return Array.from({ length: this.length }, (_, i) => this.record(i));
  }

  private record(i: number): RatingRecord {
    const rating = this.rating[i];
    const question = this.question[i];
    return {
      ward: this.wards.values[this.ward[i]], fiscalYear: this.fiscalYear[i], stage: STAGES[this.stage[i]], questionNo: this.questionNo[i],
      question: question === -1 ? null : this.questions.values[question], rater: RATERS[this.rater[i]],
      rating: rating === -1 ? null : RATINGS[rating], provenance: PROVENANCES[this.provenance[i]], line: this.line[i],
    };
  }

  /** Keeps the ratings `keep` accepts, in order. */
  retain(keep: (record: RatingRecord) => boolean): void {
    let kept = 0;
    for (let i = 0; i < this.length; i++) {
      if (!keep(this.record(i))) continue;
      for (const column of this.columns()) column[kept] = column[i];
      kept++;
    }
    this.length = kept;
  }

  /** The ratings table's column `name` (as `tables.ts` names it), or undefined for one held elsewhere. */
  column(name: string): TypedColumn | undefined {
    const n = this.length;
    const codes = (values: Int32Array, dictionary: readonly string[]): CodedColumn => ({ kind: 'codes', codes: values.subarray(0, n), dictionary });
    switch (name) {
      case 'ward': return codes(this.ward, this.wards.values);
      case 'fiscal_year': return { kind: 'numbers', values: this.fiscalYear.subarray(0, n), valid: null };
      case 'stage': return codes(this.stage, STAGES);
      case 'question_no': return { kind: 'numbers', values: this.questionNo.subarray(0, n), valid: null };
      case 'question': return codes(this.question, this.questions.values);
      case 'rater': return codes(this.rater, RATERS);
      case 'rating': return codes(this.rating, RATINGS);
      case 'score': {
        const values = new Int8Array(n);
        const valid = new Uint8Array(n);
        scoresOf(this.rating, n, values, valid);
        return { kind: 'numbers', values, valid };
      }
      case 'provenance': return codes(this.provenance, PROVENANCES);
      case 'line': return { kind: 'numbers', values: this.line.subarray(0, n), valid: null };
      default: return undefined;
    }
  }

  /**
   * The ratings counted per ward, fiscal year, stage, rater and provenance, as the `rating_groups`
   * table holds them (by column name, groups in first-seen order): `a`–`d` count scores 4–1, `unrated`
   * the ratings without one, `n` all. Counted where the file is read, so DuckDB appends a few rows
   * instead of aggregating every rating again.
   */
  groups(): Record<string, TypedColumn> {
    const n = this.length;
    const groupOf = new Int32Array(n);
    const firstRow: number[] = [];
    assignGroups({ ward: this.ward, fiscalYear: this.fiscalYear, stage: this.stage, rater: this.rater, provenance: this.provenance }, n, groupOf, firstRow);
    const groups = firstRow.length;
    // One count per level, in score order 4 (A) … 1 (D), then unrated and all.
    const counts = Array.from({ length: 6 }, () => new Int32Array(groups));
    countLevels(this.rating, n, groupOf, counts, Int32Array.from(RATINGS, (rating) => 4 - RATING_SCORE[rating]));
    // Each group's key columns: the ratings table's own (`column`), at the group's first rating (plain
    // loops: `from` with a map function is slow).
    const key = (name: string): TypedColumn => {
      const column = this.column(name)!;
      const from = column.kind === 'codes' ? column.codes : column.values;
      const values = new (from.constructor as new (length: number) => typeof from)(groups);
      for (let g = 0; g < groups; g++) values[g] = from[firstRow[g]];
      return column.kind === 'codes' ? { ...column, codes: values as Int32Array } : { kind: 'numbers', values, valid: null };
    };
    const number = (values: Int32Array): NumberColumn => ({ kind: 'numbers', values, valid: null });
    return {
      ward: key('ward'),
      fiscal_year: key('fiscal_year'),
      stage: key('stage'),
      rater: key('rater'),
      provenance: key('provenance'),
      a: number(counts[0]),
      b: number(counts[1]),
      c: number(counts[2]),
      d: number(counts[3]),
      unrated: number(counts[4]),
      n: number(counts[5]),
    };
  }

  private columns(): Array<Int32Array | Int16Array | Int8Array> {
    return [this.ward, this.fiscalYear, this.stage, this.questionNo, this.question, this.rater, this.rating, this.provenance, this.line];
  }

  /** Room for `extra` more ratings: capacity doubles (from 1024 at least; columns from `fromData` are cut to length). */
  private reserve(extra: number): void {
    let capacity = Math.max(1024, this.line.length);
    while (this.length + extra > capacity) capacity *= 2;
    if (capacity !== this.line.length) this.resize(capacity);
  }

  private resize(capacity: number): void {
    const grow = <T extends Int32Array | Int16Array | Int8Array>(array: T): T => {
      const bigger = new (array.constructor as new (n: number) => T)(capacity);
      bigger.set(array.subarray(0, this.length));
      return bigger;
    };
    this.ward = grow(this.ward);
    this.fiscalYear = grow(this.fiscalYear);
    this.stage = grow(this.stage);
    this.questionNo = grow(this.questionNo);
    this.question = grow(this.question);
    this.rater = grow(this.rater);
    this.rating = grow(this.rating);
    this.provenance = grow(this.provenance);
    this.line = grow(this.line);
  }
}
