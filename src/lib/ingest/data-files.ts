/**
 * Which files the app reads by their name: inside a chosen folder or a compressed one (`.zip`), only
 * these are; a file chosen on its own is always read (and told what it is when it is none of them).
 */
export const DATA_EXTENSIONS = ['csv', 'tsv', 'txt', 'md', 'markdown', 'html', 'htm', 'mhtml', 'mht', 'webarchive', 'xlsx', 'xlsm', 'ods', 'docx', 'odt', 'zip'] as const;

export function isDataFile(path: string): boolean {
  const ext = /\.([^./\\]+)$/.exec(path)?.[1]?.toLowerCase();
  return ext !== undefined && (DATA_EXTENSIONS as readonly string[]).includes(ext);
}
