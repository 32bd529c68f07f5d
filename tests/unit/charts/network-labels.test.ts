import { describe, expect, it } from 'vitest';
import { estimateTextWidth } from '../../../src/lib/charts/layout.ts';
import { placeNodeLabels, type PlacedNode } from '../../../src/lib/charts/network.ts';

const width = (text: string) => estimateTextWidth(text, 12);
const node = (id: string, x: number, y: number, size = 10, r = 8): PlacedNode => ({ id, x, y, r, size, community: 0 });

/** Each label's box as placed, by the same measure the placement uses. */
function boxes(nodes: PlacedNode[], w: number, h: number) {
  const labels = placeNodeLabels(nodes, w, h, width);
  return nodes.map((n) => {
    const l = labels.get(n.id)!;
    const x = n.x + l.dx;
    const left = l.anchor === 'start' ? x : l.anchor === 'end' ? x - width(n.id) : x - width(n.id) / 2;
    return { id: n.id, anchor: l.anchor, x0: left, x1: left + width(n.id), y0: n.y + l.dy - 10.5, y1: n.y + l.dy + 3 };
  });
}
const hit = (a: { x0: number; x1: number; y0: number; y1: number }, b: typeof a) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

describe('placeNodeLabels', () => {
  it('writes a word under its circle where that is free', () => {
    const placed = boxes([node('父親', 100, 100), node('ピアサポート', 300, 100)], 400, 300);
    expect(placed.map((b) => b.anchor)).toEqual(['middle', 'middle']);
    expect(placed.every((b) => b.y0 > 100)).toBe(true);
  });

  it('moves words that would run into each other or into another circle', () => {
    // A column of words closer than a line of text: under each circle they would overlap the next.
    const nodes = [node('関係機関', 200, 100, 30), node('地域ケアプラザ', 200, 122, 10), node('療育センター', 200, 144, 5), node('子育て支援', 200, 166, 20)];
    const placed = boxes(nodes, 600, 400);
    for (let i = 0; i < placed.length; i++) {
      for (let j = i + 1; j < placed.length; j++) expect(hit(placed[i], placed[j]), `${placed[i].id} / ${placed[j].id}`).toBe(false);
      for (const other of nodes) {
        if (other.id !== placed[i].id) expect(hit(placed[i], { x0: other.x - other.r, x1: other.x + other.r, y0: other.y - other.r, y1: other.y + other.r }), `${placed[i].id} on ${other.id}`).toBe(false);
      }
    }
  });

  it('writes a word at a corner of its circle when under, above and beside it are taken', () => {
    const blockers = [node('下', 200, 215, 1, 5), node('上', 200, 183, 1, 5), node('右', 225, 200, 1, 5), node('左', 175, 200, 1, 5)];
    const [word] = boxes([node('ことば', 200, 200, 10), ...blockers], 600, 400);
    expect(word.anchor).toBe('start');
    expect(word.y0).toBeGreaterThan(200);
    for (const b of blockers) expect(hit(word, { x0: b.x - b.r, x1: b.x + b.r, y0: b.y - b.r, y1: b.y + b.r }), b.id).toBe(false);
  });

  it('keeps words inside the box: a circle at the right edge writes its word to the left', () => {
    const [placed] = boxes([node('横浜子育てサポートシステム', 590, 12)], 600, 400);
    expect(placed.x0).toBeGreaterThanOrEqual(0);
    expect(placed.x1).toBeLessThanOrEqual(600);
  });
});
