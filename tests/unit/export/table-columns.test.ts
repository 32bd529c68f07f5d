import { describe, expect, test } from 'vitest';
import { alignOf, cellText, crossIndex, fileColumns, plainText, screenColumns, sortRows, tableData, type TableColumn } from '../../../src/lib/export/table.ts';

interface Row {
  ward: string;
  score: number | null;
  code: string;
}
const rows: Row[] = [
  { ward: '西区', score: 2.5, code: 'x' },
  { ward: '鶴見区', score: null, code: 'y' },
  { ward: '港北区', score: 3.123456, code: 'z' },
  { ward: '青葉区', score: 2.5, code: 'w' },
];
const columns: Array<TableColumn<Row>> = [
  { name: 'ward', label: '区', kind: 'string', value: (r) => r.ward, rowHeader: true },
  { name: 'score', label: '平均', kind: 'double', value: (r) => r.score },
  { name: 'code', label: 'code', kind: 'string', value: (r) => r.code, only: 'file' },
  { name: 'mark', label: '印', kind: 'string', value: (r) => (r.score === null ? '未' : ''), only: 'screen' },
];

describe('one column list for the screen and the file', () => {
  test('the screen leaves out file-only columns, the file leaves out screen-only ones', () => {
    expect(screenColumns(columns).map((c) => c.name)).toEqual(['ward', 'score', 'mark']);
    expect(fileColumns(columns).map((c) => c.name)).toEqual(['ward', 'score', 'code']);
    expect(tableData(rows, columns).columns.map((c) => c.name)).toEqual(['ward', 'score', 'code']);
    expect(tableData(rows, columns).rows[1]).toEqual({ ward: '鶴見区', score: null, code: 'y' });
  });

  test('figures align right, text left, unless the column says otherwise', () => {
    expect(columns.map(alignOf)).toEqual(['text', 'number', 'text', 'text']);
    expect(alignOf({ ...columns[0], align: 'number' })).toBe('number');
  });

  test('a cell shows the column’s text when it has one, else the value: fractions to 4 places, nothing as a dash', () => {
    expect(cellText(columns[1], rows[2])).toBe('3.1235');
    expect(cellText(columns[1], rows[1])).toBe('–');
    expect(cellText({ ...columns[1], text: (r) => `${r.score}点` }, rows[0])).toBe('2.5点');
    expect(plainText('int32', 7)).toBe('7');
    expect(plainText('double', 2)).toBe('2');
    expect(plainText('boolean', true)).toBe('●');
    expect(plainText('boolean', false)).toBe('');
    expect(plainText('json', ['a', 'b'])).toBe('a, b');
    expect(plainText('json', { a: 1 })).toBe('{"a":1}');
    expect(plainText('date', Date.UTC(2025, 3, 1))).toBe('2025-04-01');
  });
});

describe('sorting by a column', () => {
  test('numbers as numbers, empty values last both ways, ties keep the query’s order', () => {
    expect(sortRows(rows, columns[1], false).map((r) => r.ward)).toEqual(['西区', '青葉区', '港北区', '鶴見区']);
    expect(sortRows(rows, columns[1], true).map((r) => r.ward)).toEqual(['港北区', '西区', '青葉区', '鶴見区']);
  });

  test('text in Japanese collation, digits as numbers', () => {
    const named = ['item10', 'item2', 'item1'].map((code) => ({ ward: '', score: 0, code }));
    expect(sortRows(named, columns[2], false).map((r) => r.code)).toEqual(['item1', 'item2', 'item10']);
  });

  test('the input is left as it was', () => {
    const before = rows.map((r) => r.ward);
    sortRows(rows, columns[0], true);
    expect(rows.map((r) => r.ward)).toEqual(before);
  });
});

test('crossIndex finds long-form rows by row and column key, the first where a pair repeats', () => {
  const long = [
    { ward: '西区', year: 2024, mean: 3 },
    { ward: '西区', year: 2025, mean: 2 },
    { ward: '鶴見区', year: 2025, mean: 4 },
    { ward: '鶴見区', year: 2025, mean: 1 },
  ];
  const cell = crossIndex(long, (r) => r.ward, (r) => r.year);
  expect(cell('西区', 2025)?.mean).toBe(2);
  expect(cell('鶴見区', 2025)?.mean).toBe(4);
  expect(cell('鶴見区', 2024)).toBeUndefined();
});
