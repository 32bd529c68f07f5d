/**
 * Which files the app reads by their name: inside a chosen folder or a compressed one (`.zip`), only
 * these are; a file chosen on its own is always read (and told what it is when it is none of them).
 */
export const DATA_EXTENSIONS = ['csv', 'tsv', 'txt', 'md', 'markdown', 'html', 'htm', 'mhtml', 'mht', 'webarchive', 'xlsx', 'xlsm', 'xls', 'ods', 'docx', 'doc', 'odt', 'pdf', 'zip'] as const;

export function isDataFile(path: string): boolean {
  if (isOfficeLockFile(path)) return false;
  const ext = /\.([^./\\]+)$/.exec(path)?.[1]?.toLowerCase();
  return ext !== undefined && (DATA_EXTENSIONS as readonly string[]).includes(ext);
}

/**
 * Excel and Word write `~$name.xlsx` beside a file while it is open (its owner: who has it open), as a
 * hidden file a dropped folder still carries. It names a data file but holds none.
 */
export function isOfficeLockFile(path: string): boolean {
  return /(?:^|[/\\])~\$[^/\\]*$/.test(path);
}

/**
 * What an operating system or an office program adds to a folder, not a file of it: a Mac's resource
 * forks (`__MACOSX/`) and `.DS_Store`, any hidden dot file (LibreOffice's `.~lock.…#` among them),
 * Windows' `Thumbs.db` and `desktop.ini`. Left out of a folder or a zip without being named.
 */
export function isSystemFile(path: string): boolean {
  return /(?:^|[/\\])(?:__MACOSX[/\\]|\.[^/\\]*$|Thumbs\.db$|desktop\.ini$)/i.test(path);
}
