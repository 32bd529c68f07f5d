import { describe, expect, it } from 'vitest';
import { WardRegistry } from '../../../src/lib/ingest/registry.ts';
import { titleValues } from '../../../src/lib/ingest/title-row.ts';

const registry = WardRegistry.yokohama();
const read = (...texts: string[]) => titleValues(texts.map((text, i) => ({ line: i + 1, text })), registry);

describe('titleValues(lines, registry): the ward and year a sheet’s title names', () => {
  it.each([
    ['令和7年度 鶴見区 協働評価', '鶴見区', 2025],
    ['R7年度 鶴見区', '鶴見区', 2025],
    ['Ｒ７年度　西区', '西区', 2025],
    ['R7 鶴見区', '鶴見区', 2025],
    ['FY2025 保土ヶ谷区', '保土ケ谷区', 2025],
    ['2025年度 保土ケ谷区', '保土ケ谷区', 2025],
    ['平成31年度 港南区地域子育て支援拠点', '港南区', 2019],
    ['H30年度 中区', '中区', 2018],
  ])('%s → %s, %i', (text, ward, fiscalYear) => {
    expect(read(text)).toEqual({ ward: { name: ward, line: 1 }, fiscalYear: { value: fiscalYear, line: 1 } });
  });

  it('takes no year from a date, and nothing named twice', () => {
    expect(read('R7.3.31 鶴見区')).toEqual({ ward: { name: '鶴見区', line: 1 } });
    expect(read('令和7年3月31日 鶴見区')).toEqual({ ward: { name: '鶴見区', line: 1 } });
    expect(read('鶴見区・港北区 令和7年度')).toEqual({ fiscalYear: { value: 2025, line: 1 } });
    expect(read('鶴見区', '令和6年度', '令和7年度')).toEqual({ ward: { name: '鶴見区', line: 1 } });
    // The same ward or year on two lines is one: its first line gave it.
    expect(read('鶴見区', '鶴見区 令和7年度')).toEqual({ ward: { name: '鶴見区', line: 1 }, fiscalYear: { value: 2025, line: 2 } });
  });
});
