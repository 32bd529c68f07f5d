import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readWord97, sprms } from '../../../src/lib/ingest/doc.ts';
import { readWordDocument } from '../../../src/lib/ingest/docx.ts';
import { IngestSession } from '../../../src/lib/ingest/session.ts';
import { expectDamageAccountedFor } from './damaged-files.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/reports/word/${name}`, import.meta.url)));

describe('Word 97–2003 documents (.doc) saved by LibreOffice Writer', () => {
  it('read as the same HTML as the .docx they were saved from: paragraphs, tables, each cell’s paragraphs, list items numbered as Word shows them', async () => {
    for (const name of ['report', 'report-stage-column']) {
      const docx = (await readWordDocument(fixture(`${name}.docx`)))!;
      expect(readWord97(fixture(`${name}.doc`))).toBe(docx);
    }
  });

  it('show what Word shows: a furigana’s base text (an EQ field) without its reading, not a deletion kept as a tracked change', () => {
    const html = readWord97(fixture('report.doc'))!;
    expect(html).toContain('<p>地域の親子が安心して集い');
    expect(html).not.toContain('ちいき');
    expect(html).not.toContain('旧い文');
  });

  it('read a text box’s paragraphs before the paragraph its shape is anchored to, as the .docx reader places them', () => {
    const html = readWord97(fixture('text-boxes.doc'));
    expect([...(html ?? '').matchAll(/<p>(.*?)<\/p>/g)].map((m) => m[1])).toEqual(['前書き', '鶴見区地域子育て支援拠点事業', '令和7年度重点目標評価結果', '本文の段落', '次の段落', '囲みの注記', '最後の段落']);
  });

  it('number a list its paragraph style carries (List Number), the paragraphs naming no list themselves', () => {
    const html = readWord97(fixture('style-list.doc'));
    expect([...(html ?? '').matchAll(/<p>(.*?)<\/p>/g)].map((m) => m[1])).toEqual(['はじめに', '1. 一つ目の目標', '2. 二つ目の目標', '3. 三つ目の目標', 'おわりに']);
  });

  it('load through the session as a report, the format named; a password-protected one refused as such', async () => {
    const [batch] = await new IngestSession().ingestSource('報告書.doc', fixture('report.doc'));
    expect([batch.report.kind, batch.report.encoding, batch.report.fileError, batch.report.rowsRejected]).toEqual(['report', 'doc', null, 0]);
    expect(batch.ratings.length).toBe(48);
    // The FIB's fEncrypted, as Word sets it for a password to open (the text after it is then RC4).
    const locked = fixture('report.doc');
    const fib = Buffer.from(locked).indexOf(Buffer.from([0xec, 0xa5]));
    locked[fib + 0x0b] |= 0x01;
    const [refused] = await new IngestSession().ingestSource('鍵.doc', locked);
    expect(refused.report.fileError?.code).toBe('encrypted_office_file');
  });

  it('a document damaged anywhere is refused or read, never throws, and every row read is accounted for', () => expectDamageAccountedFor(fixture('report.doc'), 'x.doc', 100));

  it('step over a tab change too long for its length byte (255), its added tabs counted, to the property after it', () => {
    // sprmPChgTabs: 255, one tab deleted (position, close), two added (positions, descriptors); then in-table.
    const bytes = [0x15, 0xc6, 255, 1, 0x10, 0x00, 0x20, 0x00, 2, 0x30, 0x00, 0x40, 0x00, 0x01, 0x02, 0x16, 0x24, 1];
    const view = new DataView(new Uint8Array(bytes).buffer);
    expect([...sprms(view, 0, bytes.length)]).toEqual([
      [0xc615, 2],
      [0x2416, 17],
    ]);
  });
});
