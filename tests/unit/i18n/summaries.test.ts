import { describe, expect, test } from 'vitest';
import type { BenchmarkRow, HeatmapCellRow, QuestionDistributionRow, RaterGapRow, SlopeRow, ThemeSummaryRow, WardDistributionRow } from '../../../src/lib/db/queries/index.ts';
import { contractYearHeading, wardNamer } from '../../../src/lib/i18n/labels.ts';
import { changeText, fileSize, scoreWithLetter, signedSteps, signedTwoPlaces } from '../../../src/lib/i18n/numbers.ts';
import { t } from '../../../src/lib/i18n/ui.ts';
import {
  benchmarkSummary,
  benchmarkTooltip,
  distributionByQuestionSummary,
  distributionByWardSummary,
  heatmapSummary,
  mapSummary,
  kappaText,
  KAPPA_MIN_PAIRS,
  localName,
  ratersSummary,
  sampleWardsNote,
  slopeSummary,
  themesSummary,
  trajectorySummary,
} from '../../../src/lib/i18n/summaries.ts';

const noSample = { sampleYears: [], allSample: false };
const counts = { a: 0, b: 0, c: 0, d: 0, unrated: 0, n: 0, sample: 0 };
const ward = (name: string, en: string, abShare: number | null): WardDistributionRow => ({ ...noSample, ...counts, ward: name, wardCode: null, wardEn: en, abShare });
const romaji = new Map([['鶴見区', 'Tsurumi'], ['西区', 'Nishi'], ['中区', 'Naka'], ['南区', 'Minami'], ['栄区', 'Sakae']]);

