export { decodeBytes, type Encoding } from './decode.ts';
export { CsvReader, normalizeLineEnds, type Delimiter } from './csv.ts';
export * from './fields.ts';
export { parseFiscalYear, parseJapaneseDate, toJapaneseFiscalYear } from './fiscal-year.ts';
export { resolveHeader, FILE_KINDS, type FileKind } from './headers.ts';
export { WardRegistry, defaultWards, checkDigit, kanaSearch, type Ward } from './registry.ts';
export { IngestSession, IngestCancelled, emptyFileReport, type IngestOptions } from './session.ts';
export type * from './types.ts';
