import { describe, expect, it } from 'vitest';
import { communities, modularity } from '../../../src/lib/stats/communities.ts';
import { correspondenceAnalysis } from '../../../src/lib/stats/correspondence.ts';

describe('communities (Louvain local moving)', () => {
  // Two triangles joined by one edge.
  const edges = [
    ['a', 'b'], ['b', 'c'], ['a', 'c'], ['d', 'e'], ['e', 'f'], ['d', 'f'], ['c', 'd'],
  ].map(([source, target]) => ({ source, target, weight: 1 }));
  const nodes = ['a', 'b', 'c', 'd', 'e', 'f'];

  it('finds the two triangles, the same way every time', () => {
    const found = communities(nodes, edges);
    expect(found.get('a')).toBe(found.get('b'));
    expect(found.get('b')).toBe(found.get('c'));
    expect(found.get('d')).toBe(found.get('e'));
    expect(found.get('e')).toBe(found.get('f'));
    expect(found.get('a')).not.toBe(found.get('d'));
    expect(communities(nodes, edges)).toEqual(found);
  });

  it('modularity of that split: 2 × (3/7 − (7/14)²) = 0.357142…', () => {
    expect(modularity(communities(nodes, edges), edges)).toBeCloseTo(2 * (3 / 7 - 0.25), 12);
  });

  it('a node without edges is a community of its own', () => {
    expect(new Set(communities(['x', 'y'], []).values()).size).toBe(2);
  });
});

describe('correspondenceAnalysis', () => {
  // Greenacre's smoking data (staff group × smoking): principal inertias 0.07476, 0.01002, 0.00041,
  // total 0.08519 (χ² = 16.44 on n = 193) — Greenacre, Correspondence Analysis in Practice, ch. 4.
  const smoke = [
    [4, 2, 3, 2],
    [4, 3, 7, 4],
    [25, 10, 12, 4],
    [18, 24, 33, 13],
    [10, 6, 7, 2],
  ];

  it('reproduces the published principal inertias and percentages', () => {
    const ca = correspondenceAnalysis(smoke, 3);
    expect(ca.total).toBeCloseTo(0.08519, 5);
    expect(ca.inertia[0]).toBeCloseTo(0.07476, 5);
    expect(ca.inertia[1]).toBeCloseTo(0.01002, 5);
    expect(ca.inertia[2]).toBeCloseTo(0.00041, 5);
    expect(ca.explained[0]).toBeCloseTo(0.878, 3);
    expect(ca.explained[1]).toBeCloseTo(0.118, 3);
  });

  it('total inertia is χ²/n, computed here without any SVD', () => {
    const n = smoke.flat().reduce((a, b) => a + b, 0);
    const rowSums = smoke.map((r) => r.reduce((a, b) => a + b, 0));
    const colSums = smoke[0].map((_, j) => smoke.reduce((s, r) => s + r[j], 0));
    let chi2 = 0;
    smoke.forEach((row, i) => row.forEach((o, j) => (chi2 += (o - (rowSums[i] * colSums[j]) / n) ** 2 / ((rowSums[i] * colSums[j]) / n))));
    expect(chi2).toBeCloseTo(16.44, 2);
    expect(correspondenceAnalysis(smoke).total).toBeCloseTo(chi2 / n, 12);
  });

  it('principal coordinates: mass-weighted means are 0, weighted variances are the inertias, and the axes are oriented', () => {
    const ca = correspondenceAnalysis(smoke, 2);
    const n = smoke.flat().reduce((a, b) => a + b, 0);
    const rowMass = smoke.map((r) => r.reduce((a, b) => a + b, 0) / n);
    const colMass = smoke[0].map((_, j) => smoke.reduce((s, r) => s + r[j], 0) / n);
    for (const k of [0, 1]) {
      expect(ca.rows.reduce((s, p, i) => s + rowMass[i] * p[k], 0)).toBeCloseTo(0, 12);
      expect(ca.rows.reduce((s, p, i) => s + rowMass[i] * p[k] ** 2, 0)).toBeCloseTo(ca.inertia[k], 12);
      expect(ca.columns.reduce((s, p, j) => s + colMass[j] * p[k] ** 2, 0)).toBeCloseTo(ca.inertia[k], 12);
      const extreme = ca.columns.map((p) => p[k]).reduce((a, b) => (Math.abs(b) > Math.abs(a) ? b : a));
      expect(extreme).toBeGreaterThan(0);
    }
    // The published map puts the non-smokers' column at ±0.393 on axis 1 (the sign of an axis is arbitrary).
    expect(Math.abs(ca.columns[0][0])).toBeCloseTo(0.393, 3);
  });

  it('refuses a table with an empty row', () => {
    expect(() => correspondenceAnalysis([[1, 2], [0, 0]])).toThrow();
  });
});

