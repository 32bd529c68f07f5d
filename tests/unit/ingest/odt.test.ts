import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readWriterDocument } from '../../../src/lib/ingest/odt.ts';
import { zip } from '../../fixtures/workbook/build.ts';
import { expectDamageAccountedFor } from './damaged-files.ts';

const NS = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"';
const LIST_STYLES = `
  <text:list-style style:name="Num"><text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"/><text:list-level-style-number text:level="2" style:num-prefix="(" style:num-suffix=")" style:num-format="a"/></text:list-style>
  <text:list-style style:name="Circled"><text:list-level-style-number text:level="1" style:num-format="①, ②, ③, ..."/></text:list-style>
  <text:list-style style:name="Roman"><text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="I" text:start-value="3"/></text:list-style>
  <text:list-style style:name="Bullet"><text:list-level-style-bullet text:level="1" text:bullet-char="●"/></text:list-style>
  <style:style style:name="P1" style:family="paragraph" style:list-style-name="Circled"/>`;

/** A Writer document whose body is `body`, with the list styles above. */
function writer(body: string): Uint8Array {
  return zip({
    mimetype: 'application/vnd.oasis.opendocument.text',
    'content.xml': `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NS}><office:automatic-styles>${LIST_STYLES}</office:automatic-styles><office:body><office:text>${body}</office:text></office:body></office:document-content>`,
  });
}
const items = (style: string, texts: string[], attrs = '') => `<text:list text:style-name="${style}"${attrs}>${texts.map((t) => `<text:list-item><text:p>${t}</text:p></text:list-item>`).join('')}</text:list>`;
/** The paragraphs of the HTML a document is read as. */
const paragraphs = (html: string | null) => [...(html ?? '').matchAll(/<p>(.*?)<\/p>/g)].map((m) => m[1]);
const linesOf = async (body: string) => paragraphs(await readWriterDocument(writer(body)));

describe('Writer documents (.odt)', () => {
  it('write each list item’s number or bullet as Writer shows it, numbered from the list’s start in each table cell', async () => {
    expect(
      await linesOf(
        `<text:h>見出し</text:h>${items('Num', ['一', '二'])}${items('Num', ['三'], ' text:continue-numbering="true"')}${items('Num', ['新しい一'])}` +
          `<text:list text:style-name="Num"><text:list-item><text:p>親</text:p><text:list text:style-name="Num"><text:list-item><text:p>子</text:p></text:list-item><text:list-item><text:p>子2</text:p></text:list-item></text:list></text:list-item></text:list>` +
          `${items('Circled', ['丸一', '丸二'])}${items('Roman', ['三から'])}${items('Bullet', ['点'])}` +
          `<text:list><text:list-header><text:p>番号なし</text:p></text:list-header><text:list-item><text:p text:style-name="P1">段落の様式から</text:p></text:list-item></text:list>` +
          `<table:table><table:table-row><table:table-cell><text:p>取組内容</text:p></table:table-cell><table:table-cell>${items('Num', ['セル一', 'セル二'], ' text:continue-numbering="true"')}</table:table-cell></table:table-row></table:table>`,
      ),
    ).toEqual(['見出し', '1. 一', '2. 二', '3. 三', '1. 新しい一', '1. 親', '(a) 子', '(b) 子2', '① 丸一', '② 丸二', 'III. 三から', '・点', '番号なし', '① 段落の様式から', '取組内容', '1. セル一', '2. セル二']);
  });

  it('read what Writer shows: spaces, tabs and line breaks kept; a deleted change, a reading, a comment and a footnote left out; a text box before its paragraph', async () => {
    const body =
      '<text:tracked-changes><text:changed-region><text:deletion><text:p>消した文</text:p></text:deletion></text:changed-region></text:tracked-changes>' +
      '<text:p>地<text:s text:c="2"/>域<text:tab/>の<text:line-break/>拠点</text:p>' +
      '<text:p><text:ruby><text:ruby-base>地域</text:ruby-base><text:ruby-text>ちいき</text:ruby-text></text:ruby>の<office:annotation><text:p>メモ</text:p></office:annotation>親子<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>脚注</text:p></text:note-body></text:note>です</text:p>' +
      '<text:p>本文<draw:frame><draw:text-box><text:p>港南区地域子育て支援拠点事業</text:p></draw:text-box></draw:frame>の続き</text:p>';
    const html = (await readWriterDocument(writer(body)))!;
    expect(html).not.toMatch(/消した文|ちいき|メモ|脚注/);
    expect(paragraphs(html)).toEqual(['地  域\tの<br>拠点', '地域の親子です', '港南区地域子育て支援拠点事業', '本文の続き']);
  });

  it('a document damaged anywhere is refused or read, never throws, and every row it read is accounted for', () =>
    expectDamageAccountedFor(new Uint8Array(readFileSync(new URL('../../fixtures/reports/word/report.odt', import.meta.url))), 'x.odt', 100));

  it('is null for what is not a Writer document', async () => {
    expect(await readWriterDocument(zip({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<x/>' }))).toBeNull();
    expect(await readWriterDocument(new TextEncoder().encode('本文'))).toBeNull();
  });
});
