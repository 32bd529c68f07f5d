import fc from 'fast-check';
import { expect } from 'vitest';
import { IngestSession } from '../../../src/lib/ingest/session.ts';

/**
 * A file with up to four bytes changed and maybe cut short anywhere: the session refuses it or reads
 * it, never throws, and accounts for every row it read.
 */
export async function expectDamageAccountedFor(good: Uint8Array, name: string, numRuns: number): Promise<void> {
  await fc.assert(
    fc.asyncProperty(fc.array(fc.record({ at: fc.nat(good.length - 1), byte: fc.nat(255) }), { minLength: 1, maxLength: 4 }), fc.option(fc.nat(good.length - 1)), async (changes, cut) => {
      const bytes = good.slice(0, cut ?? good.length);
      for (const { at, byte } of changes) if (at < bytes.length) bytes[at] = byte;
      const batches = await new IngestSession().ingestSource(name, bytes);
      expect(batches.length).toBeGreaterThan(0);
      for (const { report: r } of batches) expect(r.rowsLoaded + r.rowsDuplicate + r.rowsRejected).toBe(r.rowsRead);
    }),
    { numRuns },
  );
}
