import { describe, expect, it } from 'vitest';
import { parseFiscalYear, parseJapaneseDate, toJapaneseFiscalYear } from '../../../src/lib/ingest/fiscal-year.ts';

describe('parseFiscalYear', () => {
  it.each([
    ['2025', 2025],
    ['2025年度', 2025],
    ['FY2025', 2025],
    ['fy 2025', 2025],
    ['２０２５年度', 2025],
    ['令和7年度', 2025],
    ['令和7', 2025],
    ['令和 7 年度', 2025],
    ['R7', 2025],
    ['r07', 2025],
    ['Ｒ７', 2025],
    ['令和元年度', 2019],
    ['令和元年', 2019],
    ['令和7年度分', 2025],
    ['2025年度分', 2025],
    ['平成31年度', 2019],
    ['H30', 2018],
    ['平成元年度', 1989],
    [' 2024 ', 2024],
  ])('reads %s as %i', (raw, year) => {
    expect(parseFiscalYear(raw)).toEqual({ ok: true, fiscalYear: year });
  });

  it.each([
    ['令和7年度（2025年度）', 2025], ['2025年度(令和7年度)', 2025], ['令和7年度(2025)', 2025], ['平成31年度（令和元年度）', 2019],
    ['H31/R1', 2019], ['2025/26', 2025], ['2025/2026', 2025], ['2025-2026', 2025], ['2019/20', 2019],
  ])('reads %s, one year written two ways, as %i', (raw, year) => {
    expect(parseFiscalYear(raw)).toEqual({ ok: true, fiscalYear: year });
  });

  it.each(['令和7年度（2024年度）', 'H30/R1', '2025/27', '2025-04-01', '2025/4/1', '(2025)', '令和7年度（）'])('rejects %s, whose two ways disagree or are not years', (raw) => {
    expect(parseFiscalYear(raw)).toEqual({ ok: false, code: 'invalid_fiscal_year' });
  });

  it.each(['', 'abc', '令和', 'R', '20255', '2025年4月', 'S60', '令和七年度', '2025年分', '令和7年度分分'])('rejects %s as not a year', (raw) => {
    expect(parseFiscalYear(raw)).toEqual({ ok: false, code: 'invalid_fiscal_year' });
  });

  it.each(['平成32年度', 'H0', '1900', '2100', '令和0年度'])('rejects %s as out of range', (raw) => {
    expect(parseFiscalYear(raw)).toEqual({ ok: false, code: 'fiscal_year_out_of_range' });
  });
});

describe('toJapaneseFiscalYear', () => {
  it('names Reiwa and Heisei years, with 元 for the first', () => {
    expect(toJapaneseFiscalYear(2025)).toBe('令和7年度');
    expect(toJapaneseFiscalYear(2019)).toBe('令和元年度');
    expect(toJapaneseFiscalYear(2018)).toBe('平成30年度');
  });
});

describe('parseJapaneseDate', () => {
  it.each([
    ['令和7年4月1日', '2025-04-01'],
    ['令和8年3月31日', '2026-03-31'],
    ['R7.4.1', '2025-04-01'],
    ['2025-04-01', '2025-04-01'],
    ['2025/4/1', '2025-04-01'],
    ['令和元年5月1日', '2019-05-01'],
    ['2026/3/31 0:00', '2026-03-31'],
    ['2025/04/01 00:00:00', '2025-04-01'],
    ['2025-04-01T00:00:00', '2025-04-01'],
    ['令和7年4月1日 9:30', '2025-04-01'],
    ['45748', '2025-04-01'],
    ['46112', '2026-03-31'],
    ['43556', '2019-04-01'],
  ])('reads %s', (raw, iso) => expect(parseJapaneseDate(raw)).toBe(iso));

  it.each(['令和7年2月30日', '2025-13-01', '4月1日', 'soon', '2025/4/1 25:00', '2025/4/1 0:00 pm', '12345', '99999', '2025'])('rejects %s', (raw) => expect(parseJapaneseDate(raw)).toBeUndefined());
});
