import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { fixture, root, runScript } from '../scripts/run-script.ts';
import { tempDir } from '../temp-dir.ts';

const run = promisify(execFile);
const validate = (...args: string[]) => runScript('validate.ts', ...args);

describe('npm run validate', () => {
  it('--json prints exactly one JSON object in the published shape, and exits 0 when all rows load', async () => {
    const { code, stdout } = await validate('--json', fixture('conflict_a.csv'), fixture('conflict_b.csv'));
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(Object.keys(report)).toEqual(['files', 'skippedFiles', 'conflicts', 'textConflicts', 'totals']);
    expect(report.skippedFiles).toEqual([]);
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

  it('names a workbook\'s hidden sheets, which it does not read, in the summary and the JSON', async () => {
    const workbook = join(root, 'tests/fixtures/workbook/workbook.xlsx');
    expect((await validate(workbook)).stdout).toContain('  非表示のシート（読みませんでした）: リスト\n');
    const files = JSON.parse((await validate('--json', workbook)).stdout).files;
    expect(files.map((f: { file: string; hiddenSheets: string[] }) => [f.file, f.hiddenSheets])).toEqual([
      [`${workbook} [評価]`, ['リスト']],
      [`${workbook} [取組]`, []],
      [`${workbook} [拠点]`, []],
    ]);
  });

  it('reads a compressed folder as its files, naming the ones that are not data', async () => {
    const archive = join(root, 'tests/fixtures/archive/folder.zip');
    const { code, stdout } = await validate('--json', archive);
    // The CSV in it has a bad rating: exit 1, as for the file alone.
    expect(code).toBe(1);
    const files = JSON.parse(stdout).files as Array<{ file: string; kind: string; skippedEntries: string[] }>;
    expect(files.map((f) => [f.file.slice(archive.length), f.kind])).toEqual([
      ['/令和7年度/報告書.pdf', 'unknown'],
      ['/令和7年度/報告書.txt', 'report'],
      ['/令和7年度/西区.xlsx [評価]', 'ratings_wide'],
      ['/令和7年度/西区.xlsx [取組]', 'narratives'],
      ['/令和7年度/西区.xlsx [拠点]', 'centers'],
      ['/令和7年度/鶴見区_評価.csv', 'ratings_long'],
    ]);
    expect(files[0].skippedEntries).toEqual(['令和7年度/古い版.zip']);
  });

  it('reads a folder as the app reads a chosen one: its data files in path order, the others named', async () => {
    const dir = tempDir('validate-folder-');
    mkdirSync(join(dir, '令和7年度'));
    writeFileSync(join(dir, '令和7年度', '鶴見区.csv'), readFileSync(join(root, 'data/real_tsurumi_2025_ratings.csv')));
    writeFileSync(join(dir, '令和7年度', '~$西区.xls'), 'owner');
    writeFileSync(join(dir, '令和7年度', 'logo.png'), 'png');
    writeFileSync(join(dir, '西区.xls'), readFileSync(join(root, 'tests/fixtures/workbook/xls/workbook.xls')));
    const { code, stdout } = await validate('--json', dir);
    // The workbook's bad rating: exit 1, as for the file alone.
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { files: Array<{ file: string; kind: string }>; skippedFiles: string[] };
    expect(report.files.map((f) => [f.file.slice(dir.length), f.kind])).toEqual([
      ['/令和7年度/鶴見区.csv', 'ratings_long'],
      ['/西区.xls [評価]', 'ratings_wide'],
      ['/西区.xls [取組]', 'narratives'],
      ['/西区.xls [拠点]', 'centers'],
    ]);
    expect(report.skippedFiles.map((f) => f.slice(dir.length))).toEqual(['/令和7年度/logo.png', '/令和7年度/~$西区.xls']);
    const text = await validate(dir);
    expect(text.stdout).toContain(`■ フォルダ内のデータではないため読まなかったファイル: ${join(dir, '令和7年度', 'logo.png')}、${join(dir, '令和7年度', '~$西区.xls')}`);
  });

  it('exits 1 for an unreadable or unrecognisable file, naming the headers found', async () => {
    const dir = tempDir('validate-');
    writeFileSync(join(dir, 'names.csv'), '名前,点数\n太郎,1\n');
    const { code, stdout } = await validate('--json', join(dir, 'names.csv'), join(dir, 'missing.csv'));
    expect(code).toBe(1);
    const files = JSON.parse(stdout).files;
    expect(files[0].fileError).toContain('見つかった見出し: 名前、点数');
    expect(files[0]).toMatchObject({ rowsRead: 1, rowsRejected: 1 });
    expect(files[1].fileError).toBe('ファイルを開けません（ファイルが見つかりません）');
  });

  it('exits 2 on usage errors, naming the languages it speaks; --help prints the usage and exits 0', async () => {
    expect((await validate()).code).toBe(2);
    expect((await validate('--frobnicate', 'x.csv')).code).toBe(2);
    const fr = await validate('--lang', 'fr', fixture('conflict_a.csv'));
    expect(fr.code).toBe(2);
    expect(fr.stderr).toContain('"fr" is not a language this tool speaks; use ja or en');
    const help = await validate('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--errors-csv FILE');
    expect(help.stderr).toBe('');
  });

  it('npm run validate -- --json prints JSON only (no npm banner), so > out.json is a JSON file', async () => {
    const { stdout } = await run('npm', ['run', 'validate', '--', '--json', fixture('conflict_a.csv')], { cwd: root });
    expect(stdout.trimStart()[0]).toBe('{');
    expect(JSON.parse(stdout).files[0].rowsLoaded).toBe(2);
  });

  it('English output is English: counts agree in number, file errors are not in Japanese', async () => {
    const dir = tempDir('validate-');
    writeFileSync(join(dir, 'memo.txt'), 'これはメモです。\n来週までに集計する。\n');
    const { stdout } = await validate('--lang', 'en', fixture('conflict_a.csv'), join(dir, 'memo.txt'), join(dir, 'nowhere.csv'));
    expect(stdout).toContain('2 ratings, 0 narratives, 0 centers');
    expect(stdout).toContain('1 ward, year 2024');
    expect(stdout).toContain('Not loaded: Neither a CSV with a header row nor a published evaluation report');
    expect(stdout).toContain('Cannot open the file (no such file)');
    expect(stdout).not.toMatch(/wards|ENOENT|必要|見つかった|ファイル/);
  });

  it('--errors-csv writes every rejected cell, past the 10,000 the report lists, as UTF-8 CSV with a BOM', async () => {
    const dir = tempDir('validate-');
    const rows = 'ward,fiscal_year,stage,question_no,rater,rating\n' + '新宿区,2024,1,1,区,Z\n'.repeat(6_000);
    writeFileSync(join(dir, 'bad.csv'), rows);
    const { code, stdout } = await validate('--json', '--errors-csv', join(dir, 'errors.csv'), join(dir, 'bad.csv'));
    expect(code).toBe(1);
    const [file] = JSON.parse(stdout).files;
    expect(file).toMatchObject({ rowsRead: 6_000, rowsRejected: 6_000, errorCount: 12_000 });
    expect(file.errors).toHaveLength(10_000);
    expect(file.errorSummary.map((e: { code: string; count: number }) => [e.code, e.count])).toEqual([['unknown_ward', 6_000], ['invalid_rating', 6_000]]);
    const csv = readFileSync(join(dir, 'errors.csv'), 'utf8');
    expect(csv.startsWith('\ufefffile,line,column,value,reason_code,reason\n')).toBe(true);
    const lines = csv.trimEnd().split('\n');
    expect(lines).toHaveLength(12_001);
    expect(lines.at(-1)).toBe(`${join(dir, 'bad.csv')},6001,rating,Z,invalid_rating,評価が読めません（A・B・C・D、未評価は空欄か「-」）`);
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
    expect(JSON.parse(stdout).files[0]).toMatchObject({
      kind: 'report', report: { ward: '鶴見区', fiscalYear: 2025 }, rowsRead: 43, rowsRejected: 0, records: { ratings: 48, narratives: 26, centers: 1 },
    });
  });

  it('reads a text of two reports as two files, each with its own ward, year and rows', async () => {
    const dir = tempDir('validate-');
    const seed = readFileSync(fixture('report_seed.txt'), 'utf8');
    const two = join(dir, 'two.txt');
    writeFileSync(two, `${seed}\n${seed.replace('鶴見区地域子育て支援拠点事業', '西区地域子育て支援拠点事業')}`);
    const { code, stdout } = await validate('--json', two);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.files.map((f: { file: string; report: unknown; rowsRead: number }) => [f.file, f.report, f.rowsRead])).toEqual([
      [`${two} #1`, { ward: '鶴見区', fiscalYear: 2025 }, 43],
      [`${two} #2`, { ward: '西区', fiscalYear: 2025 }, 43],
    ]);
    expect(report.totals).toMatchObject({ ratings: 96, narratives: 52, centers: 2, wards: ['鶴見区', '西区'] });
  });
});
