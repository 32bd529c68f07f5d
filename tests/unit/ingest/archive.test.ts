import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IngestSession } from '../../../src/lib/ingest/session.ts';
import { zip } from '../../fixtures/workbook/build.ts';
import { expectDamageAccountedFor } from './damaged-files.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url)));
const LONG = 'ward,fiscal_year,stage,question_no,rater,rating\n鶴見区,2025,planning,1,ward,A\n';

/** Sets the general purpose flags of the central directory's `k`th entry (bit 0: encrypted). */
function withFlags(bytes: Uint8Array, k: number, flags: number): Uint8Array {
  const out = bytes.slice();
  let seen = 0;
  for (let at = 0; at + 4 <= out.length; at++) {
    if (out[at] === 0x50 && out[at + 1] === 0x4b && out[at + 2] === 1 && out[at + 3] === 2 && seen++ === k) {
      out[at + 8] = flags & 0xff;
      out[at + 9] = flags >> 8;
      return out;
    }
  }
  throw new Error('no such entry');
}

describe('a compressed folder (.zip)', () => {
  it('reads each data file in it, in path order, as if chosen on its own; names the others; leaves out what the OS added', async () => {
    // Names in Shift_JIS without the UTF-8 flag, as Windows compresses a Japanese folder.
    const batches = await new IngestSession().ingestSource('拠点データ.zip', fixture('archive/folder.zip'));
    expect(batches.map((b) => [b.report.file, b.report.kind, b.report.encoding, b.report.fileError?.code ?? null])).toEqual([
      // The folder's PDF is fifteen bytes of a PDF's header: read as a PDF, refused as one cut short.
      ['拠点データ.zip/令和7年度/報告書.pdf', 'unknown', null, 'pdf_file'],
      ['拠点データ.zip/令和7年度/報告書.txt', 'report', 'utf-8', null],
      ['拠点データ.zip/令和7年度/西区.xlsx [評価]', 'ratings_wide', 'xlsx', null],
      ['拠点データ.zip/令和7年度/西区.xlsx [取組]', 'narratives', 'xlsx', null],
      ['拠点データ.zip/令和7年度/西区.xlsx [拠点]', 'centers', 'xlsx', null],
      ['拠点データ.zip/令和7年度/鶴見区_評価.csv', 'ratings_long', 'shift_jis', null],
    ]);
    expect(batches.map((b) => b.report.skippedEntries)).toEqual([['令和7年度/古い版.zip'], [], [], [], [], []]);
    expect(batches[2].report.hiddenSheets).toEqual(['リスト']);
    // Each file counts as it does alone: the workbook's bad rating by its row, the CSV's by its line.
    const alone = await new IngestSession().ingestSource('西区.xlsx', fixture('workbook/workbook.xlsx'));
    expect(batches.slice(2, 5).map((b) => [b.report.rowsRead, b.report.rowsLoaded, b.report.rowsRejected])).toEqual(alone.map((b) => [b.report.rowsRead, b.report.rowsLoaded, b.report.rowsRejected]));
    expect(batches[5].report.errors.map((e) => [e.line, e.column, e.value, e.code])).toEqual([[4, '評価', 'Ｅ', 'invalid_rating']]);
    // Its first rating repeats the report's (a duplicate), its second differs (a conflict the later file wins).
    expect(batches[5].report).toMatchObject({ rowsRead: 3, rowsLoaded: 1, rowsDuplicate: 1, rowsRejected: 1 });
  });

  it('refuses a file of a password-protected zip and a damaged one alone; the others load', async () => {
    const files = zip({ 'a.csv': LONG, 'b.csv': LONG.replace('鶴見区', '西区'), 'c.csv': LONG.replace('鶴見区', '中区') });
    const encrypted = await new IngestSession().ingestSource('x.zip', withFlags(files, 0, 1));
    expect(encrypted.map((b) => [b.report.file, b.report.fileError?.code ?? null, b.report.rowsLoaded])).toEqual([
      ['x.zip/a.csv', 'encrypted_zip', 0],
      ['x.zip/b.csv', null, 1],
      ['x.zip/c.csv', null, 1],
    ]);
    // b.csv's deflated bytes spoilt: its entry cannot be inflated.
    const spoilt = files.slice();
    const at = Buffer.from(spoilt).indexOf('b.csv') + 'b.csv'.length;
    spoilt.fill(0xff, at, at + 8);
    const damaged = await new IngestSession().ingestSource('x.zip', spoilt);
    expect(damaged.map((b) => [b.report.file, b.report.fileError?.code ?? null])).toEqual([
      ['x.zip/a.csv', null],
      ['x.zip/b.csv', 'damaged_office_file'],
      ['x.zip/c.csv', null],
    ]);
  });

  it('a compressed folder damaged anywhere is refused or read, file by file, never throws, and every row read is accounted for', () =>
    expectDamageAccountedFor(fixture('archive/folder.zip'), 'x.zip', 100));

  it('a zip with no data file in it is refused, naming what it holds; names written as UTF-8 read as such', async () => {
    const [batch] = await new IngestSession().ingestSource('写真.zip', zip({ '写真/集合写真.jpg': 'JFIF', '写真/説明.pptx': 'PK' }));
    expect(batch.report.fileError).toEqual({ code: 'zip_file', params: { entries: ['写真/説明.pptx', '写真/集合写真.jpg'] } });
    // A Mac writes names decomposed: they are shown composed.
    const [mac] = await new IngestSession().ingestSource('mac.zip', zip({ ['データ/評価.csv'.normalize('NFD')]: LONG }));
    expect(mac.report.file).toBe('mac.zip/データ/評価.csv');
    expect(mac.report.file.length).toBe('mac.zip/データ/評価.csv'.length);
  });

  it('an Office lock file is not read from a zip but named, and chosen on its own is told for what it is', async () => {
    // What Excel writes as `~$name` while the workbook is open: the owner's name, padded, in 162 bytes.
    const owner = `\x08yokohama${' '.repeat(45)}`.padEnd(162, '\0');
    const batches = await new IngestSession().ingestSource('x.zip', zip({ '年度/~$評価.csv': owner, '年度/評価.csv': LONG }));
    expect(batches.map((b) => [b.report.file, b.report.fileError?.code ?? null, b.report.rowsLoaded])).toEqual([['x.zip/年度/評価.csv', null, 1]]);
    expect(batches[0].report.skippedEntries).toEqual(['年度/~$評価.csv']);
    const [alone] = await new IngestSession().ingestSource('~$評価.xlsx', new TextEncoder().encode(owner));
    expect([alone.report.fileError?.code, alone.report.rowsRead]).toEqual(['office_lock_file', 0]);
  });
});
