/**
 * Text for the CIDs of Adobe's Japanese character collection (Adobe-Japan1), for a CID font that
 * has no map to text of its own (Acrobat Distiller's output with `Identity-H` and no `ToUnicode`).
 * The collection lays out its first supplements in the order of the standards it was built from, so
 * the table is computed from those standards rather than carried: the JIS X 0208 block in row–cell
 * order (decoded with the browser's EUC-JP decoder), JIS-Roman and half-width katakana, the box
 * drawings in Unicode order, the circled numbers and Roman numerals. That covers what Japanese prose
 * is written with; the rest (vertical forms, glyph variants, later supplements) stays without text,
 * counted as such. Checked CID by CID against poppler-data's Adobe-Japan1 table (not carried): of
 * the 7,204 CIDs given text, 7,185 read the same, 3 the same after NFKC, and 16 as the Windows
 * mapping of the same JIS character (～ for 〜, － for −) or the ASCII one (_ for a combining low line).
 */

let table: string[] | null = null;

/** JIS X 0208 rows in the collection's order: the box drawings of row 8 are placed later, and the 1990 additions of row 84 too. */
const JIS_ROWS: ReadonlyArray<readonly [number, number]> = [
  [1, 7],
  [16, 84],
];
const LAST_CELL_ROW_84 = 4;

function build(): string[] {
  const text: string[] = [];
  // JIS-Roman, full and proportional widths: ASCII but for ¥ in the backslash's place.
  for (const first of [1, 231]) {
    for (let k = 0; k < 95; k++) text[first + k] = k === 0x3c ? '¥' : String.fromCharCode(0x20 + k);
  }
  for (let k = 0; k < 63; k++) text[327 + k] = String.fromCharCode(0xff61 + k);
  const eucJp = new TextDecoder('euc-jp');
  let cid = 633;
  for (const [from, to] of JIS_ROWS) {
    for (let row = from; row <= to; row++) {
      for (let cell = 1; cell <= (row === 84 ? LAST_CELL_ROW_84 : 94); cell++) {
        const char = eucJp.decode(Uint8Array.of(0xa0 + row, 0xa0 + cell));
        if (char !== '\ufffd') text[cid++] = char;
      }
    }
  }
  const runs: Array<[number, number, number]> = [
    [7479, 0x2500, 76],
    [7555, 0x2460, 20],
    [7575, 0x2160, 10],
  ];
  for (const [first, code, count] of runs) for (let k = 0; k < count; k++) text[first + k] = String.fromCharCode(code + k);
  return text;
}

/** The text of an Adobe-Japan1 CID, or undefined where this reader does not know it. */
export function japan1Text(cid: number): string | undefined {
  table ??= build();
  return table[cid];
}
