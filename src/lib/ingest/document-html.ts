/**
 * What the Word and Writer readers share: a document as the HTML the report reader reads, each
 * paragraph a `<p>`, a list item's mark (kept by the program outside the text) written before it.
 */

/** A paragraph with its list mark, if any: a bullet glued to the text, a number followed by a space. */
export function paragraphHtml(mark: string | null, text: string): string {
  const shown = mark === null ? text : `${mark}${/^[・•●○◆■]$/.test(mark) ? '' : ' '}${text}`;
  return `<p>${shown.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br>')}</p>`;
}

/** ① … ⑳ (past 20, the number). */
export const circled = (n: number) => (n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n));
/** The number in full-width digits: １２. */
export const fullWidth = (n: number) => String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
