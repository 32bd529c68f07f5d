import { attributes } from './xml.ts';
import { isZip, ZipArchive } from './zip.ts';

/**
 * What the OpenDocument readers share (ods.ts, odt.ts): the package, told by its `mimetype` entry,
 * and the inline elements a paragraph's text is written with.
 */
export interface OdfPackage {
  content: string;
  /** The package's styles (`styles.xml`) and the content's own, before its body: where list, table and data styles are. */
  styles: string;
}

/** The package of `mimetype` (a template, `.ots` or `.ott`, is of its type too), or null for any other bytes. */
export async function openPackage(bytes: Uint8Array, mimetype: string): Promise<OdfPackage | null> {
  if (!isZip(bytes)) return null;
  const zip = new ZipArchive(bytes);
  if (!(await zip.text('mimetype'))?.trim().startsWith(mimetype)) return null;
  const content = await zip.text('content.xml');
  if (content === null) throw new Error('content.xml missing');
  // Only the part before the body: a long sheet's cells stay out of the style patterns.
  const bodyAt = content.search(/<office:body[\s>]/);
  return { content, styles: `${(await zip.text('styles.xml')) ?? ''}${bodyAt === -1 ? content : content.slice(0, bodyAt)}` };
}

/** The text an inline element stands for: a run of spaces (`text:s`), a tab, a line break; null for any other element. */
export function inlineText(tag: string, attrs: string): string | null {
  if (tag === 's') return ' '.repeat(Math.min(Number(attributes(attrs)['text:c'] ?? 1) || 1, 1000));
  if (tag === 'tab') return '\t';
  if (tag === 'line-break') return '\n';
  return null;
}
