import { NO_FILTERS, type RatingFilters } from '../sql.ts';
import type { Query } from './query.ts';
import * as queries from './index.ts';

/**
 * Every named query of the app with the arguments its default view asks, by name, so that `npm run
 * query -- --name …` and the native-vs-WASM test reach them all with one list. `filters` replace the
 * shared filters; the other arguments are those of the bundled data's first ward and latest year.
 * A query added to `queries/` and missing here fails the catalog test.
 */
export function namedQueries(filters: RatingFilters = NO_FILTERS, ward = '鶴見区', fiscalYear = 2025): Record<string, Query<unknown>> {
  return {
    ratingDistributionByWard: queries.ratingDistributionByWardQuery(filters),
    ratingDistributionByQuestion: queries.ratingDistributionByQuestionQuery(filters),
    provenanceSummary: queries.provenanceSummaryQuery(),
    ratingFilterOptions: queries.ratingFilterOptionsQuery(),
    wardNames: queries.wardNamesQuery(),
    wardQuestionHeatmap: queries.wardQuestionHeatmapQuery(filters, fiscalYear, 'mean'),
    wardQuestionHistory: queries.wardQuestionHistoryQuery(ward, { stage: 'planning', questionNo: 1 }, filters.includeSample),
    questionTexts: queries.questionTextsQuery(),
    raterGaps: queries.raterGapsQuery(filters, ward, fiscalYear),
    raterAgreement: queries.raterAgreementQuery(filters),
    cityRaterAgreement: queries.cityRaterAgreementQuery(filters),
    largestRaterGaps: queries.largestRaterGapsQuery(filters, 10),
    benchmark: queries.benchmarkQuery(filters, ward, fiscalYear, 'mean'),
    yearChange: queries.yearChangeQuery(filters, ward, fiscalYear, 'mean'),
    wardTrajectory: queries.wardTrajectoryQuery(filters),
    cityBand: queries.cityBandQuery(filters),
    slope: queries.slopeQuery(filters, fiscalYear - 1, fiscalYear),
    changeTable: queries.changeTableQuery(filters, fiscalYear, 'mean', null, 'ward'),
    contractCycle: queries.contractCycleQuery(filters),
    themeSummary: queries.themeSummaryQuery(filters, null),
    themeWard: queries.themeWardQuery(filters, null),
    themeYear: queries.themeYearQuery(filters),
    themeLifecycle: queries.themeLifecycleQuery(filters, ward, 'father'),
    recurringChallenges: queries.recurringChallengesQuery(filters),
    resolvedChallenges: queries.resolvedChallengesQuery(filters),
    keywordInContext: queries.keywordInContextQuery(filters, 'father', null, 50),
    wordFrequency: queries.wordFrequencyQuery(filters, fiscalYear, null, 30),
    narrativeItems: queries.narrativeItemsQuery(),
    cooccurrence: queries.cooccurrenceQuery(filters, null, 80, 60),
    wordWardTable: queries.wordWardTableQuery(filters, null, 40),
    wordItems: queries.wordItemsQuery(filters, null, '父親', 30),
    ...Object.fromEntries(queries.MAP_MEASURES.map((m) => [`wardMap:${m}`, queries.wardMapQuery(filters, m, null)])),
    loadedTotals: queries.loadedTotalsQuery(),
    loadedFiles: queries.loadedFilesQuery(),
    loadedCoverage: queries.loadedCoverageQuery(),
    fileReports: queries.fileReportsQuery(0),
    rejectedRows: queries.rejectedRowsQuery(0, 100),
    rejectedSummary: queries.rejectedSummaryQuery(0),
    ratingConflicts: queries.ratingConflictsQuery(),
    textConflicts: queries.textConflictsQuery(),
    reportChecks: queries.reportChecksQuery(0),
    reportGrid: queries.reportGridQuery(0),
    reportItems: queries.reportItemsQuery(0),
    reportSkippedLines: queries.reportSkippedLinesQuery(0),
    schema: queries.schemaQuery(),
  };
}

/** Query factories the catalog leaves out on purpose: a write, not a figure. */
export const NOT_IN_CATALOG = ['dismissConflictQuery', 'runQuery'];
