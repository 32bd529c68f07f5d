import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = new URL('../../../', import.meta.url).pathname;
const fixture = (name: string) => join(root, 'tests/fixtures', name);

/** Runs `npm run validate`'s script as a user would (no npm banner), returning exit code and output. */
async function validate(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'scripts/validate.ts', ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run validate', () => {
  it('--json prints exactly one JSON object in the published shape, and exits 0 when all rows load', async () => {
    const { code, stdout } = await validate('--json', fixture('conflict_a.csv'), fixture('conflict_b.csv'));
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(Object.keys(report)).toEqual(['files', 'conflicts', 'textConflicts', 'totals']);
    expect(report.files[1]).toMatchObject({
      file: fixture('conflict_b.csv'), kind: 'ratings_long', encoding: 'utf-8', rowsRead: 2, rowsLoaded: 1, rowsDuplicate: 1,
      rowsRejected: 0, notRated: 0, records: { ratings: 1, narratives: 0, centers: 0 }, fileError: null, errors: [],
    });
    expect(report.conflicts).toEqual([
      {
        ward: '西区', fiscalYear: 2024, stage: 'review', questionNo: 1, rater: 'ward',
        values: [
          { file: fixture('conflict_a.csv'), line: 2, rating: 'A' },
          { file: fixture('conflict_b.csv'), line: 2, rating: 'C' },
        ],
      },
    ]);
    expect(report.totals).toEqual({
      ratings: 2, narratives: 0, centers: 0, wards: ['西区'], fiscalYears: [2024], ratingCounts: { A: 0, B: 1, C: 1, D: 0, unrated: 0 },
    });
  });

  it('exits 1 with each rejected row named by line, column, value and reason', async () => {
    const { code, stdout } = await validate('--json', fixture('bad_rows.csv'));
    expect(code).toBe(1);
    const errors = JSON.parse(stdout).files[0].errors;
    expect(errors[0]).toEqual({ line: 3, column: 'ward', value: '鶴身区', reason: '区が見つかりません。「鶴見区」のことですか？', code: 'unknown_ward' });
    expect(errors).toHaveLength(4);
  });

  it('prints a readable summary in Japanese, or in English with --lang en', async () => {
    const ja = await validate(fixture('bad_rows.csv'));
    expect(ja.stdout).toContain('読んだ行 6 = 読み込み 2 + 重複 0 + 不採用 4');
    expect(ja.stdout).toContain('✗ 3行目「ward」列: "鶴身区" — 区が見つかりません。「鶴見区」のことですか？');
    const en = await validate('--lang', 'en', fixture('bad_rows.csv'));
    expect(en.stdout).toContain('rows read 6 = loaded 2 + duplicates 0 + rejected 4');
    expect(en.stdout).toContain('Did you mean “鶴見区”?');
  });

  it('exits 1 for an unreadable or unrecognisable file, naming the headers found', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'validate-'));
    writeFileSync(join(dir, 'names.csv'), '名前,点数\n太郎,1\n');
    const { code, stdout } = await validate('--json', join(dir, 'names.csv'), join(dir, 'missing.csv'));
    expect(code).toBe(1);
    const files = JSON.parse(stdout).files;
    expect(files[0].fileError).toContain('見つかった見出し: 名前、点数');
    expect(files[0]).toMatchObject({ rowsRead: 1, rowsRejected: 1 });
    expect(files[1].fileError).toBe('ファイルを開けません（ファイルが見つかりません）');
  });

  it('exits 2 on usage errors', async () => {
    expect((await validate()).code).toBe(2);
    expect((await validate('--frobnicate', 'x.csv')).code).toBe(2);
  });
});

describe('npm run validate on the bundled data', () => {
  it('loads every row of data/ with none rejected, real and sample together', async () => {
    const { readdirSync } = await import('node:fs');
    const files = readdirSync(join(root, 'data')).filter((f) => f.endsWith('.csv')).map((f) => join(root, 'data', f));
    const { code, stdout } = await validate('--json', ...files);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.files.every((f: { rowsRejected: number; fileError: unknown }) => f.rowsRejected === 0 && f.fileError === null)).toBe(true);
    expect(report.totals.wards).toHaveLength(18);
    expect(report.totals.fiscalYears).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    expect(report.conflicts).toEqual([]);
  });

  it('reads the published report itself as kind "report"', async () => {
    const { code, stdout } = await validate('--json', fixture('report_seed.txt'));
    expect(code).toBe(0);
    expect(JSON.parse(stdout).files[0]).toMatchObject({ kind: 'report', rowsRead: 43, rowsRejected: 0, records: { ratings: 48, narratives: 26, centers: 1 } });
  });
});
