import { describe, expect, it } from 'vitest';
import { cellText, tableData } from '../../../src/lib/export/table.ts';
import { countColumn, ordinalColumn } from '../../../src/views/shared/table-columns.ts';

describe('countColumn', () => {
  const column = countColumn<{ n: number | null }>('n', '件数', (r) => r.n);

  it('groups thousands on screen and keeps the plain number in the files', () => {
    expect(cellText(column, { n: 1234567 })).toBe('1,234,567');
    expect(cellText(column, { n: 336 })).toBe('336');
    expect(tableData([{ n: 1234567 }], [column]).rows).toEqual([{ n: 1234567 }]);
  });

  it('shows a missing count as a dash, as every other empty cell', () => {
    expect(cellText(column, { n: null })).toBe('–');
  });
});

describe('ordinalColumn', () => {
  it('writes a line number as it is looked up, never grouped', () => {
    expect(cellText(ordinalColumn<{ line: number }>('line', '行', (r) => r.line), { line: 12345 })).toBe('12345');
  });
});
