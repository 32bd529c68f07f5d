import { describe, expect, it } from 'vitest';
import { queryKey, ratingDistributionByWardQuery } from '../../../src/lib/db/queries/index.ts';
import { NO_FILTERS } from '../../../src/lib/db/sql.ts';

describe('queryKey: what the build’s snapshot is keyed by', () => {
  it('is the same for the same SQL and values, and differs when either differs', () => {
    const all = ratingDistributionByWardQuery(NO_FILTERS);
    expect(queryKey(all)).toBe(queryKey(ratingDistributionByWardQuery({ ...NO_FILTERS })));
    expect(queryKey(all)).toMatch(/^ratingDistributionByWard:[0-9a-f]{16}$/);
    const keys = new Set(
      [
        all,
        ratingDistributionByWardQuery({ ...NO_FILTERS, fiscalYears: [2024] }),
        ratingDistributionByWardQuery({ ...NO_FILTERS, fiscalYears: [2025] }),
        ratingDistributionByWardQuery({ ...NO_FILTERS, raters: ['ward'] }),
        { ...all, params: [...all.params, 1] },
        { ...all, params: [...all.params, '1'] },
      ].map(queryKey),
    );
    expect(keys.size).toBe(6);
  });
});
