import { concatBytes } from '../../../src/lib/ingest/byte-text.ts';

/** PDFs written here operator by operator, for the reader's tests: small enough to read, built from what any writer writes. */

export const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
export const concat = concatBytes;

/** A stream object's body: its dictionary with the data's length, then the data. */
export const stream = (dict: string, data: Uint8Array | string) => {
  const bytes = typeof data === 'string' ? latin1(data) : data;
  return concat([latin1(`<< ${dict} /Length ${bytes.length} >>\nstream\n`), bytes, latin1('\nendstream')]);
};

/**
 * A PDF written here, object by object (object k + 1 is `objects[k]`), with its cross-reference table
 * and trailer: the structures the reader must take from any writer, made small enough to read.
 */
export function pdfFile(objects: Array<string | Uint8Array>, trailer = '/Root 1 0 R'): Uint8Array {
  const parts: Uint8Array[] = [latin1('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')];
  let length = parts[0].length;
  const offsets: number[] = [];
  objects.forEach((body, k) => {
    offsets.push(length);
    const part = concat([latin1(`${k + 1} 0 obj\n`), typeof body === 'string' ? latin1(body) : body, latin1('\nendobj\n')]);
    parts.push(part);
    length += part.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  parts.push(latin1(`${xref}trailer\n<< /Size ${objects.length + 1} ${trailer} >>\nstartxref\n${length}\n%%EOF\n`));
  return concat(parts);
}

/** One page (objects 1–3) showing `content` with font `F1` (object 4) and any further objects from 6 on. */
export function onePage(font: string, content: Uint8Array | string, more: Array<string | Uint8Array> = [], resources = '') {
  return pdfFile([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> ${resources} >> /Contents 5 0 R >>`,
    font,
    typeof content === 'string' ? stream('', content) : content,
    ...more,
  ]);
}

export const cidFont = (encoding: string) =>
  `<< /Type /Font /Subtype /Type0 /BaseFont /KozMinPr6N-Regular /Encoding /${encoding} /DescendantFonts [6 0 R] >>`;
export const cidDescendant = '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /KozMinPr6N-Regular /CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 6 >> /DW 1000 >>';
export const helvetica = `<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 32 /LastChar 126 /Widths [${Array(95).fill(500).join(' ')}] >>`;
export const hex = (bytes: number[]) => `<${bytes.map((b) => b.toString(16).padStart(2, '0')).join('')}>`;
export const ucs2 = (text: string) => hex([...text].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff]));

/** A text's lines drawn one under another in a UCS-2 font (a PDF whose fonts are not embedded), a page per 50 lines. */
export function textPdf(text: string): Uint8Array {
  const lines = text.split('\n');
  const pages: string[] = [];
  for (let i = 0; i < lines.length; i += 50) {
    pages.push(lines.slice(i, i + 50).map((line, k) => `BT /F1 10 Tf 40 ${800 - 14 * k} Td ${ucs2(line)} Tj ET`).join('\n'));
  }
  const pageObjects = pages.flatMap((content, k) => [
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${6 + 2 * k} 0 R >>`,
    stream('', content),
  ]);
  return pdfFile([
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pages.map((_, k) => `${5 + 2 * k} 0 R`).join(' ')}] /Count ${pages.length} >>`,
    cidFont('UniJIS-UCS2-H').replace('[6 0 R]', '[4 0 R]'),
    cidDescendant,
    ...pageObjects,
  ]);
}
