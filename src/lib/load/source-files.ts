import { isDataFile, isSystemFile } from '../ingest/data-files.ts';

/**
 * Which files of a chosen or dropped folder the app reads, and in what order. A folder saved from a
 * browser ("Web page, complete") also holds images, styles and scripts: those are skipped and named.
 */
export interface Picked<F> {
  files: Array<{ path: string; file: F }>;
  skipped: string[];
}

/**
 * The files to read, in path order (so the same folder always loads the same way: a later file wins a
 * conflict). A file chosen on its own is always read (a slide deck is then told how to get its text out);
 * inside a folder, only data files are.
 */
export function pickDataFiles<F>(entries: Array<{ path: string; file: F }>): Picked<F> {
  const inFolder = (path: string) => /[/\\]/.test(path);
  // What the system put in the folder (`.DS_Store`, `Thumbs.db`) is not one of its files: not even named.
  const sorted = entries.filter((e) => !inFolder(e.path) || !isSystemFile(e.path)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const wanted = (path: string) => !inFolder(path) || isDataFile(path);
  return { files: sorted.filter((e) => wanted(e.path)), skipped: sorted.filter((e) => !wanted(e.path)).map((e) => e.path) };
}
