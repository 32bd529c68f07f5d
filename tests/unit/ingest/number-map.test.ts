import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NumberMap } from '../../../src/lib/ingest/number-map.ts';

describe('NumberMap', () => {
  it('answers like a Map through any sequence of sets and deletes (growth and backward-shift deletion included)', () => {
    // Few distinct keys, so sets and deletes hit the same probe runs; a tiny start size forces growth.
    const op = fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 2 ** 40 }));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), (ops) => {
        const map = new NumberMap(1);
        const reference = new Map<number, number>();
        for (const [isSet, key, value] of ops) {
          if (isSet) {
            map.set(key * 1024, value);
            reference.set(key * 1024, value);
          } else {
            map.delete(key * 1024);
            reference.delete(key * 1024);
          }
        }
        expect(map.size).toBe(reference.size);
        for (let key = 0; key <= 300; key++) expect(map.get(key * 1024)).toBe(reference.get(key * 1024) ?? -1);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses keys it cannot hold rather than storing them wrongly', () => {
    const map = new NumberMap();
    expect(() => map.set(2 ** 31, 1)).toThrow(RangeError);
    expect(() => map.set(-1, 1)).toThrow(RangeError);
    expect(() => map.set(1.5, 1)).toThrow(RangeError);
  });
});
