import type { Lang } from '../../lib/i18n/messages.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/** A pasted text's name as a file, by the minute and second it was loaded (`貼り付け_20261128-100512.txt`). */
export function pastedFileName(lang: Lang, at: Date): string {
  const stamp = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
  return `${lang === 'ja' ? '貼り付け' : 'pasted'}_${stamp}.txt`;
}
