import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readWordDocument } from '../../../src/lib/ingest/docx.ts';
import { IngestSession } from '../../../src/lib/ingest/session.ts';
import { zip } from '../../fixtures/workbook/build.ts';
import { expectDamageAccountedFor } from './damaged-files.ts';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const numbering = `<w:numbering ${W}>
  <w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%1"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="(%2)"/></w:lvl></w:abstractNum>
  <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="&#xF0B7;"/></w:lvl></w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>`;
const styles = `<w:styles ${W}><w:style w:type="paragraph" w:styleId="Goals"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="GoalsBold"><w:basedOn w:val="Goals"/></w:style></w:styles>`;
const paragraph = (text: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const numbered = (numId: number, level = 0) => `<w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="${numId}"/></w:numPr>`;
const docx = (body: string, parts: Record<string, string> = { 'word/numbering.xml': numbering, 'word/styles.xml': styles }) =>
  zip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': `<?xml version="1.0"?><w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`, ...parts });
const paragraphs = (html: string | null) => [...(html ?? '').matchAll(/<p>(.*?)<\/p>/g)].map((m) => m[1]);

describe('Word documents (.docx) as the report reader’s HTML', () => {
  it('writes a list’s numbers and bullets as Word shows them, from the paragraph’s numbering or its style’s', async () => {
    const html = await readWordDocument(docx([
      paragraph('目標一', numbered(1)), paragraph('細目', numbered(1, 1)), paragraph('細目', numbered(1, 1)), paragraph('目標二', numbered(1)), paragraph('細目', numbered(1, 1)),
      paragraph('箇条', numbered(2)), paragraph('様式の番号', '<w:pStyle w:val="GoalsBold"/>'), paragraph('番号を外した段落', numbered(0)),
    ].join('')));
    expect(paragraphs(html)).toEqual(['① 目標一', '(1) 細目', '(2) 細目', '② 目標二', '(1) 細目', '・箇条', '③ 様式の番号', '番号を外した段落']);
  });

  it('keeps runs’ tabs and breaks, drops tab stops, deletions, readings and field codes; keeps document order and tables', async () => {
    const html = await readWordDocument(docx([
      '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="840"/></w:tabs></w:pPr><w:r><w:t>取組内容</w:t></w:r><w:r><w:tab/><w:t>一行目</w:t><w:br/><w:t>二行目 &amp; &lt;三&gt;</w:t></w:r></w:p>',
      '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
      '<w:p><w:ins w:id="2"><w:r><w:t>加えた</w:t></w:r></w:ins><w:del w:id="3"><w:r><w:delText>消した</w:delText></w:r></w:del><w:r><w:ruby><w:rt><w:r><w:t>こそだて</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>子育て</w:t></w:r></w:rubyBase></w:ruby></w:r></w:p>',
      '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>区</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>A</w:t></w:r></w:p></w:tc></w:tr></w:tbl>',
      '<w:p/>',
    ].join(''), {}));
    expect(html).toContain('<p>取組内容\t一行目<br>二行目 &amp; &lt;三&gt;</p>\n<p>2</p>\n<p>加えた子育て</p>\n<table>\n<tr>\n<td>\n<p>区</p>\n</td>\n<td>\n<p>A</p>\n</td>\n</tr>\n</table>\n<p></p>');
  });

  it('reads a text box’s paragraphs once (not its older copy Word keeps beside it), before the paragraph it is anchored to', async () => {
    const box = (text: string) => `<w:txbxContent><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:txbxContent>`;
    const html = await readWordDocument(docx([
      `<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing><wp:anchor><wps:wsp><wps:txbx>${box('鶴見区地域子育て支援拠点事業')}</wps:txbx></wps:wsp></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>${box('鶴見区地域子育て支援拠点事業')}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>本文</w:t></w:r></w:p>`,
      // An older document's text box, with no newer copy beside it.
      `<w:p><w:r><w:pict><v:shape><v:textbox>${box('令和7年度')}</v:textbox></v:shape></w:pict></w:r></w:p>`,
    ].join(''), {}));
    expect(paragraphs(html)).toEqual(['鶴見区地域子育て支援拠点事業', '本文', '令和7年度', '']);
  });

  it('is null for a workbook or another zip; an old .doc and a damaged .docx are refused with what to do', async () => {
    expect(await readWordDocument(zip({ 'xl/workbook.xml': '<workbook/>' }))).toBeNull();
    expect(await readWordDocument(new TextEncoder().encode('ward,fiscal_year\n'))).toBeNull();
    const session = new IngestSession();
    const doc = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect((await session.ingestSource('report.doc', doc))[0].report.fileError?.code).toBe('office_file');
    const good = docx(paragraph('鶴見区'));
    expect((await session.ingestSource('cut.docx', good.subarray(0, good.length - 10)))[0].report.fileError?.code).toBe('damaged_office_file');
    // A Word document that is not a report says so, as a text would.
    expect((await session.ingestSource('memo.docx', good))[0].report).toMatchObject({ encoding: 'docx', fileError: { code: 'not_a_report' } });
  });
});

describe('Word documents (.docx): properties', () => {
  it('a report document with bytes changed or cut anywhere is refused or read, never thrown, every row accounted for', () =>
    expectDamageAccountedFor(new Uint8Array(readFileSync(new URL('../../fixtures/reports/word/report.docx', import.meta.url))), 'x.docx', 100));
});
