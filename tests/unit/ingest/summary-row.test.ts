import { describe, expect, it } from 'vitest';
import { summaryRow } from '../../../src/lib/ingest/summary-row.ts';

describe('summaryRow: totals and notes a spreadsheet keeps beside its data', () => {
  it.each([
    [['合計', '', '', ''], 0, 'total'],
    [['', '合　計', '', '48'], 1, 'total'],
    [['18区計', '2025', '', ''], 0, 'total'],
    [['横浜市平均', '2025', '', '', '3.2'], 0, 'total'],
    [['市全体', '', ''], 0, 'total'],
    [['Grand Total', '', ''], 0, 'total'],
    [['TOTAL'], 0, 'total'],
    [['※ 令和6年度は書面で評価', '', ''], 0, 'note'],
    [['注1：評価は年度末に実施', ''], 0, 'note'],
    [['（注）データは各区の報告書から', ''], 0, 'note'],
    [['出典：こども青少年局', ''], 0, 'note'],
    [['Note: ratings as of March', ''], 0, 'note'],
    [['＊未評価は空欄', ''], 0, 'note'],
  ] as const)('%j', (fields, index, kind) => {
    expect(summaryRow([...fields])).toEqual(kind === null ? null : { index, kind });
  });

  it.each([['鶴見区', '2025'], ['鶴身区', '2025'], ['', '', ''], ['計画', '1'], ['2025', '合計'], ['Tsurumi', 'Total']])(
    'a data row or a mistyped ward is not one: %j',
    (...fields) => expect(summaryRow(fields)).toBeNull(),
  );
});
