/** Every statistic the app shows comes from one of these named queries. */
export * from './query.ts';
export * from './loading.ts';
export * from './ratings.ts';
export * from './raters.ts';
export * from './benchmark.ts';
export * from './themes.ts';
export * from './trends.ts';
export * from './console.ts';
export * from './report-check.ts';
export * from './map.ts';
export * from './words.ts';
