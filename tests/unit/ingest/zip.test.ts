import { describe, expect, it } from 'vitest';
import { IngestSession } from '../../../src/lib/ingest/session.ts';
import { ZipArchive, ZipEntryTooLarge } from '../../../src/lib/ingest/zip.ts';
import { zip } from '../../fixtures/workbook/build.ts';

describe('ZipArchive', () => {
  it('reads deflated and stored entries by name, a leading slash or backslashes in the name as Office’s own', async () => {
    for (const method of [0, 8] as const) {
      const archive = new ZipArchive(zip({ 'xl/workbook.xml': '<workbook/>', '\\xl\\styles.xml': 'スタイル', '/docProps/app.xml': 'app' }, method));
      expect(await archive.text('xl/workbook.xml')).toBe('<workbook/>');
      expect(await archive.text('xl/styles.xml')).toBe('スタイル');
      expect(await archive.text('docProps/app.xml')).toBe('app');
      expect(await archive.text('xl/missing.xml')).toBeNull();
    }
  });

  it('stops an entry that inflates past the limit, whatever size its directory declares (a zip bomb)', async () => {
    const bomb = zip({ 'xl/worksheets/sheet1.xml': '0'.repeat(4 << 20) });
    expect(bomb.length).toBeLessThan(10_000);
    // Declare it small: the inflating itself must stop.
    const lying = Buffer.from(bomb);
    const directory = lying.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    lying.writeUInt32LE(100, directory + 24);
    await expect(new ZipArchive(new Uint8Array(lying), 1 << 20).read('xl/worksheets/sheet1.xml')).rejects.toBeInstanceOf(ZipEntryTooLarge);
  });

  it('a workbook whose sheet declares more than the limit is refused as too large, not as damaged', async () => {
    const book = Buffer.from(zip({ 'xl/workbook.xml': '<workbook><sheets><sheet name="s" r:id="rId1"/></sheets></workbook>', 'xl/_rels/workbook.xml.rels': '<Relationships><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>', 'xl/worksheets/sheet1.xml': '<worksheet/>' }));
    // The sheet is the last entry of the directory: declare it 600 MB.
    const directory = book.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    book.writeUInt32LE(600 << 20, directory + 24);
    const [batch] = await new IngestSession().ingestSource('big.xlsx', new Uint8Array(book));
    expect(batch.report.fileError).toEqual({ code: 'office_file_too_large', params: { limitMB: 512 } });
  });
});
