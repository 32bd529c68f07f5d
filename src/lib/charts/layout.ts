import { scaleBand, type ScaleBand } from 'd3-scale';

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** The narrowest plot a chart draws, however narrow its box: below this its labels would collide. */
export const MIN_PLOT_WIDTH = 120;

export interface RowBands {
  /** A band per row key, top to bottom in the order given. */
  y: ScaleBand<string>;
  /** The chart's height: its rows (at least one, so an empty chart keeps its axes) and its margins. */
  height: number;
  /** The middle of a row's band, where its label and marks sit. */
  mid: (key: string) => number;
}

/**
 * Rows of a horizontal chart (bars, dumbbells, heatmap rows): `rowHeight` each below the top margin,
 * `padding` the share of a row left blank between bands (d3's `paddingInner` when `inner`).
 */
export function rowBands(keys: readonly string[], margin: Pick<Margin, 'top' | 'bottom'>, rowHeight: number, padding: number, inner = false): RowBands {
  const y = scaleBand<string>()
    .domain(keys)
    .range([margin.top, margin.top + rowHeight * keys.length]);
  if (inner) y.paddingInner(padding);
  else y.padding(padding);
  return {
    y,
    height: margin.top + margin.bottom + rowHeight * Math.max(1, keys.length),
    mid: (key) => (y(key) ?? margin.top) + y.bandwidth() / 2,
  };
}

/** Left and right ends of the value axis: inside the margins, never narrower than `MIN_PLOT_WIDTH`. */
export function plotRange(width: number, margin: Pick<Margin, 'left' | 'right'>): [number, number] {
  return [margin.left, Math.max(margin.left + MIN_PLOT_WIDTH, width - margin.right)];
}

export interface PanelGrid {
  /** Panels a row: as many as fit the width, at least one. */
  columns: number;
  /** Each panel's width: the minimum asked for, widened so a row of them fills the width (no empty strip at the right). */
  panelWidth: number;
  /** Every row of panels, plus `extra` below them. */
  height: number;
  /** Top-left corner of panel `i`, filled row by row. */
  origin: (i: number) => { x: number; y: number };
}

/** Small multiples laid out in reading order, every panel the same size so their scales compare. */
export function panelGrid(count: number, width: number, minPanelWidth: number, panelHeight: number, extra = 0): PanelGrid {
  // A panel sized by a box of no width (0 / 0) would put NaN in every coordinate: a pixel at least.
  const least = Math.max(1, minPanelWidth);
  const columns = Math.max(1, Math.floor(width / least));
  const panelWidth = Math.max(least, Math.floor(width / columns));
  return {
    columns,
    panelWidth,
    height: Math.ceil(count / columns) * panelHeight + extra,
    origin: (i) => ({ x: (i % columns) * panelWidth, y: Math.floor(i / columns) * panelHeight }),
  };
}

/**
 * A label's advance at `fontSize` px, without a DOM to measure it in (the server render, the tests):
 * full-width characters (kana, kanji, full-width forms) take 1 em, others about 0.6 em.
 */
export function estimateTextWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const char of text) ems += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/u.test(char) ? 1 : 0.6;
  return ems * fontSize;
}

/**
 * `text` as it fits in `maxWidth` at `fontSize` (by `estimateTextWidth`): whole when it fits, else cut
 * and ended with … (the whole text belongs in the element's tooltip).
 */
export function fitText(text: string, fontSize: number, maxWidth: number): string {
  if (estimateTextWidth(text, fontSize) <= maxWidth) return text;
  const room = maxWidth - estimateTextWidth('…', fontSize);
  let cut = '';
  let used = 0;
  for (const char of text) {
    used += estimateTextWidth(char, fontSize);
    if (used > room) break;
    cut += char;
  }
  return `${cut.trimEnd()}…`;
}

// Japanese line breaking (kinsoku): these never start a line, they hang at the end of the one before.
const NO_LINE_START = /^[、。，．）」』】〕〉》・：；？！ー…ゃゅょっャュョッ]/u;

/**
 * `text` in lines that fit `maxWidth` at `fontSize` (by `estimateTextWidth`): Latin words and numbers
 * stay whole, Japanese breaks between any two characters except before closing punctuation. A word
 * wider than the line has a line of its own.
 */
export function wrapText(text: string, fontSize: number, maxWidth: number): string[] {
  const tokens = text.match(/[\x21-\x7e\u00c0-\u024f]+ *| +|[^]/gu) ?? [];
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const token of tokens) {
    const width = estimateTextWidth(token.trimEnd(), fontSize);
    if (line.trim() && used + width > maxWidth && !NO_LINE_START.test(token)) {
      lines.push(line.trimEnd());
      line = token.trimStart();
      used = estimateTextWidth(line, fontSize);
    } else {
      line += token;
      used += estimateTextWidth(token, fontSize);
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}
