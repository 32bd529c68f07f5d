export interface WeightedEdge {
  source: string;
  target: string;
  weight: number;
}

/**
 * Communities of a weighted graph by modularity, with the local-moving phase of the Louvain method
 * (Blondel et al. 2008): each node in turn joins the neighbouring community that raises modularity
 * most, until no move does. Nodes are visited in the order given and ties go to the lower community,
 * so the same graph always gets the same communities. Numbered 0… by size, largest first.
 */
export function communities(nodes: readonly string[], edges: readonly WeightedEdge[]): Map<string, number> {
  const index = new Map(nodes.map((n, i) => [n, i]));
  const neighbours: Array<Map<number, number>> = nodes.map(() => new Map());
  const degree = new Float64Array(nodes.length);
  let total = 0;
  for (const { source, target, weight } of edges) {
    const a = index.get(source);
    const b = index.get(target);
    if (a === undefined || b === undefined || a === b || weight <= 0) continue;
    neighbours[a].set(b, (neighbours[a].get(b) ?? 0) + weight);
    neighbours[b].set(a, (neighbours[b].get(a) ?? 0) + weight);
    degree[a] += weight;
    degree[b] += weight;
    total += weight;
  }
  const community = nodes.map((_, i) => i);
  const communityDegree = Float64Array.from(degree);
  const twoM = 2 * total;
  for (let pass = 0, moved = true; moved && pass < 100 && twoM > 0; pass++) {
    moved = false;
    for (let i = 0; i < nodes.length; i++) {
      const own = community[i];
      communityDegree[own] -= degree[i];
      const links = new Map<number, number>();
      for (const [j, w] of neighbours[i]) links.set(community[j], (links.get(community[j]) ?? 0) + w);
      // Gain of joining C, up to a factor common to all C: k_i,in(C) − Σtot(C)·k_i / 2m.
      const gain = (c: number) => (links.get(c) ?? 0) - (communityDegree[c] * degree[i]) / twoM;
      let best = own;
      let bestGain = gain(own);
      for (const c of [...links.keys()].sort((a, b) => a - b)) {
        const g = gain(c);
        if (g > bestGain + 1e-12) {
          best = c;
          bestGain = g;
        }
      }
      communityDegree[best] += degree[i];
      if (best !== own) {
        community[i] = best;
        moved = true;
      }
    }
  }
  const sizes = new Map<number, number>();
  for (const c of community) sizes.set(c, (sizes.get(c) ?? 0) + 1);
  const order = [...sizes.keys()].sort((a, b) => sizes.get(b)! - sizes.get(a)! || a - b);
  const label = new Map(order.map((c, i) => [c, i]));
  return new Map(nodes.map((n, i) => [n, label.get(community[i])!]));
}

/** Newman's modularity Q of a partition: Σ_c [ L_c / m − (d_c / 2m)² ]. */
export function modularity(partition: ReadonlyMap<string, number>, edges: readonly WeightedEdge[]): number {
  let m = 0;
  const inside = new Map<number, number>();
  const degrees = new Map<number, number>();
  for (const { source, target, weight } of edges) {
    const a = partition.get(source);
    const b = partition.get(target);
    if (a === undefined || b === undefined || source === target) continue;
    m += weight;
    if (a === b) inside.set(a, (inside.get(a) ?? 0) + weight);
    degrees.set(a, (degrees.get(a) ?? 0) + weight);
    degrees.set(b, (degrees.get(b) ?? 0) + weight);
  }
  if (m === 0) return 0;
  let q = 0;
  for (const [c, d] of degrees) q += (inside.get(c) ?? 0) / m - (d / (2 * m)) ** 2;
  return q;
}
