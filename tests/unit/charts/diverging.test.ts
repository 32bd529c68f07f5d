import { describe, expect, it } from 'vitest';
import { toDivergingSegments } from '../../../src/lib/charts/diverging.ts';

describe('toDivergingSegments(rows)', () => {
  it('stacks B then A right of zero and C then D left of it, as shares of rated answers', () => {
    const { rows, domain } = toDivergingSegments([
      { key: 'x', label: 'x', counts: { A: 2, B: 1, C: 1, D: 0 }, unrated: 4, n: 8 },
    ]);
    expect(rows[0].segments).toEqual([
      { level: 'D', count: 0, share: 0, from: -0.25, to: -0.25 },
      { level: 'C', count: 1, share: 0.25, from: -0.25, to: 0 },
      { level: 'B', count: 1, share: 0.25, from: 0, to: 0.25 },
      { level: 'A', count: 2, share: 0.5, from: 0.25, to: 0.75 },
    ]);
    expect(domain).toEqual([-0.25, 0.75]);
  });

  it('stacks D, C, B, A from 0 to 100% in the stacked scale', () => {
    const { rows, domain } = toDivergingSegments([{ key: 'x', label: 'x', counts: { A: 2, B: 1, C: 1, D: 0 }, unrated: 4, n: 8 }], 'stacked');
    expect(rows[0].segments.map((s) => [s.level, s.from, s.to])).toEqual([
      ['D', 0, 0],
      ['C', 0, 0.25],
      ['B', 0.25, 0.5],
      ['A', 0.5, 1],
    ]);
    expect(domain).toEqual([0, 1]);
  });

  it('keeps all four levels, in order, for a row with no rated answers', () => {
    const { rows } = toDivergingSegments([{ key: 'y', label: 'y', counts: { A: 0, B: 0, C: 0, D: 0 }, unrated: 3, n: 3 }]);
    expect(rows[0].segments.map((s) => [s.level, s.from, s.to])).toEqual([
      ['D', -0, -0],
      ['C', -0, 0],
      ['B', 0, 0],
      ['A', 0, 0],
    ]);
  });
});
