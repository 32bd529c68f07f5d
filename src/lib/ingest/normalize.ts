/** Codes, years, letters and numbers are compared after NFKC + trim; free text never is. */
export function normalizeCode(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/**
 * Header names match after NFKC, trim and case folding; inner spaces and hyphens count as `_`.
 * Zero-width characters (pasted from web pages, or a second BOM) are dropped; NFKC makes a
 * no-break space a space.
 */
export function normalizeHeader(value: string): string {
  return normalizeCode(value.replace(/[\u200b-\u200d\u2060\ufeff]/g, '')).toLowerCase().replace(/[\s-]+/g, '_');
}

/** A copy of free text for matching only (KH Coder-style coding rules match on this). */
export function normalizeForMatch(value: string): string {
  return value.normalize('NFKC').toLowerCase();
}

export function isBlank(value: string | undefined): boolean {
  return value === undefined || value.trim() === '';
}

/** Levenshtein distance, small inputs only (ward names). */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}
