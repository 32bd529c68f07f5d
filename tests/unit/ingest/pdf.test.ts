import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { isPdf, pageOfLine, readPdf } from '../../../src/lib/ingest/pdf.ts';
import { md5, rc4 } from '../../../src/lib/ingest/pdf-crypt.ts';
import { japan1Text } from '../../../src/lib/ingest/pdf-japan1.ts';
import { IngestSession } from '../../../src/lib/ingest/session.ts';
import { pdfLayout } from '../../fixtures/reports/layouts.ts';
import { expectDamageAccountedFor } from './damaged-files.ts';
import { cidDescendant, cidFont, concat, helvetica, hex, latin1, onePage, pdfFile, stream, textPdf, ucs2 } from './pdf-writer.ts';

/** A PDF's text alone, as most tests look at it. */
const readPdfText = async (bytes: Uint8Array) => (await readPdf(bytes)).text;
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/reports/pdf/${name}`, import.meta.url)));
async function refusal(bytes: Uint8Array) {
  const [batch] = await new IngestSession().ingestSource('報告書.pdf', bytes);
  return batch.report.fileError?.code ?? null;
}

describe('the text of a PDF, as a viewer copies it', () => {
  it('reads a simple font’s text with its kerning: a line per baseline, a space where a gap is a word’s, the operators that move to the next line', async () => {
    const content = [
      'BT /F1 12 Tf 14 TL 50 700 Td (Hello) Tj [(wor) -20 (ld)] TJ', // a kern of a fiftieth of a character is no space
      '[(next) -600 (line.)] TJ T* (third) Tj',
      "(fourth) ' 2 0 (fifth \\(paren\\) \\101\\102) \" ET",
    ].join('\n');
    // A kern of 600 thousandths of the size is a word's gap; the first line, ended by a full stop, is not run on.
    expect(await readPdfText(onePage(helvetica, content))).toBe('Helloworldnext line.\nthird\nfourth\nfifth (paren) AB');
  });

  it('reads Japanese in the CMaps of fonts that are not embedded: Shift_JIS, EUC-JP, JIS, UCS-2, UTF-8 and UTF-32 codes, one-byte Latin beside them', async () => {
    // 港南区 R7 in each encoding; the decoders are checked first, so the bytes are what the names say.
    const cases: Array<[string, number[], string]> = [
      ['90ms-RKSJ-H', [0x8d, 0x60, 0x93, 0xec, 0x8b, 0xe6, 0x52, 0x37], 'shift_jis'],
      ['EUC-H', [0xb9, 0xc1, 0xc6, 0xee, 0xb6, 0xe8, 0x52, 0x37], 'euc-jp'],
      ['UniJIS-UCS2-H', [0x6e, 0x2f, 0x53, 0x57, 0x53, 0x3a, 0x00, 0x52, 0x00, 0x37], 'utf-16be'],
      ['UniJIS-UTF8-H', [...new TextEncoder().encode('港南区R7')], 'utf-8'],
      ['UniJIS-UTF32-H', [0, 0, 0x6e, 0x2f, 0, 0, 0x53, 0x57, 0, 0, 0x53, 0x3a, 0, 0, 0, 0x52, 0, 0, 0, 0x37], 'utf-32be'],
    ];
    for (const [encoding, bytes, decoder] of cases) {
      if (decoder !== 'utf-32be') expect(new TextDecoder(decoder).decode(Uint8Array.from(bytes))).toBe('港南区R7');
      expect(await readPdfText(onePage(cidFont(encoding), `BT /F1 10 Tf 50 700 Td ${hex(bytes)} Tj ET`, [cidDescendant]))).toBe('港南区R7');
    }
    // JIS X 0208 as the two bytes of ISO-2022-JP (the `H` CMap).
    expect(await readPdfText(onePage(cidFont('H'), `BT /F1 10 Tf 50 700 Td ${hex([0x39, 0x41, 0x46, 0x6e, 0x36, 0x68])} Tj ET`, [cidDescendant]))).toBe('港南区');
  });

  it('reads a ToUnicode map’s bfchar and bfrange entries (one target, a list of targets) and a font’s own code ranges', async () => {
    const cmap = [
      '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
      '1 begincodespacerange <0000> <FFFF> endcodespacerange',
      '2 beginbfchar <0001> <6E2F> <0002> <53575343> endbfchar',
      '2 beginbfrange <0010> <0012> <3042> <0020> <0021> [<533A> <0041>] endbfrange',
      'endcmap CMapName currentdict /CMap defineresource pop end end',
    ].join('\n');
    const font = '<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Font /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>';
    const descendant = '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Font /DW 1000 /W [1 [1000 1000] 16 18 1000] >>';
    const text = await readPdfText(onePage(font, 'BT /F1 10 Tf 50 700 Td <0001000200100011001200200021> Tj ET', [descendant, stream('', cmap)]));
    expect(text).toBe('港南千あぃい区A');
    // A writer that compressed the map, and the page, but named no filter: the zlib header tells.
    const unnamed = onePage(font, stream('', deflateSync(latin1('BT /F1 10 Tf 50 700 Td <00010002> Tj ET'))), [descendant, stream('', deflateSync(latin1(cmap)))]);
    expect(await readPdfText(unnamed)).toBe('港南千');
  });

  it('draws a form’s text where the form is placed, skips an inline image’s bytes, and undoes ASCII85 and Flate', async () => {
    const form = stream('/Type /XObject /Subtype /Form /BBox [0 0 500 100] /Resources << /Font << /F2 4 0 R >> >>', 'BT /F2 12 Tf 0 0 Td (inside the form) Tj ET');
    const content = 'q 1 0 0 1 50 600 cm /Fm1 Do Q\nBI /W 2 /H 2 /CS /G /BPC 8 ID \x00\xff) Tj (\x0aEI\nBT /F1 12 Tf 50 500 Td (after the image) Tj ET';
    const ascii85 = (bytes: Uint8Array) => {
      let out = '';
      for (let i = 0; i < bytes.length; i += 4) {
        const chunk = [...bytes.subarray(i, i + 4)];
        const n = chunk.length;
        while (chunk.length < 4) chunk.push(0);
        let value = ((chunk[0] << 24) | (chunk[1] << 16) | (chunk[2] << 8) | chunk[3]) >>> 0;
        const digits: string[] = [];
        for (let k = 0; k < 5; k++) {
          digits.unshift(String.fromCharCode((value % 85) + 33));
          value = Math.floor(value / 85);
        }
        out += digits.slice(0, n + 1).join('');
      }
      return `${out}~>`;
    };
    const packed = stream('/Filter [/ASCII85Decode /FlateDecode]', ascii85(deflateSync(latin1(content))));
    expect(await readPdfText(onePage(helvetica, packed, [form], '/XObject << /Fm1 6 0 R >>'))).toBe('inside the form\nafter the image');
  });

  it('reads a vertical font’s column top to bottom as one line, the next column as the next', async () => {
    const text = `BT /F1 10 Tf 500 700 Td ${ucs2('縦書き')} Tj ET BT /F1 10 Tf 485 700 Td ${ucs2('二列目')} Tj ET`;
    expect(await readPdfText(onePage(cidFont('UniJIS-UCS2-V'), text, [cidDescendant]))).toBe('縦書き\n二列目');
  });

  it('takes an object’s last definition (an incremental update) and finds the pages of a file whose page tree is lost', async () => {
    const original = onePage(helvetica, 'BT /F1 12 Tf 50 700 Td (first version) Tj ET');
    const update = latin1(`5 0 obj\n${new TextDecoder('latin1').decode(stream('', 'BT /F1 12 Tf 50 700 Td (second version) Tj ET'))}\nendobj\ntrailer\n<< /Size 6 /Root 1 0 R >>\n%%EOF\n`);
    expect(await readPdfText(concat([original, update]))).toBe('second version');
    const lost = new TextDecoder('latin1').decode(original).replace('<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Catalog /Pages 9 0 R >>');
    expect(await readPdfText(latin1(lost))).toBe('first version');
  });

  it('drops furigana (kana alone at half the body size) and reads a line’s characters in their order across it, whatever order they were drawn in', async () => {
    const body = `BT /F1 10 Tf 60 700 Td ${ucs2('地域の親子')} Tj ET`;
    const ruby = `BT /F1 5 Tf 60 711 Td ${ucs2('ちいき')} Tj ET`;
    // The second half of a line drawn before its first half (as LibreOffice draws a line's spaces apart).
    const split = `BT /F1 10 Tf 90 680 Td ${ucs2('三四')} Tj ET BT /F1 10 Tf 70 680 Td ${ucs2('一二')} Tj ET`;
    expect(await readPdfText(onePage(cidFont('UniJIS-UCS2-H'), `${ruby}\n${body}\n${split}`, [cidDescendant]))).toBe('地域の親子\n一二三四');
  });

  it('joins a line cut at its column’s edge with the rest below it, but not a list item, a finished sentence or a line of another column', async () => {
    const line = (x: number, y: number, text: string) => `BT /F1 10 Tf ${x} ${y} Td ${ucs2(text)} Tj ET`;
    const content = [
      // The column's widest lines are 18 characters: the name's first line, the first item, the sentence.
      line(40, 700, '事業の実施者'), line(150, 700, '特定非営利活動法人こうなん子育てひろ'),
      line(150, 686, 'ば'),
      line(150, 672, '港南区こども家庭支援課'),
      line(150, 650, '・一つ目の項目が列の幅まで届いている'), line(150, 636, '・二つ目の項目'),
      line(150, 614, 'この文は列の幅で終わり句点まである。'), line(150, 600, '次の文'),
    ].join('\n');
    expect((await readPdfText(onePage(cidFont('UniJIS-UCS2-H'), content, [cidDescendant]))).split('\n')).toEqual([
      '事業の実施者 特定非営利活動法人こうなん子育てひろば',
      '港南区こども家庭支援課',
      '・一つ目の項目が列の幅まで届いている',
      '・二つ目の項目',
      'この文は列の幅で終わり句点まである。',
      '次の文',
    ]);
  });

  it('reads codes a font names as their own text (`/ToUnicode /Identity-H`), and an embedded TrueType font’s own cmap where there is no ToUnicode', async () => {
    const identity = '<< /Type /Font /Subtype /Type0 /BaseFont /F /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode /Identity-H >>';
    expect(await readPdfText(onePage(identity, `BT /F1 10 Tf 50 700 Td ${ucs2('港南区')} Tj ET`, ['<< /Type /Font /Subtype /CIDFontType2 /BaseFont /F >>']))).toBe('港南区');
    // A TrueType program of one table, cmap format 4 (Windows, Unicode BMP): 港 南 区 at glyphs 7, 8, 9; the radical ⼦ and 子 share glyph 10.
    const segments: Array<[number, number, number]> = [[0x2f26, 0x2f26, 10], [0x533a, 0x533a, 9], [0x5357, 0x5357, 8], [0x5b50, 0x5b50, 10], [0x6e2f, 0x6e2f, 7], [0xffff, 0xffff, 0]];
    const u16 = (n: number) => [(n >> 8) & 0xff, n & 0xff];
    const u32 = (n: number) => [...u16(n >>> 16), ...u16(n & 0xffff)];
    const n = segments.length;
    const subtable = [
      ...u16(4), ...u16(16 + 8 * n), ...u16(0), ...u16(2 * n), ...u16(0), ...u16(0), ...u16(0),
      ...segments.flatMap(([, end]) => u16(end)), ...u16(0), ...segments.flatMap(([start]) => u16(start)),
      ...segments.flatMap(([start, , glyph]) => u16((glyph - start) & 0xffff)), ...segments.flatMap(() => u16(0)),
    ];
    const cmapTable = [...u16(0), ...u16(1), ...u16(3), ...u16(1), ...u32(12), ...subtable];
    const program = Uint8Array.from([...u32(0x00010000), ...u16(1), ...u16(16), ...u16(0), ...u16(0), ...latin1('cmap'), ...u32(0), ...u32(28), ...u32(cmapTable.length), ...cmapTable]);
    const font = '<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Mincho /Encoding /Identity-H /DescendantFonts [6 0 R] >>';
    const descendant = '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Mincho /CIDToGIDMap /Identity /FontDescriptor 7 0 R >>';
    const content = `BT /F1 10 Tf 50 700 Td ${hex([0, 7, 0, 8, 0, 9, 0, 10])} Tj ET`;
    expect(await readPdfText(onePage(font, content, [descendant, '<< /Type /FontDescriptor /FontName /ABCDEF+Mincho /FontFile2 8 0 R >>', stream('', program)]))).toBe('港南区子');
  });

  it('reads glyph names of accented letters, ligatures and signs; leaves out characters drawn off the page', async () => {
    const font = `<< /Type /Font /Subtype /Type1 /BaseFont /Times /FirstChar 32 /LastChar 126 /Widths [${Array(95).fill(500).join(' ')}] /Encoding << /Differences [65 /adieresis /fi /Eacute /germandbls /endash /minus /uni5B50] >> >>`;
    expect(await readPdfText(onePage(font, 'BT /F1 12 Tf 50 700 Td (ABCDEFG) Tj ET BT /F1 12 Tf 700 700 Td (off the page) Tj ET'))).toBe('äfiÉß–−子');
  });

  it('reads an embedded Type 1 font by its own encoding where its dictionary names none (TeX\'s fonts, Distiller\'s subsets)', async () => {
    // The program's clear-text part, as far as the reader looks, then its encrypted part (never read).
    const program = (encoding: string) => {
      const clear = `%!PS-AdobeFont-1.0: CMR10\n/FontName /CMR10 def\n${encoding}\ncurrentfile eexec\n`;
      return stream(`/Length1 ${clear.length} /Length2 8 /Length3 0`, `${clear}\x8b\x1e\x00\x91\xff\x02\x7f\x10`);
    };
    const type1 = '<< /Type /Font /Subtype /Type1 /BaseFont /CMR10 /FirstChar 0 /LastChar 255 /FontDescriptor 6 0 R >>';
    const descriptor = '<< /Type /FontDescriptor /FontName /CMR10 /Flags 4 /FontFile 7 0 R >>';
    const own = '/Encoding 256 array\n0 1 255 {1 index exch /.notdef put} for\ndup 0 /Gamma put\ndup 11 /ff put\ndup 39 /quoteright put\ndup 65 /A put\ndup 123 /endash put\ndup 124 /emdash put\ndup 200 /a12 put\nreadonly def';
    const shown = hex([0, 11, 39, 65, 123, 124, 200]);
    expect(await readPdfText(onePage(type1, `BT /F1 12 Tf 50 700 Td ${shown} Tj ET`, [descriptor, program(own)]))).toBe('Γff’A–—È');
    // `StandardEncoding`: typographic quotes where ASCII has its straight ones, its own upper half.
    const standard = hex([0x27, 0x60, 0x41, 0xae, 0xe1, 0xf5]);
    expect(await readPdfText(onePage(type1, `BT /F1 12 Tf 50 700 Td ${standard} Tj ET`, [descriptor, program('/Encoding StandardEncoding def')]))).toBe('’‘AfiÆı');
    // A dictionary's Differences apply over the program's encoding; a named base encoding replaces it.
    const differences = type1.replace('/FontDescriptor', '/Encoding << /Differences [65 /alpha] >> /FontDescriptor');
    expect(await readPdfText(onePage(differences, `BT /F1 12 Tf 50 700 Td ${hex([0, 65])} Tj ET`, [descriptor, program(own)]))).toBe('Γα');
    const named = type1.replace('/FontDescriptor', '/Encoding /WinAnsiEncoding /FontDescriptor');
    expect(await readPdfText(onePage(named, `BT /F1 12 Tf 50 700 Td ${hex([39, 65])} Tj ET`, [descriptor, program(own)]))).toBe("'A");
  });

  it('takes a page\'s box as viewers do: a box of no area is none, a crop box outside the media box is the media box', async () => {
    const page = onePage(helvetica, 'BT /F1 12 Tf 50 700 Td (on the page) Tj ET BT /F1 12 Tf 50 300 Td (lower) Tj ET');
    const withBoxes = (boxes: string) => latin1(new TextDecoder('latin1').decode(page).replace('/MediaBox [0 0 595 842]', boxes));
    expect(await readPdfText(withBoxes('/MediaBox [0 0 0 0] /CropBox [0 0 0 0]'))).toBe('on the page\nlower');
    expect(await readPdfText(withBoxes('/MediaBox [0 0 595 842] /CropBox [600 800 1000 1000]'))).toBe('on the page\nlower');
    expect(await readPdfText(withBoxes('/MediaBox [0 0 595 842] /CropBox [0 500 595 842]'))).toBe('on the page');
  });

  it('reads a stream whose checksum is wrong and a page whose dictionary was left unclosed, as far as they go', async () => {
    const text = 'BT /F1 12 Tf 50 700 Td (the text before the damage) Tj ET';
    const packed = deflateSync(latin1(text));
    packed[packed.length - 1] ^= 0xff;
    expect(await readPdfText(onePage(helvetica, stream('/Filter /FlateDecode', packed)))).toBe('the text before the damage');
    // The page's resources lack their `>>`: the contents end up inside them, and the dictionary at the object's end.
    const unclosed = new TextDecoder('latin1').decode(onePage(helvetica, text)).replace('/Resources << /Font << /F1 4 0 R >>  >> /Contents 5 0 R >>', '/Resources << /Font << /F1 4 0 R >> /Contents 5 0 R');
    expect(unclosed).toContain('/Contents 5 0 R\nendobj');
    expect(await readPdfText(latin1(unclosed))).toBe('the text before the damage');
  });

  it('reads ideographs Chromium maps to Kangxi radicals, and its middle dot, as written', async () => {
    expect(await readPdfText(onePage(cidFont('UniJIS-UCS2-H'), `BT /F1 10 Tf 50 700 Td ${ucs2('⼦育て‧教育')} Tj ET`, [cidDescendant]))).toBe('子育て・教育');
  });

  it('reads a marked span’s ActualText in place of its glyphs’ own text, as Chromium writes it for a look-alike or two characters in one glyph', async () => {
    const show = (content: string) => readPdfText(onePage(helvetica, `BT /F1 10 Tf 50 700 Td ${content} ET`));
    // One glyph for two characters (a ligature), then plain text; the span's other glyphs add nothing.
    expect(await show('/Span <</ActualText <feff30343035>>> BDC (a) Tj EMC (bc) Tj')).toBe('〴〵bc');
    expect(await show('/Span <</ActualText (fi)>> BDC (XY) Tj EMC (nal) Tj')).toBe('final');
    // Marked content that gives no ActualText (a tagged PDF's MCIDs) keeps the glyphs' text; an inner span inside one that gives it adds nothing.
    expect(await show('/P <</MCID 0>> BDC (ab) Tj EMC /Artifact BMC (c) Tj EMC')).toBe('abc');
    expect(await show('/Span <</ActualText (A)>> BDC /Span <</ActualText (B)>> BDC (x) Tj EMC (y) Tj EMC (z) Tj')).toBe('Az');
    // Glyphs with no text of their own are read by their span's ActualText, not refused as unmapped.
    const unmapped = '<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Font /Encoding /Identity-H /DescendantFonts [6 0 R] >>';
    const spoken = onePage(unmapped, 'BT /F1 10 Tf 50 700 Td /Span <</ActualText <feff897f533a>>> BDC <00210022> Tj EMC ET', ['<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Font >>']);
    expect(await readPdfText(spoken)).toBe('西区');
  });

  it('reads ideographs Chromium maps to the CJK Radicals Supplement, 戸 mapped to ⼾ or 戶, and its slash, as written', async () => {
    // Noto/Source Han draw 西 and ⻄ (and 戸, 戶 and ⼾) with one glyph; Chromium writes the lowest of them.
    const drawn = '⻄区・⻘葉区・⼾塚区・戶塚区：市⺠、⺟親、⻑期、⻩色、⻭科、⻲∕⻯';
    expect(await readPdfText(onePage(cidFont('UniJIS-UCS2-H'), `BT /F1 10 Tf 50 700 Td ${ucs2(drawn)} Tj ET`, [cidDescendant]))).toBe('西区・青葉区・戸塚区・戸塚区：市民、母親、長期、黄色、歯科、亀／竜');
  });
});

describe('the ciphers of a protected PDF', () => {
  it('MD5 and RC4 give their published test vectors', () => {
    const hexOf = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
    expect(hexOf(md5(new Uint8Array()))).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(hexOf(md5(latin1('abc')))).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(hexOf(md5(latin1('12345678901234567890123456789012345678901234567890123456789012345678901234567890')))).toBe('57edf4a22be3c955ac49da2e2107b67a');
    expect(hexOf(rc4(latin1('Key'), latin1('Plaintext')))).toBe('bbf316e8d940af0ad3');
    expect(hexOf(rc4(latin1('Secret'), latin1('Attack at dawn')))).toBe('45a01f645fc35b383552544b9bf5');
  });
});

describe('a PDF chosen as a file', () => {
  it('reads as the report it holds, the format named', async () => {
    const [batch] = await new IngestSession().ingestSource('港南区.pdf', fixture('report-writer.pdf'));
    expect([batch.report.kind, batch.report.encoding, batch.report.fileError, batch.report.rowsRejected]).toEqual(['report', 'pdf', null, 0]);
    expect(batch.ratings.length).toBe(48);
  });

  it('a year’s reports in one PDF read as a file each, the page numbers and running heads left out', async () => {
    const batches = await new IngestSession().ingestSource('令和元年度.pdf', textPdf(`${pdfLayout()}\n${pdfLayout().replaceAll('港南区', '西区')}`));
    expect(batches.map((b) => [b.report.file, b.report.fileError, b.report.rowsRejected, b.ratings.length])).toEqual([
      ['令和元年度.pdf #1', null, 0, 48],
      ['令和元年度.pdf #2', null, 0, 48],
    ]);
    expect(batches.map((b) => b.centers[0]?.ward)).toEqual(['港南区', '西区']);
  });

  it('says the page each line of a report is on: the report check names it beside the line', async () => {
    // textPdf draws 50 lines a page; the reader joins a page's wrapped lines, never across pages.
    const drawn = `${pdfLayout()}\n${pdfLayout().replaceAll('港南区', '西区')}`.split('\n');
    const pdf = textPdf(drawn.join('\n'));
    const { text, pageStarts } = await readPdf(pdf);
    const lines = text.split('\n');
    expect(pageStarts.length).toBe(Math.ceil(drawn.length / 50));
    pageStarts.forEach((start, k) => expect(lines[start - 1].startsWith(drawn[50 * k])).toBe(true));
    expect(pageStarts.map((start) => pageOfLine(pageStarts, start))).toEqual(pageStarts.map((_, k) => k + 1));
    expect([pageOfLine(pageStarts, pageStarts[1] - 1), pageOfLine(pageStarts, 1e6)]).toEqual([1, pageStarts.length]);
    const batches = await new IngestSession().ingestSource('令和元年度.pdf', pdf);
    for (const batch of batches) {
      expect(batch.reportLines.length).toBeGreaterThan(0);
      for (const l of batch.reportLines) expect([l.line, l.page]).toEqual([l.line, pageOfLine(pageStarts, l.line)]);
    }
    // The second report starts on a later page; a line that starts a page is said to be on it.
    expect(batches[1].reportLines[0].page).toBeGreaterThan(1);
    const second = batches.flatMap((b) => b.reportLines).find((l) => l.line === pageStarts[1]);
    expect(second?.page).toBe(2);
    // Other files' lines have no page.
    const [plain] = await new IngestSession().ingestSource('報告書.txt', new TextEncoder().encode(pdfLayout()));
    expect(plain.reportLines.length).toBeGreaterThan(0);
    expect(plain.reportLines.every((l) => l.page === undefined)).toBe(true);
  });

  it('protected against editing or copying (encrypted, no password to open it), reads as any viewer opens it: AES-256, AES-128, RC4', async () => {
    const text = await readPdfText(fixture('report-writer.pdf'));
    for (const method of ['aes256', 'aes128', 'rc4-128', 'rc4-40']) {
      expect(await readPdfText(fixture(`report-writer-protected-${method}.pdf`))).toBe(text);
      expect(await refusal(fixture(`report-writer-protected-${method}.pdf`))).toBe(null);
    }
  });

  it('reads what was filled in: form fields and typed text boxes where they stand among the page\'s lines, not hidden ones or check boxes', async () => {
    const ucs2Font = cidFont('UniJIS-UCS2-H').replace('[6 0 R]', '[5 0 R]');
    const draw = (text: string) => `BT /F1 10 Tf 2 5 Td ${ucs2(text)} Tj ET`;
    // An appearance names its box and resources; writers often leave out its Subtype.
    const appearance = (text: string, extra = '') => stream(`/BBox [0 0 180 20] /Resources << /Font << /F1 4 0 R >> >> ${extra}`, draw(text));
    const widget = (rect: string, ap: number, more = '') => `<< /Type /Annot /Subtype /Widget /FT /Tx /Rect [${rect}] /AP << /N ${ap} 0 R >> ${more} >>`;
    const pdf = pdfFile([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 6 0 R /Annots [7 0 R 9 0 R 11 0 R 13 0 R 15 0 R 16 0 R] >>',
      ucs2Font,
      cidDescendant,
      stream('', `BT /F1 10 Tf 50 700 Td ${ucs2('氏名：')} Tj ET BT /F1 10 Tf 50 660 Td ${ucs2('次の行')} Tj ET`),
      // A text field beside its label, drawn through a matrix that halves its box (the rectangle puts it back).
      widget('150 695 330 715', 8),
      appearance('横浜太郎', '/Subtype /Form /Matrix [0.5 0 0 0.5 0 0]'),
      // Text typed onto the page between the two lines.
      '<< /Type /Annot /Subtype /FreeText /Rect [50 675 230 695] /AP << /N 10 0 R >> >>',
      appearance('メモ'),
      // Hidden, and a check box's tick (a field of buttons, inherited from its parent): neither is text.
      widget('50 600 230 620', 12, '/F 2'),
      appearance('隠れ'),
      `<< /Type /Annot /Subtype /Widget /Parent 17 0 R /Rect [50 580 70 600] /AP << /N 14 0 R >> >>`,
      appearance('✔'),
      '<< /Type /Annot /Subtype /Link /Rect [0 0 10 10] >>',
      '<< /Type /Annot /Subtype /Popup /Rect [0 0 10 10] >>',
      '<< /FT /Btn /T (done) /Kids [13 0 R] >>',
    ]);
    expect(await readPdfText(pdf)).toBe('氏名： 横浜太郎\nメモ\n次の行');
  });

  it('reads a report form whose ratings were filled into fields as the same report', async () => {
    // The report's lines, each rating a text field of its own beside its question (as an evaluation form made fillable).
    const lines = pdfLayout().split('\n');
    const objects: Array<string | Uint8Array> = [];
    const kids: number[] = [];
    const add = (body: string | Uint8Array) => objects.push(body) + 4;
    for (let i = 0; i < lines.length; i += 50) {
      const content: string[] = [];
      const annots: number[] = [];
      lines.slice(i, i + 50).forEach((line, k) => {
        const y = 800 - 14 * k;
        const rated = /^(.*) ([A-D]) ([A-D]) ([A-D])$/.exec(line);
        content.push(`BT /F1 10 Tf 40 ${y} Td ${ucs2(rated ? rated[1] : line)} Tj ET`);
        rated?.slice(2).forEach((letter, r) => {
          const ap = add(stream('/BBox [0 0 20 12] /Resources << /Font << /F1 3 0 R >> >>', `/Tx BMC BT /F1 10 Tf 2 2 Td ${ucs2(letter)} Tj ET EMC`));
          annots.push(add(`<< /Type /Annot /Subtype /Widget /FT /Tx /Rect [${480 + 30 * r} ${y - 2} ${500 + 30 * r} ${y + 10}] /AP << /N ${ap} 0 R >> >>`));
        });
      });
      const contents = add(stream('', content.join('\n')));
      kids.push(add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${contents} 0 R /Annots [${annots.map((a) => `${a} 0 R`).join(' ')}] >>`));
    }
    const pdf = pdfFile([
      '<< /Type /Catalog /Pages 2 0 R >>',
      `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`,
      cidFont('UniJIS-UCS2-H').replace('[6 0 R]', '[4 0 R]'),
      cidDescendant,
      ...objects,
    ]);
    const [batch] = await new IngestSession().ingestSource('報告書.pdf', pdf);
    expect([batch.report.kind, batch.report.fileError, batch.report.rowsRejected, batch.ratings.length]).toEqual(['report', null, 0, 48]);
    const [plain] = await new IngestSession().ingestSource('報告書.pdf', textPdf(pdfLayout()));
    const rows = (ratings: typeof batch.ratings) => ratings.toArray().map((r) => [r.stage, r.questionNo, r.question, r.rater, r.rating]);
    expect(rows(batch.ratings)).toEqual(rows(plain.ratings));
  });

  it('is refused, saying why, when it needs a password to open, holds no text or only fonts without a Unicode map, or is no PDF at all', async () => {
    expect(await refusal(fixture('report-writer-password.pdf'))).toBe('encrypted_pdf');
    const image = stream('/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8', '\x80');
    expect(await refusal(onePage(helvetica, 'q 100 0 0 100 50 600 cm /Im1 Do Q', [image], '/XObject << /Im1 6 0 R >>'))).toBe('pdf_without_text');
    const unmapped = '<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Font /Encoding /Identity-H /DescendantFonts [6 0 R] >>';
    expect(await refusal(onePage(unmapped, 'BT /F1 10 Tf 50 700 Td <00210022> Tj ET', ['<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Font >>']))).toBe('pdf_unmapped_fonts');
    expect(await refusal(latin1('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'))).toBe('pdf_file');
    // CIDs of a collection without a map to text, Chinese or the Japanese one's later supplements: the viewer's copy is the way.
    const identity = '<< /Type /Font /Subtype /Type0 /BaseFont /Ryumin-Light /Encoding /Identity-H /DescendantFonts [6 0 R] >>';
    const gb1 = cidDescendant.replace('(Japan1)', '(GB1)');
    expect(await refusal(onePage(identity, 'BT /F1 10 Tf 50 700 Td <0D2C0E46> Tj ET', [gb1]))).toBe('pdf_cid_fonts');
    expect(await refusal(onePage(identity, 'BT /F1 10 Tf 50 700 Td <205D205E> Tj ET', [cidDescendant]))).toBe('pdf_cid_fonts');
  });

  it('reads Japanese written as Adobe-Japan1 CIDs with no map to text (Distiller, fonts not embedded) by the collection\'s own order', async () => {
    // The CIDs of a published CID → Unicode table: the collection follows JIS X 0208 row by row, then box drawings and numbers.
    const cids: Array<[number, string]> = [
      [843, 'あ'], [924, 'ん'], [926, 'ア'], [1010, 'ヶ'], [1125, '亜'], [4089, '腕'], [4090, '弌'], [7477, '瑤'], [790, 'Ａ'], [735, '〒'], [1034, 'Ω'],
      [34, 'A'], [61, '¥'], [264, 'A'], [343, 'ｱ'], [389, 'ﾟ'], [633, '　'], [634, '、'], [7479, '─'], [7554, '╋'], [7555, '①'], [7584, 'Ⅹ'],
    ];
    for (const [cid, char] of cids) expect([cid, japan1Text(cid)]).toEqual([cid, char]);
    // Vertical forms and later supplements (熙 is 8285) stay without text.
    expect([japan1Text(7887), japan1Text(8285), japan1Text(0)]).toEqual([undefined, undefined, undefined]);
    const identity = '<< /Type /Font /Subtype /Type0 /BaseFont /Ryumin-Light /Encoding /Identity-H /DescendantFonts [6 0 R] >>';
    const shown = hex(cids.slice(0, 11).flatMap(([cid]) => [cid >> 8, cid & 0xff]));
    expect(await readPdfText(onePage(identity, `BT /F1 10 Tf 50 700 Td ${shown} Tj ET`, [cidDescendant]))).toBe('あんアヶ亜腕弌瑤Ａ〒Ω');
  });

  it('is told by `%PDF-` at its start, or a little after it with an object following; a text that quotes it stays text', async () => {
    const pdf = fixture('report-writer.pdf');
    const prefixed = concat([latin1('junk a downloader left\r\n'), pdf]);
    const [batch] = await new IngestSession().ingestSource('report.pdf', prefixed);
    expect([batch.report.encoding, batch.report.fileError, batch.ratings.length]).toEqual(['pdf', null, 48]);
    const quoting = new TextEncoder().encode('年度,区名,メモ\n2025,鶴見区,"%PDF-1.7 の添付は不要"\n');
    const [text] = await new IngestSession().ingestSource('memo.csv', quoting);
    expect([text.report.encoding, text.report.fileError?.code]).toEqual(['utf-8', 'unrecognised_header']);
  });

  it('built to take forever, it does not: a form drawing itself ten times over, a CMap of a million repeated ranges', async () => {
    // Without the bounds either would run for hours: the test's time limit is what fails.
    const loop = stream('/Type /XObject /Subtype /Form /BBox [0 0 500 100] /Resources << /XObject << /Fm1 6 0 R >> /Font << /F1 4 0 R >> >>', `BT /F1 12 Tf 0 0 Td (x) Tj ET ${'/Fm1 Do '.repeat(10)}`);
    expect(await readPdfText(onePage(helvetica, 'q 1 0 0 1 50 600 cm /Fm1 Do Q', [loop], '/XObject << /Fm1 6 0 R >>'))).toMatch(/^x+$/);
    const ranges = `1000000 beginbfrange\n${'<0000> <FFFF> <0041>\n'.repeat(1_000_000)}endbfrange`;
    const font = '<< /Type /Font /Subtype /Type0 /BaseFont /F /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>';
    expect(await readPdfText(onePage(font, 'BT /F1 10 Tf 50 700 Td <0001> Tj ET', ['<< /Type /Font /Subtype /CIDFontType2 /BaseFont /F >>', stream('/Filter /FlateDecode', deflateSync(latin1(ranges)))]))).toBe('B');
    // 400,000 marked spans left open, then 400,000 shows: each show looking through the open spans for an ActualText was 1.6·10^11 steps.
    const spans = `${'/P <</MCID 0>> BDC '.repeat(400_000)}BT /F1 1 Tf 50 700 Td ${'(x) Tj '.repeat(400_000)}ET`;
    expect(await readPdfText(onePage(helvetica, stream('/Filter /FlateDecode', deflateSync(latin1(spans)))))).toMatch(/^x+$/);
  }, 60_000);

  it('a long run of digits (a damaged stream\'s data, a number word) is crossed once, not once per digit', async () => {
    // Scanned for `N G obj` from every digit, or a number word backtracked at every digit, each took
    // minutes (a test PDF of pdf.js with 300 kB of digits took 8 s); the test's time limit is what fails.
    const digits = '7'.repeat(1_000_000);
    const page = onePage(helvetica, `BT /F1 12 Tf 50 700 Td (kept) Tj ET ${digits}x`);
    const cut = new TextDecoder('latin1').decode(page).indexOf('4 0 obj');
    const damaged = concat([page.subarray(0, cut), latin1(`${digits}\n`), page.subarray(cut)]);
    expect(await readPdfText(damaged)).toBe('kept');
    expect(isPdf(concat([latin1('saved by a downloader\n%PDF-1.4\n'), latin1(digits.slice(0, 65_000))]))).toBe(false);
  }, 10_000);

  it('a page of forty thousand fields reads the first ten thousand, as a page of forms does, each in its place', async () => {
    // Placed one by one into the page's characters, forty thousand would take minutes: the test's time limit is what fails.
    const count = 40_000;
    const annots = Array.from({ length: count }, (_, k) => `<< /Subtype /Widget /FT /Tx /Rect [${50 + (k % 100) * 5} ${800 - Math.floor(k / 100) * 2} ${55 + (k % 100) * 5} ${802 - Math.floor(k / 100) * 2}] /AP << /N 6 0 R >> >>`);
    const lines = Array.from({ length: 400 }, (_, k) => `BT /F1 1 Tf 20 ${800 - 2 * k} Td (L) Tj ET`).join('\n');
    const pdf = pdfFile([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R /Annots [${annots.map((_, k) => `${7 + k} 0 R`).join(' ')}] >>`,
      helvetica,
      stream('', lines),
      stream('/BBox [0 0 5 2] /Resources << /Font << /F1 4 0 R >> >>', 'BT /F1 1 Tf 0 0 Td (x) Tj ET'),
      ...annots,
    ]);
    const text = await readPdfText(pdf);
    const rows = text.split('\n');
    expect(rows).toHaveLength(400);
    // Each label's line holds the fields on its baseline: a hundred on each of the first hundred lines, none after.
    expect(rows.slice(0, 100).every((row) => row.replaceAll(' ', '') === `L${'x'.repeat(100)}`)).toBe(true);
    expect(rows.slice(100).every((row) => row === 'L')).toBe(true);
  }, 20_000);

  it('drawing millions of characters, it is refused as too large before memory runs out', async () => {
    const content = stream('/Filter /FlateDecode', deflateSync(latin1(`BT /F1 1 Tf 0 0 Td ${'(xxxxxxxxxxxxxxxxxxxx) Tj '.repeat(105_000)} ET`)));
    expect(await refusal(onePage(helvetica, content))).toBe('office_file_too_large');
  }, 60_000);

  it('cut short, it reads the pages it still has or is refused as damaged', async () => {
    const good = fixture('report-writer.pdf');
    for (const share of [0.3, 0.6, 0.9]) {
      const code = await refusal(good.slice(0, Math.round(good.length * share)));
      expect(['pdf_file', 'pdf_without_text', 'not_a_report', 'report_missing_title', null]).toContain(code);
    }
  });

  it('damaged anywhere, it is refused or read, never a crash, every row accounted for', () => expectDamageAccountedFor(fixture('report-writer.pdf'), 'x.pdf', 60), 60_000);
});
