/**
 * Caches a parser by its raw input. Codes repeat on every row (a million ratings hold a few dozen
 * distinct years, stages and letters), so each distinct value is normalised once; the cache stops
 * growing at `limit` so free-text columns cannot exhaust memory.
 */
export function memoize<R>(parse: (raw: string) => R, limit = 10000): (raw: string) => R {
  const cache = new Map<string, R>();
  // Runs of the same value (a ward's 48 rows, a year's thousands) skip hashing a fresh string.
  let lastRaw: string | undefined;
  let lastResult: R;
  return (raw) => {
    if (raw === lastRaw) return lastResult;
    let result = cache.get(raw);
    if (result === undefined && !cache.has(raw)) {
      result = parse(raw);
      if (cache.size < limit) cache.set(raw, result);
    }
    lastRaw = raw;
    lastResult = result as R;
    return result as R;
  };
}
