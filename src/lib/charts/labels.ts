export interface LabelRequest {
  key: string;
  /** The point the label names. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedLabel extends LabelRequest {
  /** The label's box: its left, top and its text anchor point. */
  left: number;
  top: number;
  anchor: 'start' | 'end' | 'middle';
}

const overlaps = (a: { left: number; top: number; width: number; height: number }, b: { left: number; top: number; width: number; height: number }) =>
  a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;

/**
 * Labels beside their points without overlapping one another: each in turn (the order given is the
 * priority) takes the first free place of right, left, above, below, then the same further out;
 * a label with no free place keeps the last one tried and is returned with `crowded`. Every point's
 * own mark (`markSize` square) is an obstacle too, so no label covers another point.
 */
export function placeLabels(requests: readonly LabelRequest[], gap = 6, markSize = 8): Array<PlacedLabel & { crowded: boolean }> {
  const marks = requests.map((r) => ({ left: r.x - markSize / 2, top: r.y - markSize / 2, width: markSize, height: markSize }));
  const placed: Array<PlacedLabel & { crowded: boolean }> = [];
  for (const request of requests) {
    const { x, y, width, height } = request;
    let choice: (PlacedLabel & { crowded: boolean }) | null = null;
    for (const step of [1, 2, 3]) {
      const d = gap * step + (step - 1) * height * 0.6;
      const candidates: Array<Pick<PlacedLabel, 'left' | 'top' | 'anchor'>> = [
        { left: x + d, top: y - height / 2, anchor: 'start' },
        { left: x - d - width, top: y - height / 2, anchor: 'end' },
        { left: x - width / 2, top: y - d - height, anchor: 'middle' },
        { left: x - width / 2, top: y + d, anchor: 'middle' },
      ];
      for (const c of candidates) {
        const box = { ...request, ...c };
        choice = { ...box, crowded: false };
        if (!placed.some((p) => overlaps(p, box)) && !marks.some((m) => overlaps(m, box))) break;
        choice.crowded = true;
      }
      if (choice && !choice.crowded) break;
    }
    placed.push(choice!);
  }
  return placed;
}