describe('summary sentences', () => {
  test('distribution by ward names the highest and lowest A+B share, every ward tied at either; wards without ratings left out', () => {
    const rows = [ward('鶴見区', 'Tsurumi', 0.9), ward('西区', 'Nishi', 0.95), ward('中区', 'Naka', 0.95), ward('南区', 'Minami', 0.5), ward('栄区', 'Sakae', null)];
    expect(distributionByWardSummary('ja', rows, wardNamer('ja', romaji))).toBe('4 区の評価の分布。A+B の割合が最も高いのは 西区・中区（95.0%）、最も低いのは 南区（50.0%）。');
    expect(distributionByWardSummary('en', rows, wardNamer('en', romaji))).toBe('Rating distribution for 4 wards. Highest A+B share: Nishi and Naka (95.0%); lowest: Minami (50.0%).');
    expect(distributionByWardSummary('ja', [ward('栄区', 'Sakae', null)], wardNamer('ja', romaji))).toBe(t('ja', 'noData'));
  });

  test('ties: up to four names, then three and a count; one ward or all equal said as such', () => {
    // 303 of 335, as three wards share in the bundled data: the same double from each.
    const share = 303 / 335;
    const tied = ['西区', '磯子区', '金沢区', '港北区', '栄区'].map((w) => ward(w, w, share));
    const names = wardNamer('en', new Map([['西区', 'Nishi'], ['磯子区', 'Isogo'], ['金沢区', 'Kanazawa'], ['港北区', 'Kohoku'], ['栄区', 'Sakae']]));
    const rows = [ward('都筑区', 'Tsuzuki', 0.997), ...tied];
    expect(distributionByWardSummary('ja', rows, wardNamer('ja', romaji))).toBe('6 区の評価の分布。A+B の割合が最も高いのは 都筑区（99.7%）、最も低いのは 西区・磯子区・金沢区 ほか 2 区（90.4%）。');
    expect(distributionByWardSummary('en', rows, names)).toBe('Rating distribution for 6 wards. Highest A+B share: 都筑区 (99.7%); lowest: Nishi, Isogo, Kanazawa and 2 more wards (90.4%).');
    expect(distributionByWardSummary('en', rows.slice(0, 5), names)).toBe('Rating distribution for 5 wards. Highest A+B share: 都筑区 (99.7%); lowest: Nishi, Isogo, Kanazawa and Kohoku (90.4%).');
    expect(distributionByWardSummary('ja', tied, wardNamer('ja', romaji))).toBe('5 区の評価の分布。A+B の割合はどの区も 90.4%。');
    // More rows than a function call takes arguments (units of a dataset far larger than a city's).
    const many = Array.from({ length: 300_000 }, (_, k) => ward(`団体${k}`, `Unit ${k}`, k === 7 ? 0.1 : k === 9 ? 0.99 : 0.5));
    expect(distributionByWardSummary('ja', many, wardNamer('ja', romaji))).toBe('300000 区の評価の分布。A+B の割合が最も高いのは 団体9（99.0%）、最も低いのは 団体7（10.0%）。');
    expect(distributionByWardSummary('ja', [ward('鶴見区', 'Tsurumi', 0.964)], wardNamer('ja', romaji))).toBe('1 区の評価の分布。A+B の割合は 鶴見区 96.4%。');
    expect(distributionByWardSummary('en', [ward('鶴見区', 'Tsurumi', 0.964)], wardNamer('en', romaji))).toBe('Rating distribution for 1 ward. A+B share: Tsurumi 96.4%.');

    const q = (questionNo: number, question: string): QuestionDistributionRow => ({ ...noSample, ...counts, stage: 'planning', questionNo, question, abShare: questionNo < 3 ? 0.5 : 0.8 });
    expect(distributionByQuestionSummary('ja', [q(1, '大きな目的'), q(2, '役割分担'), q(3, '共有')])).toBe('3 設問の評価の分布。A+B の割合が最も低いのは 計画1・計画2（50.0%）。');
    expect(distributionByQuestionSummary('en', [q(1, '大きな目的'), q(2, '役割分担'), q(3, '共有')])).toBe('Rating distribution for 3 questions. Lowest A+B share: P1 and P2 (50.0%).');

    const measured = [{ ward: '西区', value: 3.5 }, { ward: '中区', value: 2.25 }, { ward: '南区', value: 3.5 }, { ward: '栄区', value: null }];
    const two = (v: number) => v.toFixed(2);
    expect(mapSummary('ja', '平均点', measured, two)).toBe('平均点: 最も高いのは西区・南区（3.50）、最も低いのは中区（2.25）。データのない区 1。');
    expect(mapSummary('en', 'Rank', measured, two, true)).toBe('Rank: highest 中区 (2.25), lowest 西区 and 南区 (3.50). 1 ward without data.');
    expect(mapSummary('ja', '平均点', [measured[0], measured[2]], two)).toBe('平均点: どの区も 3.50。');
    expect(mapSummary('en', 'Mean', [measured[1]], two)).toBe('Mean: 中区 2.25.');

    const cell = (w: string, questionNo: number, score: number): HeatmapCellRow => ({ ...noSample, ward: w, wardCode: null, stage: 'review', questionNo, score, rated: 3, n: 3, wardMean: 3 });
    const cells = [cell('西区', 1, 2), cell('中区', 3, 2), cell('南区', 2, 3), cell('栄区', 1, 2), cell('鶴見区', 2, 2), cell('鶴見区', 3, 2)];
    expect(heatmapSummary('ja', 2025, '3者の平均', 5, cells, wardNamer('ja', romaji))).toBe('令和7年度（2025年度）、3者の平均の評価。5 区 × 16 設問。最も低い 2.00 は 5 セル：西区 の 振返1、中区 の 振返3、栄区 の 振返1 ほか 2 セル。');
    expect(heatmapSummary('en', 2025, 'Mean of the three', 5, cells.slice(0, 3), wardNamer('en', romaji))).toBe('FY2025 (令和7年度), Mean of the three. 5 wards × 16 questions. Lowest, 2.00: 2 cells, Nishi R1 and Naka R3.');

    const theme = (id: string, wards: number, items: number): ThemeSummaryRow => ({ themeId: id, ja: `${id}支援`, en: `${id} support`, items, wards, totalWards: 18 });
    expect(themesSummary('ja', [theme('父親', 5, 9), theme('孤立', 9, 12), theme('ピア', 9, 18)])).toBe('最も多くの区（9/18 区）が挙げたテーマは 2：「ピア支援」（18 件）、「孤立支援」（12 件）。');
    expect(themesSummary('en', [theme('父親', 5, 9), theme('孤立', 9, 12), theme('ピア', 9, 18)])).toBe('2 themes are named by the most wards (9/18): “ピア support” (18 items) and “孤立 support” (12 items).');
    const everyWard = ['a', 'b', 'c', 'd', 'e'].map((id, i) => theme(id, 18, 10 + i));
    expect(themesSummary('ja', everyWard)).toBe('すべての区（18 区）が挙げたテーマは 5：「e支援」（14 件）、「d支援」（13 件）、「c支援」（12 件）ほか 2 テーマ。');
    expect(themesSummary('en', everyWard)).toBe('5 themes are named by every ward (18): “e support” (14 items), “d support” (13 items), “c support” (12 items) and 2 more themes.');
  });

  test('distribution by question names the lowest share with its wording', () => {
    const q = (questionNo: number, abShare: number, question: string | null): QuestionDistributionRow => ({ ...noSample, ...counts, stage: 'review', questionNo, question, abShare });
    const rows = [q(1, 0.8, '協働することで'), q(2, 0.6, '市民の満足'), q(3, 0.9, null)];
    expect(distributionByQuestionSummary('ja', rows)).toBe('3 設問の評価の分布。A+B の割合が最も低いのは 振返2（60.0%）「市民の満足」。');
    expect(distributionByQuestionSummary('en', rows)).toBe('Rating distribution for 3 questions. Lowest A+B share: R2 (60.0%).');
  });

  test('raters: how many questions 区 and 拠点 differ on, with agreement and κ; κ indicative below the pair count', () => {
    const gap = (questionNo: number, g: number | null): RaterGapRow => ({ ...noSample, stage: 'planning', questionNo, question: null, wardScore: 3, centerScore: 3, jointScore: 3, gap: g });
    const gaps = [gap(1, 0), gap(2, 1), gap(3, -1), gap(4, null)];
    const agreement = { agreementRate: 0.5, kappa: 0.4567, n: 3 };
    expect(ratersSummary('ja', '鶴見区', 2025, gaps, agreement)).toBe(`鶴見区・令和7年度（2025年度）：区と拠点の評価が異なる設問は 3 設問中 2。一致率 50%、重み付きκ 0.46 (参考)。`);
    expect(ratersSummary('en', '鶴見区', 2025, gaps)).toMatch(/^鶴見区, FY2025 .*: ward office and center differ on 2 of 3 questions\.$/);
    expect(kappaText('en', { kappa: 0.4567, n: KAPPA_MIN_PAIRS })).toBe('0.46');
    expect(kappaText('ja', { kappa: null, n: 40 })).not.toBe('');
    expect(ratersSummary('en', '鶴見区', 2025, [])).toBe(t('en', 'noData'));
  });

  test('slope, trajectories, benchmark, themes, heatmap', () => {
    const slope = (change: number): SlopeRow => ({ ...noSample, ward: 'x', before: 3, after: 3 + change, change, differences: [] });
    expect(slopeSummary('en', 2024, 2025, [slope(0.2), slope(-0.1), slope(0), slope(0.3)])).toMatch(/: 2 wards improved, 1 declined\.$/);
    expect(trajectorySummary('ja', 18)).toMatch(/^18 区の年度ごとの平均点/);

    const bench = (rank: number, diff: number): BenchmarkRow => ({
      ...noSample, stage: 'planning', questionNo: 1, question: '大きな目的', score: 3.5, rank, wards: 18, ties: 3, cityMean: 3.1, diff, meanDiff: diff,
      a: 1, b: 1, c: 1, d: 1, strengthOrder: 1, weaknessOrder: 1, sampleWards: 0,
    });
    expect(benchmarkSummary('ja', '西区', 2025, '3者平均', [bench(1, 0.4), bench(2, 0.1), bench(9, -0.2)])).toBe(
      '西区・令和7年度（2025年度）（3者平均）：3 設問中 2 設問で市平均を上回り、1 設問で 1 位（同点を含む）。',
    );
    expect(benchmarkTooltip('en', '西区', '計画1', bench(1, 0.4))).toBe('計画1 大きな目的\n西区: 3.50 (A), rank 1/18 (tied with 2), city mean 3.10');
    expect(sampleWardsNote('en', 17)).toMatch(/^Up to 17 of the wards/);

    const theme = (id: string, wards: number): ThemeSummaryRow => ({ themeId: id, ja: `${id}支援`, en: `${id} support`, items: wards * 2, wards, totalWards: 18 });
    expect(themesSummary('ja', [theme('父親', 5), theme('ピア', 9), theme('孤立', 8)])).toBe('最も多くの区が挙げたテーマは「ピア支援」（9/18 区、18 件）。');
    expect(themesSummary('en', [theme('父親', 0)])).toBe(t('en', 'noData'));
    expect(localName('en', theme('父親', 1))).toBe('父親 support');

    const cell = (w: string, score: number | null): HeatmapCellRow => ({ ...noSample, ward: w, wardCode: null, stage: 'implementation', questionNo: 6, score, rated: 3, n: 3, wardMean: 3 });
    const cells = [cell('西区', 3.5), cell('中区', 1.25), cell('南区', null)];
    expect(heatmapSummary('ja', 2025, '区', 2, cells, wardNamer('ja', romaji))).toBe('令和7年度（2025年度）、区の評価。2 区 × 16 設問。最も低いのは 中区 の 実施6（1.25）。');
    expect(heatmapSummary('en', 2025, 'Ward office', 2, cells, wardNamer('en', romaji))).toBe('FY2025 (令和7年度), Ward office. 2 wards × 16 questions. Lowest: Naka I6 (1.25).');
  });
});

