import { shortYearLabel } from '../i18n/labels.ts';
import { encodingLabel, moreColumns, valueText, type Lang } from '../i18n/messages.ts';
import { DELIMITER_LABELS, SECTION_LABELS } from '../i18n/ui.ts';
import { skippedLineKind } from '../ingest/types.ts';
import type { ValidationReport } from './report.ts';

const STAGE: Record<Lang, Record<string, string>> = {
  ja: { planning: '計画', implementation: '実施', review: '振り返り' },
  en: { planning: 'planning', implementation: 'implementation', review: 'review' },
};
const RATER: Record<Lang, Record<string, string>> = {
  ja: { ward: '区', center: '拠点', joint: '相互評価' },
  en: { ward: 'ward', center: 'center', joint: 'joint' },
};
const MAX_ERRORS_SHOWN = 50;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The readable summary `npm run validate` prints without --json. */
export function formatValidationReport(report: ValidationReport, lang: Lang): string {
  const ja = lang === 'ja';
  const out: string[] = [];
  for (const f of report.files) {
    out.push(`■ ${f.file}`);
    if (f.fileError) {
      out.push(`  ${ja ? '読み込めません' : 'Not loaded'}: ${f.fileError}`);
      if (f.rowsRead === 0) continue;
    }
    const delimiter = f.delimiter === null ? '' : `   ${ja ? '区切り' : 'delimiter'}: ${DELIMITER_LABELS[lang][f.delimiter] ?? f.delimiter}`;
    out.push(`  ${ja ? '種類' : 'kind'}: ${f.kind}   ${ja ? '形式・文字コード' : 'format/encoding'}: ${f.encoding ? encodingLabel(f.encoding) : '-'}${delimiter}`);
    for (const s of f.skippedLines) {
      const gives = s.gives ? ` → ${[s.gives.ward, s.gives.fiscalYear, s.gives.stage && STAGE[lang][s.gives.stage], s.gives.section && SECTION_LABELS[lang][s.gives.section]].filter((v) => v !== undefined).join(' ')}` : '';
      const labels = {
        stageHeading: ja ? `段階の見出し行（${s.line}行目）` : `stage heading (line ${s.line})`,
        sectionHeading: ja ? `項目の見出し行（${s.line}行目）` : `section heading (line ${s.line})`,
        sheetName: ja ? 'シート名から全行に読みました' : 'read for every row from the sheet’s name',
        title: ja ? `見出しより上の行から全行に読みました（${s.line}行目）` : `read for every row from above the header (line ${s.line})`,
        skipped: ja ? `見出しより上の行を飛ばしました（${s.line}行目）` : `skipped above the header (line ${s.line})`,
      };
      const label = labels[skippedLineKind(s)];
      out.push(`  ${label}: ${JSON.stringify(s.text)}${gives}`);
    }
    out.push(
      ja
        ? `  読んだ行 ${f.rowsRead} = 読み込み ${f.rowsLoaded} + 重複 ${f.rowsDuplicate} + 不採用 ${f.rowsRejected}（未評価 ${f.notRated}）`
        : `  rows read ${f.rowsRead} = loaded ${f.rowsLoaded} + duplicates ${f.rowsDuplicate} + rejected ${f.rowsRejected} (not rated ${f.notRated})`,
    );
    out.push(
      ja
        ? `  評価 ${f.records.ratings} 件、記述 ${f.records.narratives} 件、拠点情報 ${f.records.centers} 件${f.records.wards ? `、区 ${f.records.wards} 件` : ''}`
        : `  ${plural(f.records.ratings, 'rating')}, ${plural(f.records.narratives, 'narrative')}, ${plural(f.records.centers, 'center')}${f.records.wards ? `, ${plural(f.records.wards, 'ward')}` : ''}`,
    );
    if (f.report) {
      const year = shortYearLabel(lang, f.report.fiscalYear);
      out.push(ja ? `  報告書: ${f.report.ward} ${year}` : `  report: ${f.report.ward} ${year}`);
    }
    if (f.missingParts.length > 0) out.push(`  ${ja ? '見つからない部分' : 'missing parts'}: ${f.missingParts.join(', ')}`);
    if (f.skippedEntries.length > 0) out.push(`  ${ja ? 'zip の中のデータでないファイル（読みませんでした）' : 'files in the zip that are not data (not read)'}: ${f.skippedEntries.join(ja ? '、' : ', ')}`);
    if (f.hiddenSheets.length > 0) out.push(`  ${ja ? '非表示のシート（読みませんでした）' : 'hidden sheets (not read)'}: ${f.hiddenSheets.join(ja ? '、' : ', ')}`);
    if (f.ignoredColumns.length > 0) {
      out.push(`  ${ja ? '使わなかった列' : 'ignored columns'}: ${f.ignoredColumns.join(', ')}${moreColumns(lang, f.ignoredColumns.length, f.ignoredColumnsTotal)}`);
    }
    for (const e of f.errors.slice(0, MAX_ERRORS_SHOWN)) {
      const where = ja ? `${e.line}行目${e.column ? `「${e.column}」列` : ''}` : `line ${e.line}${e.column ? `, column "${e.column}"` : ''}`;
      const value = valueText(lang, JSON.stringify(e.value), e.valueLength === undefined ? {} : { valueLength: e.valueLength });
      out.push(`  ✗ ${where}: ${value} — ${e.reason}`);
    }
    if (f.errorCount > MAX_ERRORS_SHOWN) {
      out.push(ja ? `  …ほか ${f.errorCount - MAX_ERRORS_SHOWN} 件。理由ごとの件数:` : `  … ${f.errorCount - MAX_ERRORS_SHOWN} more. By reason:`);
      for (const s of f.errorSummary) {
        const column = s.column ? (ja ? `「${s.column}」列` : `column "${s.column}"`) : ja ? '行全体' : 'whole row';
        out.push(ja ? `    ${s.count} 件 ${column}（最初は ${s.firstLine} 行目）: ${s.reason}` : `    ${s.count} × ${column} (first on line ${s.firstLine}): ${s.reason}`);
      }
      out.push(ja ? '  すべての不採用はファイルに出力できます: --errors-csv ファイル名' : '  Write every rejected cell to a file with --errors-csv FILE');
    }
  }
  if (report.skippedFiles.length > 0) {
    out.push(`■ ${ja ? 'フォルダ内のデータではないため読まなかったファイル' : 'Files in the folders that are not data (not read)'}: ${report.skippedFiles.join(ja ? '、' : ', ')}`);
  }
  if (report.conflicts.length > 0) {
    out.push(ja ? `■ 食い違い ${report.conflicts.length} 件（後から読んだ値を使います）` : `■ ${plural(report.conflicts.length, 'conflict')} (the value read last is used)`);
    for (const c of report.conflicts) {
      const year = shortYearLabel(lang, c.fiscalYear);
      const values = c.values.map((v) => `${v.rating ?? '-'} (${v.file}:${v.line})`).join(' → ');
      out.push(`  ${c.ward} ${year} ${STAGE[lang][c.stage]} ${c.questionNo} ${RATER[lang][c.rater]}: ${values}`);
    }
  }
  for (const c of report.textConflicts) {
    const values = c.values.map((v) => `${v.file}:${v.line}`).join(' → ');
    out.push(`  ${ja ? '記述の差し替え' : 'text replaced'}: ${c.ward} ${c.fiscalYear} ${c.key || c.kind}: ${values}`);
  }
  const t = report.totals;
  const counts = t.ratingCounts;
  out.push(
    ja
      ? `■ 合計: 評価 ${t.ratings} 件（A ${counts.A} / B ${counts.B} / C ${counts.C} / D ${counts.D} / 未評価 ${counts.unrated}）、記述 ${t.narratives} 件、${t.wards.length} 区、年度 ${t.fiscalYears.join(', ') || '-'}`
      : `■ Totals: ${plural(t.ratings, 'rating')} (A ${counts.A} / B ${counts.B} / C ${counts.C} / D ${counts.D} / unrated ${counts.unrated}), ${plural(t.narratives, 'narrative')}, ${plural(t.wards.length, 'ward')}, ${t.fiscalYears.length === 1 ? 'year' : 'years'} ${t.fiscalYears.join(', ') || '-'}`,
  );
  return out.join('\n');
}
