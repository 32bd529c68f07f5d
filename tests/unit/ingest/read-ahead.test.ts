import { describe, expect, it } from 'vitest';
import { IngestCancelled, IngestSession, type IngestOptions } from '../../../src/lib/ingest/session.ts';
import { readAhead, READ_AHEAD_MIN_CHARS, type ReadAheadInput } from '../../../src/lib/ingest/read-ahead.ts';
import type { RatingColumns } from '../../../src/lib/ingest/rating-columns.ts';
import type { FileBatch, RatingRecord } from '../../../src/lib/ingest/types.ts';

const WARDS = ['鶴見区', '神奈川区', '西区', '中区', '南区', '港南区', '保土ケ谷区', '旭区', '磯子区', '金沢区', '港北区', '緑区', '青葉区', '都筑区', '戸塚区', '栄区', '泉区', '瀬谷区'];
const KEYS = (['planning', 'implementation', 'review'] as const).flatMap((stage, s) =>
  Array.from({ length: [6, 7, 3][s] }, (_, q) => ['ward', 'center', 'joint'].map((rater) => ({ stage, q: q + 1, rater }))).flat(),
);

/** Long ratings over every fiscal year, past the read-ahead size (later rows repeat earlier keys); `fault(i)` may replace row i's line. */
function longFile(rows: number, fault: (i: number, line: string) => string = (_, line) => line, header = 'ward,fiscal_year,stage,question_no,rater,rating'): string {
  const lines = [header];
  for (let i = 0; i < rows; i++) {
    const k = Math.floor(i / KEYS.length);
    const { stage, q, rater } = KEYS[i % KEYS.length];
    const line = `${WARDS[k % 18]},${1989 + (Math.floor(k / 18) % 111)},${stage},${q},${rater},${'ABCD'[(i * 7) % 4]}`;
    lines.push(fault(i, line));
  }
  return lines.join('\n') + '\n';
}

const encode = (text: string) => new TextEncoder().encode(text);

/**
 * Everything a file's load decides: counts, errors, conflicts, and the ratings the table ends with
 * (parts written while the file is read, then the batch, a later rating replacing an earlier one of
 * its key). Where the parts end may differ: a part is taken at a checkpoint, and the rows read ahead
 * reach the checkpoints only as they are replayed.
 */
async function load(files: Array<[string, string]>, withReadAhead: boolean) {
  const session = new IngestSession();
  const inputs: ReadAheadInput[] = [];
  const results: unknown[] = [];
  for (const [name, text] of files) {
    const parts: RatingRecord[][] = [];
    const options: IngestOptions = {
      checkpointEvery: 5000,
      ratingPartRows: 20000,
      onRatingsPart: (part: RatingColumns) => void parts.push(part.toArray()),
      readAhead: withReadAhead ? async (input) => (inputs.push(input), readAhead(structuredClone(input))) : undefined,
    };
    const batch: FileBatch = await session.ingestFile(name, encode(text), options);
    const table = new Map<string, RatingRecord>();
    for (const r of [...parts.flat(), ...batch.ratings.toArray()]) table.set(`${r.ward}|${r.fiscalYear}|${r.stage}|${r.questionNo}|${r.rater}`, r);
    results.push({ report: batch.report, conflicts: batch.conflictValues, table: [...table.values()], inParts: parts.length > 0 });
  }
  return { results, inputs };
}

