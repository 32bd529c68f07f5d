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

/**
 * The network is laid out at least this wide; a narrower box scrolls sideways. Squeezed into a phone's
 * 360 px, even a taller box packed the words onto each other (7–9 words over words, 14–21 over circles).
 */
export const NETWORK_MIN_WIDTH = 640;
export const NETWORK_HEIGHT = 520;

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

export interface NodeLabel {
  /** From the node's centre to the text's anchor point (its baseline). */
  dx: number;
  dy: number;
  anchor: 'start' | 'middle' | 'end';
}

interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

const overlap = (a: Box, b: Box) => Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)) * Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));

/**
 * Where each word is written: under its circle where that is free, else above, right or left, the
 * first spot that clears the words already placed, every other circle and the box's edges (else
 * the spot that overlaps least). Larger words are placed first. In a narrow box the layout packs
 * nodes closer than their words' room, and words written under every circle ran into each other.
 */
export function placeNodeLabels(placed: readonly PlacedNode[], width: number, height: number, textWidth: (text: string) => number, fontSize = 12): Map<string, NodeLabel> {
  const ascent = fontSize * 0.88;
  const descent = fontSize * 0.25;
  const circles: Array<Box & { id: string }> = placed.map((n) => ({ id: n.id, x0: n.x - n.r, x1: n.x + n.r, y0: n.y - n.r, y1: n.y + n.r }));
  const taken: Box[] = [];
  const labels = new Map<string, NodeLabel>();
  for (const node of [...placed].sort((a, b) => b.size - a.size || (a.id < b.id ? -1 : 1))) {
    const w = textWidth(node.id);
    const diagonal = node.r * Math.SQRT1_2;
    const candidates: NodeLabel[] = [
      { dx: 0, dy: node.r + ascent, anchor: 'middle' },
      { dx: 0, dy: -node.r - descent - 2, anchor: 'middle' },
      { dx: node.r + 3, dy: fontSize * 0.35, anchor: 'start' },
      { dx: -node.r - 3, dy: fontSize * 0.35, anchor: 'end' },
      { dx: diagonal + 2, dy: diagonal + ascent, anchor: 'start' },
      { dx: -diagonal - 2, dy: diagonal + ascent, anchor: 'end' },
      { dx: diagonal + 2, dy: -diagonal - descent - 2, anchor: 'start' },
      { dx: -diagonal - 2, dy: -diagonal - descent - 2, anchor: 'end' },
    ];
    let best: { label: NodeLabel; box: Box; cost: number } | null = null;
    for (const label of candidates) {
      const x = node.x + label.dx;
      const left = label.anchor === 'start' ? x : label.anchor === 'end' ? x - w : x - w / 2;
      const box = { x0: left, x1: left + w, y0: node.y + label.dy - ascent, y1: node.y + label.dy + descent };
      const outside = (box.x0 < 0 ? -box.x0 : 0) + (box.x1 > width ? box.x1 - width : 0) + (box.y0 < 0 ? -box.y0 : 0) + (box.y1 > height ? box.y1 - height : 0);
      let cost = outside * fontSize;
      for (const other of taken) cost += overlap(box, other);
      for (const circle of circles) if (circle.id !== node.id) cost += overlap(box, circle);
      if (!best || cost < best.cost) best = { label, box, cost };
      if (cost === 0) break;
    }
    taken.push(best!.box);
    labels.set(node.id, best!.label);
  }
  return labels;
}
