import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force';

export interface NetworkNode {
  id: string;
  /** Items naming the word: the node's area. */
  size: number;
  community: number;
}

export interface NetworkLink {
  source: string;
  target: string;
  /** Jaccard coefficient: the link's width and pull. */
  weight: number;
}

export interface PlacedNode extends NetworkNode {
  x: number;
  y: number;
  r: number;
}

/** A fixed linear congruential generator: the layout's only randomness, so a graph is always drawn the same. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * A force-directed layout run to rest once and frozen (no animation): nodes sorted by id, a seeded
 * random source, a fixed number of ticks, then scaled into the box. Radii grow with the square root
 * of the size (area ∝ items), from `minR` to `maxR`.
 */
export function networkLayout(nodes: readonly NetworkNode[], links: readonly NetworkLink[], width: number, height: number, { minR = 5, maxR = 20, margin = 40, ticks = 300 } = {}): PlacedNode[] {
  if (nodes.length === 0) return [];
  const maxSize = Math.max(...nodes.map((n) => n.size), 1);
  const radius = (size: number) => minR + (maxR - minR) * Math.sqrt(size / maxSize);
  type SimNode = NetworkNode & SimulationNodeDatum & { r: number };
  const simNodes: SimNode[] = [...nodes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((n) => ({ ...n, r: radius(n.size) }));
  const simLinks = links.map((l) => ({ ...l }));
  const simulation = forceSimulation(simNodes)
    .randomSource(seeded(20240601))
    .force('link', forceLink<SimNode, (typeof simLinks)[number]>(simLinks).id((d) => d.id).distance(70).strength((l) => 0.1 + 0.5 * l.weight))
    .force('charge', forceManyBody().strength(-150))
    // A weaker pull sideways than up and down: the picture spreads to the box's landscape shape.
    .force('x', forceX(0).strength((0.08 * height) / width))
    .force('y', forceY(0).strength(0.08))
    // Room for the node and the word written under it (about 12 px a character).
    .force('collide', forceCollide<SimNode>((d) => Math.max(d.r, [...d.id].length * 6) + 8))
    .stop();
  for (let i = 0; i < ticks; i++) simulation.tick();
  const xs = simNodes.map((n) => n.x ?? 0);
  const ys = simNodes.map((n) => n.y ?? 0);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  // One scale for both axes, so distances keep their meaning.
  const scale = Math.min((width - 2 * margin) / Math.max(x1 - x0, 1), (height - 2 * margin) / Math.max(y1 - y0, 1), 2.5);
  const offsetX = (width - (x1 - x0) * scale) / 2;
  const offsetY = (height - (y1 - y0) * scale) / 2;
  return simNodes.map(({ id, size, community, r, x, y }) => ({ id, size, community, r, x: offsetX + ((x ?? 0) - x0) * scale, y: offsetY + ((y ?? 0) - y0) * scale }));
}