describe('network layout and label placement', () => {
  it('the same graph is laid out the same way every time, whatever order its nodes come in, inside its box', async () => {
    const { networkLayout } = await import('../../../src/lib/charts/network.ts');
    const nodes = ['父親', '支援', '参加', '地域', '連携', '孤立'].map((id, i) => ({ id, size: 10 - i, community: i % 2 }));
    const links = [['父親', '支援'], ['支援', '参加'], ['地域', '連携'], ['連携', '孤立'], ['参加', '地域']].map(([source, target], i) => ({ source, target, weight: 0.2 + i / 10 }));
    const once = networkLayout(nodes, links, 600, 400);
    const again = networkLayout([...nodes].reverse(), links, 600, 400);
    expect(again).toEqual(once);
    for (const n of once) {
      expect(n.x - n.r).toBeGreaterThanOrEqual(0);
      expect(n.x + n.r).toBeLessThanOrEqual(600);
      expect(n.y - n.r).toBeGreaterThanOrEqual(0);
      expect(n.y + n.r).toBeLessThanOrEqual(400);
    }
    // Linked pairs end up closer, on average, than pairs in general.
    const at = new Map(once.map((n) => [n.id, n]));
    const dist = (a: string, b: string) => Math.hypot(at.get(a)!.x - at.get(b)!.x, at.get(a)!.y - at.get(b)!.y);
    const mean = (values: number[]) => values.reduce((s, d) => s + d, 0) / values.length;
    const all = once.flatMap((a) => once.filter((b) => a.id < b.id).map((b) => dist(a.id, b.id)));
    expect(mean(links.map((l) => dist(l.source, l.target)))).toBeLessThan(mean(all));
  });

  it('labels of crowded points never overlap one another; those that find no place say so', async () => {
    const { placeLabels } = await import('../../../src/lib/charts/labels.ts');
    const points = Array.from({ length: 6 }, (_, i) => ({ key: String(i), x: 100 + (i % 2) * 3, y: 100 + i * 8, width: 40, height: 12 }));
    const placed = placeLabels(points);
    const shown = placed.filter((p) => !p.crowded);
    expect(shown.length).toBeGreaterThanOrEqual(4);
    for (const a of shown) {
      for (const b of shown) {
        if (a === b) continue;
        const apart = a.left + a.width <= b.left || b.left + b.width <= a.left || a.top + a.height <= b.top || b.top + b.height <= a.top;
        expect(apart, `${a.key} / ${b.key}`).toBe(true);
      }
    }
  });
});

describe('label placement around other points', () => {
  it('no label covers another point’s mark', async () => {
    const { placeLabels } = await import('../../../src/lib/charts/labels.ts');
    // A point right of the first one: its label must go elsewhere than to the right.
    const placed = placeLabels([
      { key: 'a', x: 100, y: 100, width: 40, height: 12 },
      { key: 'b', x: 120, y: 100, width: 40, height: 12 },
    ]);
    const a = placed[0];
    expect(a.left + a.width <= 116 || a.left >= 124 || a.top + a.height <= 96 || a.top >= 104).toBe(true);
    expect(a.anchor).not.toBe('start');
  });
});
