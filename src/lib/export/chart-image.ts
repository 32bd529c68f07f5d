import { wrapText } from '../charts/layout.ts';

/**
 * Charts as files: the SVG on screen, with its computed styles written inline (component styles do not
 * travel with a copied element), its HTML legend redrawn in SVG where the browser laid it out, a title
 * above and the data source below, several panels stacked.
 */
const STYLE_PROPERTIES = [
  'fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity', 'font-size', 'font-weight', 'font-style',
  'font-family', 'text-anchor', 'dominant-baseline',
] as const;
const SVG_NS = 'http://www.w3.org/2000/svg';

function inlineStyles(source: Element, target: Element): void {
  const computed = getComputedStyle(source);
  const style = STYLE_PROPERTIES.map((p) => `${p}:${computed.getPropertyValue(p)}`).join(';');
  target.setAttribute('style', style);
  for (let i = 0; i < source.children.length; i++) inlineStyles(source.children[i], target.children[i]);
}

const svgElement = <K extends keyof SVGElementTagNameMap>(name: K, attributes: Record<string, string | number>) => {
  const node = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  return node;
};

/**
 * One legend swatch as the page draws it with CSS: a filled box (maybe outlined), a dot (round), a
 * line (top border only, maybe dashed) or a diamond (a rotated outlined box).
 */
function swatch(element: Element, x: number, y: number): SVGElement {
  const box = element.getBoundingClientRect();
  const style = getComputedStyle(element);
  const [left, top, w, h] = [box.left - x, box.top - y, box.width, box.height];
  const border = style.borderTopColor;
  const transparent = style.backgroundColor === 'rgba(0, 0, 0, 0)' || style.backgroundColor === 'transparent';
  if (style.transform !== 'none') {
    const points = [[left + w / 2, top], [left + w, top + h / 2], [left + w / 2, top + h], [left, top + h / 2]];
    return svgElement('polygon', { points: points.join(' '), fill: transparent ? 'none' : style.backgroundColor, stroke: border, 'stroke-width': style.borderTopWidth });
  }
  if (transparent && Number.parseFloat(style.borderTopWidth) > 0) {
    return svgElement('line', {
      x1: left, x2: left + w, y1: top, y2: top, stroke: border, 'stroke-width': style.borderTopWidth,
      'stroke-dasharray': style.borderTopStyle === 'dashed' ? '4 3' : 'none',
    });
  }
  if (style.borderRadius === '50%') return svgElement('circle', { cx: left + w / 2, cy: top + h / 2, r: w / 2, fill: style.backgroundColor });
  const stroke: Record<string, string> = Number.parseFloat(style.borderTopWidth) > 0 ? { stroke: border, 'stroke-width': style.borderTopWidth } : {};
  return svgElement('rect', { x: left, y: top, width: w, height: h, rx: Number.parseFloat(style.borderRadius) || 0, fill: style.backgroundColor, ...stroke });
}

/** An HTML legend (`.legend`: spans, each maybe with an `<i>` swatch) as SVG, at the positions the browser gave it. */
function legendToSvg(legend: HTMLElement): { group: SVGGElement; height: number } {
  const origin = legend.getBoundingClientRect();
  const group = svgElement('g', { class: 'legend' });
  for (const item of Array.from(legend.children)) {
    const mark = item.querySelector('i');
    if (mark) group.append(swatch(mark, origin.left, origin.top));
    const box = item.getBoundingClientRect();
    const style = getComputedStyle(item);
    const label = svgElement('text', {
      x: (mark ? mark.getBoundingClientRect().right + 4 : box.left) - origin.left,
      y: box.top - origin.top + box.height / 2,
      style: `font-size:${style.fontSize};font-family:${style.fontFamily};fill:${style.color};dominant-baseline:central`,
    });
    label.textContent = item.textContent?.trim() ?? '';
    group.append(label);
  }
  return { group, height: origin.height + 6 };
}

/**
 * The charts of `figures` stacked in one SVG under `title`, with `notes` (the data source, a sample
 * notice) below: each note starts a line of its own, and title and notes wrap to the charts' width.
 */
export function serializeCharts(figures: HTMLElement[], title: string, notes: string[]): { svg: string; width: number; height: number } {
  const charts = figures.flatMap((figure) => {
    const svg = figure.querySelector('svg');
    return svg ? [{ svg, legend: figure.querySelector<HTMLElement>(':scope > .legend') }] : [];
  });
  const width = Math.max(...charts.map((c) => c.svg.width.baseVal.value), 320);
  const [titleSize, noteSize] = [16, 11];
  const titleLines = wrapText(title, titleSize, width - 16);
  const noteLines = notes.flatMap((note) => wrapText(note, noteSize, width - 16));
  const header = 16 + titleLines.length * 20;
  const footer = 13 + noteLines.length * 15;
  const root = document.createElementNS(SVG_NS, 'svg');
  let y = header;
  for (const { svg, legend } of charts) {
    if (legend) {
      const drawn = legendToSvg(legend);
      drawn.group.setAttribute('transform', `translate(8,${y})`);
      root.append(drawn.group);
      y += drawn.height;
    }
    const copy = svg.cloneNode(true) as SVGSVGElement;
    inlineStyles(svg, copy);
    const group = document.createElementNS(SVG_NS, 'g');
    group.setAttribute('transform', `translate(0,${y})`);
    group.append(...Array.from(copy.childNodes));
    root.append(group);
    y += svg.height.baseVal.value + 8;
  }
  const height = y + footer;
  const text = (content: string, yPos: number, size: number, weight: string) => {
    const node = document.createElementNS(SVG_NS, 'text');
    node.setAttribute('x', '8');
    node.setAttribute('y', String(yPos));
    node.setAttribute('style', `font-size:${size}px;font-weight:${weight};font-family:'Noto Sans CJK JP',sans-serif;fill:#222`);
    node.textContent = content;
    return node;
  };
  root.setAttribute('xmlns', SVG_NS);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', '#fff');
  root.prepend(background);
  root.append(
    ...titleLines.map((line, i) => text(line, 22 + i * 20, titleSize, '700')),
    ...noteLines.map((line, i) => text(line, y + 14 + i * 15, noteSize, '400')),
  );
  return { svg: new XMLSerializer().serializeToString(root), width, height };
}

/** Draws the SVG at `scale` × its size into a canvas and returns a PNG. */
export function svgToPng(svg: string, width: number, height: number, scale: number): Promise<Blob> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(width * scale);
      canvas.height = Math.round(height * scale);
      const context = canvas.getContext('2d')!;
      context.scale(scale, scale);
      context.drawImage(image, 0, 0, width, height);
      URL.revokeObjectURL(url);
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png');
    };
    image.onerror = () => reject(new Error('SVG could not be drawn'));
    image.src = url;
  });
}