test('a file’s size reads in bytes, kB or MB, powers of 1,000, one decimal below 10', () => {
  expect([0, 999, 1000, 9_949, 12_345, 999_499, 999_500, 3_400_000, 34_567_890].map(fileSize)).toEqual(['0 B', '999 B', '1.0 kB', '9.9 kB', '12 kB', '999 kB', '1.0 MB', '3.4 MB', '35 MB']);
});

test('number formats read the same in every view', () => {
  expect(scoreWithLetter(3.456)).toBe('3.46 (B)');
  expect(scoreWithLetter(3.5)).toBe('3.50 (A)');
  expect(changeText(0.5)).toBe('↑ +0.50');
  expect(changeText(-1)).toBe('↓ −1.00');
  expect(changeText(0)).toBe('→ ±0.00');
  // Direction and sign follow the figure as shown: a change that rounds to zero is no change.
  expect(changeText(0.004)).toBe('→ ±0.00');
  expect(changeText(-0.004)).toBe('→ ±0.00');
  expect(changeText(-0.006)).toBe('↓ −0.01');
  expect(signedTwoPlaces(-0.004)).toBe('±0.00');
  expect(signedTwoPlaces(0.416)).toBe('+0.42');
  expect(signedSteps(2)).toBe('+2');
  expect(signedSteps(-1)).toBe('−1');
  expect(signedSteps(0)).toBe('0');
  expect(contractYearHeading('ja', 3)).toBe('3年度目');
  expect(contractYearHeading('en', 3)).toBe('Year 3');
});
