/**
 * Rows a spreadsheet keeps beside its data: a totals row (合計, 18区計, 市平均, Total) or a note
 * (※…, 注1：…, 出典：…). Such a row is rejected as any row the data does not hold, but named for
 * what it is rather than by its empty or unknown cells.
 */
export type SummaryKind = 'total' | 'note';

// Matched after NFKC, lower case and without spaces (合　計, Grand Total); a label, so short.
const TOTAL = /^(?:.{0,12}(?:合計|総計|小計|累計|計|総数|平均)|横浜市|全市|市全体|全区|全体|(?:grand|sub)?total|sum|average|mean|allwards|citywide|citytotal)$/;
// NFKC has made ＊ *, ： :, （） (), ． . and full-width digits ASCII.
const NOTE = /^(?:[※*†]|\((?:注|備考)[0-9]*\)|(?:注|備考|出典|資料|注記)[0-9]*[:).、]|(?:注|備考|出典|注記)$|(?:notes?|source)[0-9]*:)/;

/** The row's first filled cell when it labels the row as a total or a note; null otherwise. */
export function summaryRow(fields: string[]): { index: number; kind: SummaryKind } | null {
  const index = fields.findIndex((field) => field.trim() !== '');
  if (index === -1) return null;
  const label = fields[index].normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  if (NOTE.test(label)) return { index, kind: 'note' };
  if (TOTAL.test(label)) return { index, kind: 'total' };
  return null;
}
