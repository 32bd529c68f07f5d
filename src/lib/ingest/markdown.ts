/**
 * Markdown tables (a note app's export, a chat answer, a README, markitdown's copy of a page): rows
 * `| a | b |`, `\|` a pipe inside a cell, a rule `| --- | :-: |` under the header row.
 */

/** A table row's cells, as written between its pipes; null for any other line. */
export function pipeRowCells(line: string): string[] | null {
  const trimmed = line.trim();
  if (trimmed.length < 2 || trimmed[0] !== '|' || trimmed.at(-1) !== '|') return null;
  return trimmed.slice(1, -1).split(/(?<!\\)\|/).map((cell) => cell.replaceAll('\\|', '|'));
}

/** The rule under a table's header row. */
export function isPipeRule(line: string): boolean {
  const trimmed = line.trim();
  return trimmed.startsWith('|') && trimmed.includes('---') && /^[ \t|:-]*$/.test(trimmed);
}

const quoted = (cell: string) => `"${cell.trim().replaceAll('"', '""')}"`;

/**
 * A CSV saved or pasted as a Markdown table, as the CSV it stands for: each row a record with every
 * cell quoted (a quote in the text stays text), the rule a blank line, any other line as it is, so
 * every line keeps its number. Null when the text's first filled line is not a header with its rule
 * on the next line.
 */
export function markdownTableAsCsv(text: string): string | null {
  // The first two filled lines are looked at before the text is cut into lines: most files are no table.
  let start = 0;
  let end = text.indexOf('\n');
  while (end !== -1 && text.slice(start, end).trim() === '') {
    start = end + 1;
    end = text.indexOf('\n', start);
  }
  if (end === -1 || !pipeRowCells(text.slice(start, end))) return null;
  const after = text.indexOf('\n', end + 1);
  if (!isPipeRule(text.slice(end + 1, after === -1 ? text.length : after))) return null;
  return text
    .split('\n')
    .map((line) => {
      if (isPipeRule(line)) return '';
      const cells = pipeRowCells(line);
      return cells ? cells.map(quoted).join(',') : line;
    })
    .join('\n');
}
