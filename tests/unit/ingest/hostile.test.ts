import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IngestSession } from '../../../src/lib/ingest/session.ts';
import { fileErrorText } from '../../../src/lib/i18n/messages.ts';
import { EXPECTED } from '../../fixtures/hostile/expected.ts';

const dir = new URL('../../fixtures/hostile/', import.meta.url);
const read = (name: string) => new Uint8Array(readFileSync(new URL(name, dir)));
const ingest = (name: string) => new IngestSession().ingestFile(name, read(name));

describe('hostile files (tests/fixtures/hostile): counts and reasons as written in expected.ts', () => {
  it('every file in the folder has its expectation', () => {
    const files = readdirSync(dir).filter((f) => !f.endsWith('.ts'));
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s', async (name, expected) => {
    const { report } = await ingest(name);
    expect(report).toMatchObject({
      kind: expected.kind, encoding: expected.encoding, rowsRead: expected.rowsRead, rowsLoaded: expected.rowsLoaded,
      rowsDuplicate: expected.rowsDuplicate ?? 0, rowsRejected: expected.rowsRejected,
    });
    expect(report.rowsLoaded + report.rowsDuplicate + report.rowsRejected).toBe(report.rowsRead);
    expect(report.fileError?.code ?? null).toBe(expected.fileError ?? null);
    expect(report.errors.map((e) => [e.line, e.code, e.column])).toEqual(expected.errors ?? []);
    if (expected.delimiter) expect(report.delimiter).toBe(expected.delimiter);
    expect(report.skippedLines.map((s) => s.line)).toEqual(expected.skippedLines ?? []);
  });
});

describe('hostile files: what loads is what was written', () => {
  it('half-width kana in CP932 are stored as written, not as Latin-1 mojibake', async () => {
    expect((await ingest('cp932_halfwidth.csv')).centers[0].operator).toBe('ﾂｱﾃｽ');
  });

  it('EUC-JP and UTF-16 text decode to the same Japanese', async () => {
    expect((await ingest('euc_jp.csv')).narratives.map((n) => n.text)).toEqual(['父親の育児参加を進める', 'ピアサポートの場ができた']);
    expect((await ingest('utf16_excel_unicode.txt')).ratings.toArray().map((r) => [r.ward, r.questionNo, r.rater, r.rating])).toEqual([
      ['中区', 1, 'center', 'B'],
      ['中区', 2, 'center', 'C'],
    ]);
  });

  it('a narrative mentioning <div> and <h1> is a CSV row, stored as text', async () => {
    expect((await ingest('html_in_narrative.csv')).narratives.map((n) => n.text)).toEqual(['広報紙の<div>枠で告知した', '<h1>見出し</h1>のように目立たせた']);
  });

  it('doubled quotes and a quoted line break are kept; the rows around a broken quote load', async () => {
    expect((await ingest('unterminated_quote.csv')).narratives.map((n) => n.text)).toEqual(['相談件数が増えた', 'ひろばで "ピア" の会を開いた']);
    expect((await ingest('cr_only_quoted.csv')).narratives[0].text).toBe('一行目\n二行目');
  });

  it('a registry naming a ward twice is refused with both lines, and the registry in force stays', async () => {
    const session = new IngestSession();
    const batch = await session.ingestFile('wards.csv', read('registry_duplicate_name.csv'));
    expect(batch.report.fileError).toEqual({ code: 'registry_duplicate', params: { field: 'name', value: '鶴見区', lines: ['2', '4'] } });
    expect(batch.wards).toBeNull();
    expect(session.registry.isDefault).toBe(true);
    expect(fileErrorText('en', 'registry_duplicate', batch.report.fileError!.params)).toBe(
      'The wards registry names the same ward name “鶴見区” twice (lines 2, 4); the registry was not loaded',
    );
  });

  it('a wide header with 区 (a rating) but no ward name says to add 区名, not 区', async () => {
    const { report } = await ingest('wide_missing_ward_name.csv');
    const message = fileErrorText('ja', 'missing_columns', report.fileError!.params);
    expect(message).toContain('見出しが足りません: ward / 区名 / ward_name');
    expect(message).toContain('「区」列は区の評価です');
    expect(fileErrorText('en', 'missing_columns', report.fileError!.params)).not.toMatch(/add 区\b/);
  });
});