describe('reading ahead', () => {
  const rows = Math.ceil(READ_AHEAD_MIN_CHARS / 30);

  it('names a blank ward on the first row read ahead as one pass does, from the row before the split', async () => {
    const plain = longFile(rows);
    const { inputs } = await load([['long.csv', plain]], true);
    const first = inputs[0].line;
    // The ward blanked with spaces of its length, so the split stays where it was.
    const text = longFile(rows, (i, line) => (i === first - 2 ? line.replace(/^[^,]+/, (ward) => ' '.repeat(ward.length)) : line));
    const one = await load([['long.csv', text]], false);
    const ahead = await load([['long.csv', text]], true);
    expect(ahead.inputs[0].line).toBe(first);
    const errors = (r: (typeof one.results)[number]) => (r as { report: FileBatch['report'] }).report.errors.map((e) => [e.line, e.code]);
    expect(errors(one.results[0])).toEqual([[first, 'blank_as_above']]);
    expect(errors(ahead.results[0])).toEqual(errors(one.results[0]));
  });

  it('does not read ahead a file whose stage is given by heading rows (a row read elsewhere would not know its stage)', async () => {
    const lines = ['ward,fiscal_year,question_no,rater,rating'];
    let headings = 0;
    for (let i = 0; lines.length <= rows * 2; i++, headings++) {
      lines.push(['事業計画段階', '事業実施段階', '事業の振り返り段階'][i % 3]);
      for (let q = 1; q <= [6, 7, 3][i % 3]; q++) for (const rater of ['区', '拠点', '相互']) lines.push(`${WARDS[Math.floor(i / 3) % 18]},${1989 + (Math.floor(i / 54) % 111)},${q},${rater},${'ABCD'[(i + q) % 4]}`);
    }
    const text = lines.join('\n') + '\n';
    const one = await load([['headed.csv', text]], false);
    const ahead = await load([['headed.csv', text]], true);
    expect(ahead.inputs).toEqual([]);
    expect(ahead.results).toEqual(one.results);
    const loaded = one.results[0] as { report: FileBatch['report']; table: RatingRecord[] };
    expect(loaded.report).toMatchObject({ kind: 'ratings_long', rowsRead: lines.length - 1 - headings, rowsLoaded: lines.length - 1 - headings, rowsRejected: 0 });
    expect(new Set(loaded.table.map((r) => r.stage))).toEqual(new Set(['planning', 'implementation', 'review']));
  });

  it('checks a second year column in the rows read ahead as one pass does', async () => {
    const late = rows - 10;
    const twoYears = (i: number, line: string) => line.replace(/^([^,]+),(\d+),/, (_, ward, year) => `${ward},${year},FY${i === late - 2 || i === 3 ? Number(year) + 1 : year},`);
    const text = longFile(rows, twoYears, 'ward,年度（西暦）,年度（FY）,stage,question_no,rater,rating');
    const one = await load([['two years.csv', text]], false);
    const ahead = await load([['two years.csv', text]], true);
    expect(ahead.inputs[0].line).toBeLessThan(late);
    const errors = (r: (typeof one.results)[number]) => (r as { report: FileBatch['report'] }).report.errors.map((e) => [e.line, e.column, e.code]);
    expect(errors(one.results[0])).toEqual([[5, '年度（FY）', 'fiscal_years_disagree'], [late, '年度（FY）', 'fiscal_years_disagree']]);
    expect(errors(ahead.results[0])).toEqual(errors(one.results[0]));
  });

  it('reads on by a header row placing the columns otherwise or adding one, found before the split or in the rows read ahead, as one pass does', async () => {
    const { inputs } = await load([['long.csv', longFile(rows)]], true);
    const split = inputs[0].line;
    // Files joined end to end, the second with 評価者 and 評価 swapped, or with a column of notes added, its rows written so.
    const swapped = { header: 'ward,fiscal_year,stage,question_no,rating,rater,memo', row: (line: string) => line.replace(/,([^,]+),([^,]+)$/, ',$2,$1,') };
    const wider = { header: 'ward,fiscal_year,stage,question_no,rater,rating,memo', row: (line: string) => `${line},済` };
    for (const [at, later] of [[Math.floor(split / 2), swapped], [split + 100, swapped], [Math.floor(split / 2), wider], [split + 100, wider]] as const) {
      const text = longFile(rows, (i, line) => (i === at - 2 ? later.header : i > at - 2 ? later.row(line) : line));
      type Loaded = { report: FileBatch['report']; table: RatingRecord[] };
      const loads: Loaded[] = [];
      for (const withReadAhead of [false, true]) {
        const { results } = await load([['joined.csv', text]], withReadAhead);
        const loaded = results[0] as Loaded;
        expect(loaded.report.fileError, `${at} ${withReadAhead}`).toBeNull();
        expect(loaded.report, `${at} ${withReadAhead}`).toMatchObject({ rowsRead: rows, rowsRejected: 1 });
        expect(loaded.report.errors.map((e) => [e.line, e.code])).toEqual([[at, 'header_row']]);
        expect([loaded.report.ignoredColumns, loaded.report.ignoredColumnsTotal], `${at} ${withReadAhead}`).toEqual([['memo'], 1]);
        loads.push(loaded);
      }
      const ratings = (l: Loaded) => l.table.map((r) => `${r.ward} ${r.fiscalYear} ${r.stage} ${r.questionNo} ${r.rater} ${r.rating} ${r.line}`);
      // The same ratings as the file written in one order throughout (the header's line left blank).
      const plain = (await load([['plain.csv', longFile(rows, (i, line) => (i === at - 2 ? '' : line))]], false)).results[0] as Loaded;
      expect(ratings(loads[0])).toEqual(ratings(plain));
      expect(ratings(loads[1])).toEqual(ratings(plain));
      expect(loads[1].report.rowsLoaded).toBe(loads[0].report.rowsLoaded);
    }
  });

  it('gives the same load as one pass: counts, errors in line order, duplicates and conflicts across the split, parts', async () => {
    const split = Math.floor(rows * 0.4);
    const faults = (i: number, line: string) => {
      if (i % 9973 === 5) return line.replace(/^[^,]+/, '鶴見');                 // an alias: still loaded
      if (i % 7919 === 3) return line.replace(/,[ABCD]$/, ',E');               // an invalid rating
      if (i % 15013 === 1) return line.replace(/^[^,]+/, '火星区');             // an unknown ward
      if (i % 20011 === 7) return '';                                            // a blank line
      if (i % 30011 === 9) return `${line},extra`;                              // a cell too many
      if (i === split + 3 || i === split + 200) return longFileLine(0);          // duplicates of row 0, after the split
      if (i === split + 5) return longFileLine(1).replace(/,[ABCD]$/, ',A');     // a conflict with row 1 (D)
      return line;
    };
    const text = longFile(rows, faults);
    const one = await load([['long.csv', text]], false);
    const ahead = await load([['long.csv', text]], true);
    expect(ahead.inputs).toHaveLength(1);
    expect(ahead.inputs[0].line).toBeGreaterThan(split * 0.9);
    expect(ahead.results).toEqual(one.results);
    const report = (one.results[0] as { report: FileBatch['report'] }).report;
    expect(report.rowsDuplicate).toBeGreaterThanOrEqual(2);
    expect(report.rowsRejected).toBeGreaterThan(10);
    expect((one.results[0] as { conflicts: unknown[] }).conflicts.length).toBeGreaterThan(0);
  });

  it('judges the part read ahead against earlier files too, wide files, unrated and sample ratings', async () => {
    // A registry of 300 units: every key of these files is new unless a file repeats it on purpose.
    const units = Array.from({ length: 300 }, (_, w) => `W${String(w).padStart(3, '0')}区`);
    const registry = ['code,name,name_en,city', ...units.map((name, w) => `${30001 + w},${name},W${w},Test`)].join('\n');
    const rowOf = (i: number) => {
      const k = Math.floor(i / KEYS.length);
      const { stage, q, rater } = KEYS[i % KEYS.length];
      return `${units[k % 300]},${1989 + Math.floor(k / 300)},${stage},${q},${rater},${i % 50 === 0 ? '' : 'ABCD'[i % 4]}`;
    };
    const first = ['ward,fiscal_year,stage,question_no,rater,rating', ...Array.from({ length: 2000 }, (_, i) => rowOf(rows - 1000 + i))].join('\n');
    const long = ['ward,fiscal_year,stage,question_no,rater,rating', ...Array.from({ length: rows }, (_, i) => rowOf(i))].join('\n');
    // Wide, some of it sample data that a later file replaces with real ratings.
    const wide = ['ward,fiscal_year,stage,question_no,ward_rating,center_rating,joint_rating,provenance'];
    for (let i = 0; i < rows * 1.2; i++) {
      const { stage, q } = KEYS[(Math.floor(i / 300) % 16) * 3];
      wide.push(`${units[i % 300]},${1989 + Math.floor(i / 4800)},${stage},${q},A,${i % 50 === 0 ? '' : 'B'},C,${i % 7 === 0 ? 'sample' : ''}`);
    }
    const real = ['ward,fiscal_year,stage,question_no,ward_rating,center_rating,joint_rating', ...wide.slice(-300).map((row) => row.replace(/,[a-z]*$/, ''))];
    const files: Array<[string, string]> = [['units.csv', registry], ['first.csv', first], ['long.csv', long], ['wide.csv', wide.join('\n')], ['real.csv', real.join('\n')]];
    const one = await load(files, false);
    const ahead = await load(files, true);
    expect(ahead.inputs.map((input) => input.kind)).toEqual(['ratings_long', 'ratings_wide']);
    expect(ahead.results).toEqual(one.results);
    const reports = (one.results as Array<{ report: FileBatch['report'] }>).map((r) => r.report);
    expect(reports[2].rowsDuplicate).toBe(1000);
    expect(reports[2].notRated).toBeGreaterThan(1000);
    expect(reports[3].notRated).toBeGreaterThan(1000);
    expect(reports[4].sampleReplaced).toBeGreaterThan(0);
  });

  it('a file cancelled while the part read ahead is replayed leaves the session as it was', async () => {
    const text = longFile(rows);
    const withReadAhead: IngestOptions = { checkpointEvery: 5000, readAhead: async (input) => readAhead(input) };
    const session = new IngestSession();
    let replaying = false;
    const cancelled = session.ingestFile('long.csv', encode(text), {
      ...withReadAhead,
      // Past the session's own rows (40 %), the rows read ahead are being replayed.
      checkpoint: async (rowsDone) => {
        replaying = rowsDone === rows;
        if (replaying) throw new IngestCancelled();
      },
    });
    await expect(cancelled).rejects.toBeInstanceOf(IngestCancelled);
    expect(replaying).toBe(true);
    const again = await session.ingestFile('long.csv', encode(text), withReadAhead);
    const fresh = await new IngestSession().ingestFile('long.csv', encode(text), withReadAhead);
    expect(again.report).toEqual(fresh.report);
  });

  it('reports progress that only grows, through the replay to the end', async () => {
    const fractions: number[] = [];
    await new IngestSession().ingestFile('long.csv', encode(longFile(rows)), {
      checkpointEvery: 5000,
      readAhead: async (input) => readAhead(input),
      checkpoint: async (_, fraction) => void fractions.push(fraction),
    });
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.filter((f) => f > 0.45 && f < 1).length).toBeGreaterThan(5);
    expect(fractions.at(-1)).toBe(1);
  });

  it('hears a cancel while the other worker is still reading', async () => {
    const session = new IngestSession();
    let waited = 0;
    const cancelled = session.ingestFile('long.csv', encode(longFile(rows)), {
      checkpointEvery: 5000,
      // The other worker never answers; the session's own rows are read by then.
      readAhead: () => new Promise(() => {}),
      checkpoint: async (rowsDone) => {
        if (rowsDone > rows * 0.35 && ++waited > 3) throw new IngestCancelled();
      },
    });
    await expect(cancelled).rejects.toBeInstanceOf(IngestCancelled);
    expect((await session.ingestFile('long.csv', encode(longFile(rows)))).report.rowsLoaded).toBeGreaterThan(90_000);
  });

  it("a cancel while its own rows are read leaves the stopped reader's failure unheard (no unhandled rejection)", async () => {
    const unhandled: unknown[] = [];
    const listen = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', listen);
    try {
      let stopReader!: () => void;
      const cancelled = new IngestSession().ingestFile('long.csv', encode(longFile(rows)), {
        checkpointEvery: 5000,
        // The worker reading the rest is stopped when the load is cancelled: its read fails.
        readAhead: () => new Promise((_, reject) => (stopReader = () => reject(new IngestCancelled()))),
        checkpoint: async () => {
          throw new IngestCancelled();
        },
      });
      await expect(cancelled).rejects.toBeInstanceOf(IngestCancelled);
      stopReader();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', listen);
    }
  });

  it('reads small files, and files with quotes, in one pass', async () => {
    const quoted = longFile(rows, (i, line) => (i === rows - 1 ? line.replace(/^[^,]+/, (ward) => `"${ward}"`) : line));
    const ahead = await load([['small.csv', longFile(1000)], ['quoted.csv', quoted]], true);
    expect(ahead.inputs).toHaveLength(0);
  });
});

/** Row i's line of `longFile` as written, unfaulted. */
function longFileLine(i: number): string {
  return longFile(i + 1).trimEnd().split('\n')[i + 1];
}
