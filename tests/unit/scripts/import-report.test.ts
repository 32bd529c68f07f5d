import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runScript } from './run-script.ts';
import { tempDir } from '../temp-dir.ts';

const importReport = (...args: string[]) => runScript('import-report.ts', ...args);

describe('npm run import-report', () => {
  it('writes the three CSVs of a report, several reports at once', async () => {
    const out = tempDir('import-');
    const nishi = join(out, 'nishi.txt');
    writeFileSync(nishi, readFileSync(fixture('report_seed.txt'), 'utf8').replace('鶴見区地域子育て支援拠点事業', '西区地域子育て支援拠点事業'));
    const { code } = await importReport('--out', out, fixture('report_seed.txt'), nishi);
    expect(code).toBe(0);
    expect(readdirSync(out).filter((f) => f.endsWith('.csv')).sort()).toEqual([
      'real_nishi_2025_centers.csv', 'real_nishi_2025_narratives.csv', 'real_nishi_2025_ratings.csv',
      'real_tsurumi_2025_centers.csv', 'real_tsurumi_2025_narratives.csv', 'real_tsurumi_2025_ratings.csv',
    ]);
    expect(readFileSync(join(out, 'real_tsurumi_2025_ratings.csv'), 'utf8').trimEnd().split('\n')).toHaveLength(49);
  });

  it('writes a set of CSVs per report of a text that holds several (a year’s reports copied together)', async () => {
    const out = tempDir('import-');
    const seed = readFileSync(fixture('report_seed.txt'), 'utf8');
    const both = join(out, 'both.txt');
    writeFileSync(both, `${seed}\n${seed.replace('鶴見区地域子育て支援拠点事業', '西区地域子育て支援拠点事業')}`);
    const { code, stdout } = await importReport('--out', out, both);
    expect(code).toBe(0);
    expect(stdout).toContain(`${both} #2 → ${join(out, 'real_nishi_2025_ratings.csv')}`);
    expect(readdirSync(out).filter((f) => f.endsWith('.csv')).sort()).toEqual([
      'real_nishi_2025_centers.csv', 'real_nishi_2025_narratives.csv', 'real_nishi_2025_ratings.csv',
      'real_tsurumi_2025_centers.csv', 'real_tsurumi_2025_narratives.csv', 'real_tsurumi_2025_ratings.csv',
    ]);
    expect(readFileSync(join(out, 'real_nishi_2025_ratings.csv'), 'utf8').trimEnd().split('\n')).toHaveLength(49);
  });

  it('writes from a report’s PDF the same CSVs as from the Word document it was saved from', async () => {
    const out = tempDir('import-');
    expect((await importReport('--out', out, '--prefix', 'pdf', fixture('reports/pdf/report-writer.pdf'))).code).toBe(0);
    expect((await importReport('--out', out, '--prefix', 'word', fixture('reports/word/report.docx'))).code).toBe(0);
    for (const part of ['ratings', 'narratives', 'centers']) {
      const fromPdf = readFileSync(join(out, `pdf_konan_2019_${part}.csv`), 'utf8');
      expect(fromPdf.trimEnd().split('\n').length).toBeGreaterThan(1);
      expect(fromPdf).toBe(readFileSync(join(out, `word_konan_2019_${part}.csv`), 'utf8'));
    }
  });

  it('never overwrites an existing file without --force, and writes nothing of that report', async () => {
    const out = tempDir('import-');
    writeFileSync(join(out, 'real_tsurumi_2025_ratings.csv'), 'kept\n');
    const refused = await importReport('--out', out, fixture('report_seed.txt'));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('既にあるファイルは上書きしません（上書きするには --force）');
    expect(readFileSync(join(out, 'real_tsurumi_2025_ratings.csv'), 'utf8')).toBe('kept\n');
    expect(existsSync(join(out, 'real_tsurumi_2025_narratives.csv'))).toBe(false);
    const forced = await importReport('--force', '--out', out, fixture('report_seed.txt'));
    expect(forced.code).toBe(0);
    expect(readFileSync(join(out, 'real_tsurumi_2025_ratings.csv'), 'utf8')).toContain('鶴見区,2025,planning,1,');
  });

  it('writes no file for a part the report lacks (no header-only ratings file)', async () => {
    const out = tempDir('import-');
    const { stderr } = await importReport('--out', out, fixture('report_no_ratings.txt'));
    expect(readdirSync(out).sort()).toEqual(['real_tsurumi_2025_centers.csv', 'real_tsurumi_2025_narratives.csv']);
    expect(stderr).toContain('見つからない部分');
  });

  it('refuses a CSV, names a missing file plainly (no stack trace), and prints its usage on --help', async () => {
    const out = tempDir('import-');
    const csv = await importReport('--out', out, fixture('conflict_a.csv'), join(out, 'missing.txt'));
    expect(csv.code).toBe(1);
    expect(csv.stderr).toContain('報告書ではありません（CSV: ratings_long）');
    expect(csv.stderr).toContain('ファイルを開けません（ファイルが見つかりません）');
    expect(csv.stderr).not.toMatch(/\bat \S+ \(|ENOENT/);
    expect(readdirSync(out)).toEqual([]);
    const help = await importReport('--help');
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toContain('--force');
    expect((await importReport()).code).toBe(2);
  });
});
