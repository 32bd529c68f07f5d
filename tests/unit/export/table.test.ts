import { describe, expect, test } from 'vitest';
import { tableData, tableToCsv } from '../../../src/lib/export/table.ts';

interface Row {
  ward: string;
  since: number | null;
  names: string[];
  note: string;
}

const rows: Row[] = [
  { ward: '鶴見区', since: Date.UTC(2025, 3, 1), names: ['A', 'B'], note: '=SUM(A1)' },
  { ward: '西区', since: null, names: [], note: '-2 ポイント' },
];

describe('table export', () => {
  const table = tableData(rows, [
    { name: 'ward', label: '区', kind: 'string', value: (r) => r.ward },
    { name: 'since', label: '開始', kind: 'date', value: (r) => r.since },
    { name: 'names', label: '名前', kind: 'json', value: (r) => r.names },
    { name: 'note', label: 'メモ', kind: 'string', value: (r) => r.note },
  ]);

  test('rows are keyed by the stable column name, missing values as null', () => {
    expect(table.rows[1]).toEqual({ ward: '西区', since: null, names: [], note: '-2 ポイント' });
    expect(table.columns.map((c) => c.name)).toEqual(['ward', 'since', 'names', 'note']);
  });

  test('CSV: BOM, the labels as header, dates as ISO days, nested values as JSON, formulas neutralised', () => {
    expect(tableToCsv(table)).toBe('\ufeff区,開始,名前,メモ\n鶴見区,2025-04-01,"[""A"",""B""]",\'=SUM(A1)\n西区,,[],\'-2 ポイント\n');
  });
});
