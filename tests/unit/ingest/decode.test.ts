import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../src/lib/ingest/decode.ts';

const encode = (text: string, encoding: string) => new Uint8Array(iconv.encode(text, encoding));
const utf8 = (text: string) => new TextEncoder().encode(text);
function decoded(bytes: Uint8Array) {
  const result = decodeBytes(bytes);
  if (!result.ok) throw new Error(`not decoded: ${result.code}`);
  return { encoding: result.decoded.encoding, text: result.decoded.text, badLines: [...result.decoded.badLines] };
}

const NARRATIVES = '区名,年度,区分,内容\n西区,令和6年度,取組の課題,父親の育児参加を進める\n西区,令和6年度,取組の効果,ピアサポートの場ができた\n';

describe('decodeBytes: the encoding is decided, never guessed silently', () => {
  const WARDS = 'ward,fiscal_year\nNishi,2024\n';
  it.each([
    ['utf-8', utf8(NARRATIVES), 'utf-8', NARRATIVES],
    ['cp932', encode(NARRATIVES, 'cp932'), 'shift_jis', NARRATIVES],
    ['euc-jp', encode(NARRATIVES, 'euc-jp'), 'euc-jp', NARRATIVES],
    ['utf-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(NARRATIVES)]), 'utf-8-bom', NARRATIVES],
    ['utf-16le with BOM (Excel "Unicode text")', encode(`\ufeff${NARRATIVES}`, 'utf-16le'), 'utf-16le', NARRATIVES],
    ['utf-16be with BOM', encode(`\ufeff${NARRATIVES}`, 'utf-16be'), 'utf-16be', NARRATIVES],
    ['utf-16le without BOM', encode(WARDS, 'utf-16le'), 'utf-16le', WARDS],
    ['utf-16be without BOM', encode(WARDS, 'utf-16be'), 'utf-16be', WARDS],
  ])('%s', (_, bytes, encoding, text) => {
    expect(decoded(bytes)).toEqual({ encoding, text, badLines: [] });
  });

  it('a UTF-8 file with one bad byte stays UTF-8 and marks only that line, with U+FFFD where the byte was', () => {
    const good = utf8('区,年度,段階,設問番号,評価者,評価\nTsurumi,2024,1,1,ward,A\nNishi,2024,1,2,ward,B\nNaka,2024,1,3,ward,C\n');
    const bytes = new Uint8Array([...good.subarray(0, good.length - 5), 0xff, ...good.subarray(good.length - 5)]);
    const result = decoded(bytes);
    expect(result.encoding).toBe('utf-8');
    expect(result.badLines).toEqual([4]);
    expect(result.text.split('\n')[3]).toBe('Naka,2024,1,3,wa\ufffdrd,C');
    expect(result.text.split('\n')[0]).toBe('区,年度,段階,設問番号,評価者,評価');
  });

  it('CP932 half-width kana that are also valid UTF-8 (ﾂｱﾃｽ, not ±ý) are read as CP932', () => {
    const result = decoded(encode('code,name,name_en\n14101,ﾂｱﾃｽ,Tsurumi\n', 'cp932'));
    expect(result).toMatchObject({ encoding: 'shift_jis', text: 'code,name,name_en\n14101,ﾂｱﾃｽ,Tsurumi\n' });
  });

  it('UTF-8 Latin letters that are also valid CP932 (café, not cafﾃｩ) stay UTF-8', () => {
    expect(decoded(utf8('code,name,name_en\n14101,café,Tsurumi\n'))).toMatchObject({ encoding: 'utf-8', text: 'code,name,name_en\n14101,café,Tsurumi\n' });
  });

  it('EUC-JP kanji-only text that CP932 could also decode is read as EUC-JP', () => {
    expect(decoded(encode('区,年度,段階\n', 'euc-jp'))).toMatchObject({ encoding: 'euc-jp', text: '区,年度,段階\n' });
    // Found by the fuzz suite: read as CP932 this is a long run of half-width kana with an impossible ｻﾟ.
    const kanjiOnly = 'ward,fiscal_year,section,item_no,text\n鶴見区,2019,challenge,1,孤立防止孤立防止講座孤立防止\n';
    expect(decoded(encode(kanjiOnly, 'euc-jp'))).toMatchObject({ encoding: 'euc-jp', text: kanjiOnly });
  });

  it('a CP932 file with a byte CP932 does not have marks that line only', () => {
    const good = encode('区名,年度,区分,内容\n西区,2024,goal,父親支援\n西区,2024,goal,孤立防止\n', 'cp932');
    const bytes = new Uint8Array([...good, ...encode('西区,2024,goal,', 'cp932'), 0x85, 0x40, 0x0a]);
    const result = decoded(bytes);
    expect(result.encoding).toBe('shift_jis');
    expect(result.badLines).toEqual([4]);
  });

  it('refuses binary data, and UTF-16 with a broken surrogate naming its line', () => {
    expect(decodeBytes(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0, 0, 0x14, 0]))).toMatchObject({ ok: false, code: 'zip_file' });
    expect(decodeBytes(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toMatchObject({ ok: false, code: 'office_file' });
    // A password-protected .xlsx: an OLE file whose directory (names in UTF-16LE, 64-byte fields) holds EncryptionInfo and EncryptedPackage.
    const entry = (name: string) => { const field = new Uint8Array(128); field.set(encode(name, 'utf-16le')); return [...field]; };
    const encrypted = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0), ...entry('Root Entry'), ...entry('EncryptionInfo'), ...entry('EncryptedPackage')]);
    expect(decodeBytes(encrypted)).toMatchObject({ ok: false, code: 'encrypted_office_file' });
    expect(decodeBytes(new TextEncoder().encode('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'))).toMatchObject({ ok: false, code: 'pdf_file' });
    expect(decodeBytes(new TextEncoder().encode("{\\rtf1\\ansi\\ansicpg932 {\\fonttbl} \\'8b\\'e6}"))).toMatchObject({ ok: false, code: 'rtf_file' });
    expect(decodeBytes(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0]))).toMatchObject({ ok: false, code: 'binary_file' });
    const broken = new Uint8Array([0xff, 0xfe, ...encode('a,b\nc,d\n', 'utf-16le'), 0x00, 0xd8, 0x41, 0x00]);
    expect(decodeBytes(broken)).toEqual({ ok: false, code: 'undecodable', params: { encoding: 'utf-16le', line: 3 } });
  });
});
