import { describe, expect, test } from 'vitest';
import type { BenchmarkRow, HeatmapCellRow, QuestionDistributionRow, RaterGapRow, SlopeRow, ThemeSummaryRow, WardDistributionRow } from '../../../src/lib/db/queries/index.ts';
import { contractYearHeading, wardNamer } from '../../../src/lib/i18n/labels.ts';
import { changeText, scoreWithLetter, signedSteps, signedTwoPlaces } from '../../../src/lib/i18n/numbers.ts';
import { t } from '../../../src/lib/i18n/ui.ts';
import {
  benchmarkSummary,
  benchmarkTooltip,
  distributionByQuestionSummary,
  distributionByWardSummary,
  heatmapSummary,
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
  test('distribution by ward names the highest and lowest A+B share, the first of equals; wards without ratings left out', () => {
    const rows = [ward('鶴見区', 'Tsurumi', 0.9), ward('西区', 'Nishi', 0.95), ward('中区', 'Naka', 0.95), ward('南区', 'Minami', 0.5), ward('栄区', 'Sakae', null)];
    expect(distributionByWardSummary('ja', rows, wardNamer('ja', romaji))).toBe('4 区の評価の分布。A+B の割合が最も高いのは 西区（95.0%）、最も低いのは 南区（50.0%）。');
    expect(distributionByWardSummary('en', rows, wardNamer('en', romaji))).toBe('Rating distribution for 4 wards. Highest A+B share: Nishi (95.0%); lowest: Minami (50.0%).');
    expect(distributionByWardSummary('ja', [ward('栄区', 'Sakae', null)], wardNamer('ja', romaji))).toBe(t('ja', 'noData'));
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
    expect(themesSummary('ja', [theme('父親', 5), theme('ピア', 9), theme('孤立', 9)])).toBe('最も多くの区が挙げたテーマは「ピア支援」（9/18 区、18 件）。');
    expect(themesSummary('en', [theme('父親', 0)])).toBe(t('en', 'noData'));
    expect(localName('en', theme('父親', 1))).toBe('父親 support');

    const cell = (w: string, score: number | null): HeatmapCellRow => ({ ...noSample, ward: w, wardCode: null, stage: 'implementation', questionNo: 6, score, rated: 3, n: 3, wardMean: 3 });
    const cells = [cell('西区', 3.5), cell('中区', 1.25), cell('南区', null)];
    expect(heatmapSummary('ja', 2025, '区', 2, cells, wardNamer('ja', romaji))).toBe('令和7年度（2025年度）、区の評価。2 区 × 16 設問。最も低いのは 中区 の 実施6（1.25）。');
    expect(heatmapSummary('en', 2025, 'Ward office', 2, cells, wardNamer('en', romaji))).toBe('FY2025 (令和7年度), Ward office. 2 wards × 16 questions. Lowest: Naka I6 (1.25).');
  });
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
