/**
 * Charts as files: the SVG on screen, with its computed styles written inline (component styles do not
 * travel with a copied element), a title above and the data source below, several panels stacked.
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

export function serializeCharts(svgs: SVGSVGElement[], title: string, source: string): { svg: string; width: number; height: number } {
  const header = 36;
  const footer = 28;
  const width = Math.max(...svgs.map((s) => s.width.baseVal.value), 320);
  const root = document.createElementNS(SVG_NS, 'svg');
  let y = header;
  for (const svg of svgs) {
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
  root.append(text(title, 22, 16, '700'), text(source, height - 10, 11, '400'));
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
