import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openApp, reloadApp } from './open-app.ts';
import { htmlBytes, mhtml, pdfLayout, pdfLayoutWithBadRating, spaceLayout } from '../fixtures/reports/layouts.ts';
import { textPdf } from '../unit/ingest/pdf-writer.ts';
import { workbook } from '../fixtures/workbook/build.ts';
import { readPdf } from '../../src/lib/ingest/pdf.ts';

const root = new URL('../../', import.meta.url).pathname;

/** Opens the data view, pastes `text` into its paste box and loads it, waiting until the load is done. */
async function pasteIntoDataView(page: Page, text: string): Promise<void> {
  await openApp(page, '/?view=data');
  await page.getByText('テキストを貼り付けて読み込む', { exact: true }).click();
  await page.locator('textarea[name="pasted-text"]').fill(text);
  await page.getByRole('button', { name: '貼り付けたテキストを読み込む' }).click();
  await expect(page.locator('.progress')).toHaveCount(0);
}

/** The load report's one rejected row: its line, column, value and reason, as shown; returns the reason's cell. */
async function expectOneRejected(page: Page, cells: [string, string, string, string]): Promise<Locator> {
  const rejected = page.locator('section.report table.rejected tbody tr');
  await expect(rejected).toHaveCount(1);
  for (const [i, text] of cells.entries()) await expect(rejected.locator('td').nth(i + 1)).toHaveText(text);
  return rejected.locator('td').nth(4);
}

/** A folder as a clerk keeps them: the page saved "complete" (with its assets), the text copy, the single-file save, a CSV. */
function reportFolder(): string {
  // Under the test's own output folder, which Playwright empties at each run.
  const dir = test.info().outputPath('reports');
  mkdirSync(join(dir, 'konan_files'), { recursive: true });
  writeFileSync(join(dir, 'konan.html'), htmlBytes('Shift_JIS'));
  writeFileSync(join(dir, 'konan_files', 'common.css'), 'body { margin: 0 }');
  writeFileSync(join(dir, 'konan_files', 'logo.png'), new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
  writeFileSync(join(dir, 'konan.txt'), spaceLayout());
  writeFileSync(join(dir, 'konan.mhtml'), mhtml());
  writeFileSync(join(dir, 'extra.csv'), 'ward,fiscal_year,stage,question_no,rater,rating\n西区,2024,1,1,区,A\n');
  // What a Mac and Windows leave in a folder, and the lock file of a workbook open in Excel.
  writeFileSync(join(dir, '.DS_Store'), new Uint8Array([0, 0, 0, 1, 0x42, 0x75, 0x64, 0x31]));
  writeFileSync(join(dir, 'Thumbs.db'), new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]));
  writeFileSync(join(dir, '~$extra.xlsx'), 'owner');
  return dir;
}

test('a folder picked in the data view loads every report and CSV in it, skips its assets, and each report can be checked', async ({ page }) => {
  await openApp(page, '/?view=data');
  await page.locator('input[name="folder"]').setInputFiles(reportFolder());
  const files = page.locator('section.report table.files tbody');
  for (const name of ['reports/konan.html', 'reports/konan.mhtml', 'reports/konan.txt', 'reports/extra.csv']) {
    await expect(files.getByRole('rowheader', { name })).toBeVisible();
  }
  await expect(page.locator('.skipped-files')).toHaveText(/\(3\): reports\/konan_files\/common\.css, reports\/konan_files\/logo\.png, reports\/~\$extra\.xlsx$/);
  const checks = page.locator('section.report-check details');
  await expect(checks).toHaveCount(3);
  // Act once the load has finished (the checks appear before its last step), so nothing above moves what is clicked.
  await expect(page.locator('.progress')).toHaveCount(0);
  await expect(checks.locator('summary')).toHaveText([
    /港南区 令和元年度（2019年度）.*reports\/konan\.html.*評価 48\/48 · 記述 17 · 拠点情報 あり · 不採用 0/,
    /港南区 令和元年度（2019年度）.*reports\/konan\.mhtml.*評価 48\/48 · 記述 17/,
    /港南区 令和元年度（2019年度）.*reports\/konan\.txt.*評価 48\/48 · 記述 17/,
  ]);
  const first = checks.first();
  await first.locator('summary').click();
  await expect(first.locator('.fields')).toContainText('特定非営利活動法人 こうなん子育てひろば');
  await expect(first.locator('.fields dd').first()).toHaveText('2019-04-01 – 2020-03-31 （4年度目／5か年度）');
  await expect(first.locator('table.grid tbody tr')).toHaveCount(16);
  await expect(first.locator('table.grid tbody tr').nth(5).locator('td.rating')).toHaveText(['C', 'D', 'C']);
  await expect(first.locator('table.items tbody tr').filter({ has: page.getByRole('rowheader', { name: '取組内容', exact: true }) }).locator('li')).toHaveCount(4);
  // The page around the report (header, breadcrumbs, links to the other wards' reports, footer) was read as outside it.
  await expect(first.locator('table.lines tr.outside').filter({ hasText: '鶴見区地域子育て支援拠点事業' })).toHaveCount(1);
  await expect(first.locator('table.lines tr.rejected')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/report-check.png', fullPage: true });
});

test('a single-file page whose UTF-8 bytes are saved as they are (8bit) reads as the quoted-printable one does', async ({ page }) => {
  // The browser's TextDecoder('latin1') is windows-1252: a byte string made with it loses UTF-8's bytes 0x80–0x9F.
  await openApp(page, '/?view=data');
  await page.locator('input[name="files"]').setInputFiles({ name: 'konan-8bit.mhtml', mimeType: 'multipart/related', buffer: Buffer.from(mhtml('8bit')) });
  const check = page.locator('section.report-check details').filter({ hasText: 'konan-8bit.mhtml' });
  await expect(check.locator('summary')).toHaveText(/港南区 令和元年度（2019年度）.*評価 48\/48 · 記述 17 · 拠点情報 あり · 不採用 0/);
  await expect(page.locator('.progress')).toHaveCount(0);
  await check.locator('summary').click();
  await expect(check.locator('.fields')).toContainText('特定非営利活動法人 こうなん子育てひろば');
});

test('a year’s reports pasted as one text load as a file per report, checked each, and come back once after a reload', async ({ page }) => {
  const seed = readFileSync(`${root}tests/fixtures/report_seed.txt`, 'utf8');
  await pasteIntoDataView(page, `${seed}\n${pdfLayout()}\n${pdfLayout().replaceAll('港南区', '西区')}`);
  const summaries = page.locator('section.report-check details summary');
  await expect(summaries).toHaveText([
    /鶴見区 令和7年度（2025年度）.*貼り付け_\d{8}-\d{6}\.txt #1.*評価 48\/48 · 記述 26 · 拠点情報 あり · 不採用 0/,
    /港南区 令和元年度（2019年度）.*貼り付け_\d{8}-\d{6}\.txt #2.*評価 48\/48 · 記述 17 · 拠点情報 あり · 不採用 0/,
    /西区 令和元年度（2019年度）.*貼り付け_\d{8}-\d{6}\.txt #3.*評価 48\/48 · 記述 17 · 拠点情報 あり · 不採用 0/,
  ]);
  // Each check holds its own report's lines: the second starts at its title.
  const second = page.locator('section.report-check details').nth(1);
  await second.locator('summary').click();
  await expect(second.locator('table.lines tbody tr').first()).toContainText('港南区地域子育て支援拠点事業');
  await expect(second.locator('table.lines tbody tr').filter({ hasText: '鶴見区' })).toHaveCount(0);
  const pastedFiles = page.locator('section.report table.files tbody tr').filter({ hasText: /貼り付け_/ });
  // The files table lists them in the same order as the checks.
  await expect(pastedFiles.locator('th')).toHaveText([/ #1$/, / #2$/, / #3$/]);
  await reloadApp(page);
  await expect(pastedFiles).toHaveCount(3);
  await expect(summaries).toHaveCount(3);
});

test('a damaged report is flagged in the check, its rejected lines shown beside what was read', async ({ page }) => {
  await openApp(page, '/?view=data');
  await page.locator('input[name="files"]').setInputFiles(`${root}tests/fixtures/report_damaged.txt`);
  const check = page.locator('section.report-check details');
  await expect(check).toHaveClass(/problem/);
  await expect(page.locator('.progress')).toHaveCount(0);
  await expect(check.locator('summary')).toContainText('評価 45/48 · 記述 23 · 拠点情報 あり · 不採用 2');
  await check.locator('summary').click();
  await expect(check.locator('.missing')).toHaveText('報告書に見つからない部分: 取組の課題、事業計画段階 設問1');
  await expect(check.locator('table.lines tr.rejected td:first-child')).toHaveText(['19', '31']);
  await expect(check.locator('table.items tbody tr.empty th')).toHaveText('取組の課題');
});

test('a rejected row of a PDF report is named by its page as well as its line', async ({ page }) => {
  await openApp(page, '/?view=data');
  // The last rating written E, on the second of the PDF's pages (50 lines a page).
  const { lines, line } = pdfLayoutWithBadRating();
  await page.locator('input[name="files"]').setInputFiles({ name: '報告書.pdf', mimeType: 'application/pdf', buffer: Buffer.from(textPdf(lines.join('\n'))) });
  await expect(page.locator('.progress')).toHaveCount(0);
  const rejected = page.locator('section.report table.rejected');
  await expect(rejected.locator('thead th').nth(1)).toHaveText('ページ');
  await expect(rejected.locator('tbody tr td').nth(0)).toHaveText('報告書.pdf');
  await expect(rejected.locator('tbody tr td').nth(1)).toHaveText(String(Math.floor((line - 1) / 50) + 1));
  await expect(rejected.locator('tbody tr td').nth(2)).toHaveText(String(line));
  await page.locator('section.report').screenshot({ path: 'test-results/rejected-pdf-page.png' });
});

test('text pasted into the data view loads as a file of its own: a report copied out of its PDF, cells copied from Excel, files copied in the file manager', async ({ page }) => {
  await openApp(page, '/?view=data');
  const box = page.locator('textarea[name="pasted-text"]');
  await page.getByText('テキストを貼り付けて読み込む', { exact: true }).click();
  await box.fill(pdfLayout());
  await page.getByRole('button', { name: '貼り付けたテキストを読み込む' }).click();
  await expect(page.locator('section.report-check details summary')).toHaveText([/港南区 令和元年度（2019年度）.*貼り付け_\d{8}-\d{6}\.txt.*評価 48\/48 · 記述 17/]);
  await expect(box).toHaveValue('');
  await expect(page.locator('.progress')).toHaveCount(0);

  // Ctrl+V outside a text field: the text is put in the box to be looked at, not loaded at once.
  const cells = ['ward\tfiscal_year\tstage\tquestion_no\trater\trating', '西区\t2024\t1\t1\t区\tB', '西区\t2024\t1\t2\t区\tC'].join('\r\n');
  await page.locator('h2#load-title').evaluate((heading, text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    heading.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, cells);
  await expect(box).toHaveValue(cells.replaceAll('\r\n', '\n'));
  await expect(box).toBeFocused();
  await page.getByRole('button', { name: '貼り付けたテキストを読み込む' }).click();
  const pastedCells = page.locator('section.report table.files tbody tr').filter({ hasText: /貼り付け_/ }).filter({ hasText: '評価（縦持ち）' });
  await expect(pastedCells).toContainText('UTF-8・タブ');
  await expect(pastedCells.locator('td').nth(3)).toHaveText('2');

  // A file copied in the file manager and pasted is read at once, as if chosen, also with the focus on the file picker.
  await page.locator('input[name="files"]').evaluate((picker) => {
    const data = new DataTransfer();
    data.items.add(new File(['ward,fiscal_year,stage,question_no,rater,rating\n西区,2024,1,3,区,A\n'], 'copied.csv', { type: 'text/csv' }));
    picker.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(page.locator('section.report table.files tbody').getByRole('rowheader', { name: 'copied.csv' })).toBeVisible();

  // Text dragged from another window onto the drop zone goes into the box too.
  await page.locator('.dropzone').evaluate((zone) => {
    const data = new DataTransfer();
    data.setData('text/plain', 'ward\tfiscal_year\tstage\tquestion_no\trater\trating\n西区\t2024\t1\t4\t区\tA\n');
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  await expect(box).toHaveValue(/^ward\tfiscal_year/);
  await expect(box).toBeFocused();

  // Kept on the device like a chosen file.
  await reloadApp(page);
  await expect(page.locator('section.report table.files tbody tr').filter({ hasText: /貼り付け_/ })).toHaveCount(2);
});

test('a damaged PDF or an old Office file chosen as it is says how to get its text in; a damaged workbook is named as one; Word and PDF reports are read', async ({ page }) => {
  await openApp(page, '/?view=data');
  await page.locator('input[name="files"]').setInputFiles([
    { name: 'tsurumi.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n') },
    { name: 'ratings.xls', mimeType: 'application/vnd.ms-excel', buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]) },
    { name: 'cut.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from([0x50, 0x4b, 3, 4, 20, 0, 6, 0]) },
  ]);
  const report = page.locator('section.report');
  await expect(report).toContainText('PDF として開けません（ファイルが途中で切れているか、壊れています）。PDF を開けるビューアで全文をコピー（Ctrl+A → Ctrl+C）し');
  await expect(report).toContainText('古い形式の Office ファイル（Excel 95・Word 95 以前のものなど）はそのままでは読めません。Excel は「Excel ブック（.xlsx）」か「CSV UTF-8」で、Word は「Word 文書（.docx）」で保存し直すか');
  await expect(report).toContainText('Excel ブック（.xlsx・.xls）・OpenDocument（.ods）・Word 文書（.docx・.doc）・zip ファイルとして開けません');
  await page.locator('input[name="files"]').setInputFiles(`${root}tests/fixtures/reports/word/report.docx`);
  await expect(page.locator('section.report-check details summary').filter({ hasText: 'report.docx' })).toHaveText(/港南区 令和元年度（2019年度）.*評価 48\/48 · 記述 17 · 拠点情報 あり · 不採用 0/);
  await expect(report.locator('table.files tbody tr').filter({ hasText: 'report.docx' })).toContainText('Word (.docx)');
  await page.locator('input[name="files"]').setInputFiles(`${root}tests/fixtures/reports/word/report.odt`);
  await expect(page.locator('section.report-check details summary').filter({ hasText: 'report.odt' })).toHaveText(/港南区 令和元年度（2019年度）.*評価 48\/48 · 記述 17 · 拠点情報 あり · 不採用 0/);
  await expect(report.locator('table.files tbody tr').filter({ hasText: 'report.odt' })).toContainText('OpenDocument (.odt)');
  await page.locator('input[name="files"]').setInputFiles(`${root}tests/fixtures/reports/word/report.doc`);
  await expect(page.locator('section.report-check details summary').filter({ hasText: /report\.doc(?!x)/ })).toHaveText(/港南区 令和元年度（2019年度）.*評価 48\/48 · 記述 17 · 拠点情報 あり · 不採用 0/);
  await expect(report.locator('table.files tbody tr').filter({ hasText: /report\.doc(?!x)/ })).toContainText('Word 97–2003 (.doc)');
  // The saved page printed to PDF by Chromium, the Word report saved as PDF by LibreOffice, and that
  // PDF protected against editing (AES-256: decrypted by the browser's Web Crypto in the worker).
  const pdfs = ['report-chromium.pdf', 'report-writer.pdf', 'report-writer-protected-aes256.pdf'];
  await page.locator('input[name="files"]').setInputFiles(pdfs.map((name) => `${root}tests/fixtures/reports/pdf/${name}`));
  for (const name of pdfs) {
    await expect(page.locator('section.report-check details summary').filter({ hasText: name })).toHaveText(/港南区 令和元年度（2019年度）.*評価 48\/48 · 記述 17 · 拠点情報 あり · 不採用 0/);
    await expect(report.locator('table.files tbody tr').filter({ hasText: name })).toContainText('PDF');
  }
  // A PDF's lines are named by page too: the title on the first, the rating tables further on.
  const printed = page.locator('section.report-check details').filter({ has: page.locator('summary', { hasText: 'report-chromium.pdf' }) });
  await printed.locator('summary').click();
  await expect(printed.locator('table.lines thead th').first()).toHaveText('ページ');
  await expect(printed.locator('table.lines tr.title td').first()).toHaveText('1');
  await expect(printed.locator('table.lines tr.heading td:first-child').last()).not.toHaveText('1');
  await printed.screenshot({ path: 'test-results/report-check-pdf.png' });
});

test('an Excel workbook loads each visible sheet as a file, its rejected row named by the row Excel shows', async ({ page }) => {
  await openApp(page, '/?view=data');
  await page.locator('input[name="files"]').setInputFiles(`${root}tests/fixtures/workbook/workbook.xlsx`);
  await expect(page.locator('.progress')).toHaveCount(0);
  const files = page.locator('section.report table.files tbody tr');
  await expect(files.locator('th')).toHaveText(['workbook.xlsx [評価]', 'workbook.xlsx [取組]', 'workbook.xlsx [拠点]']);
  await expect(files.first()).toContainText('Excel (.xlsx)');
  await expect(page.locator('section.report tr.hidden-sheets')).toHaveText('非表示のシート（読みませんでした）: リスト');
  const rejected = page.locator('section.report table').filter({ hasText: '評価が読めません' }).first().locator('tbody tr');
  await expect(rejected).toHaveCount(1);
  await expect(rejected.locator('td')).toContainText(['workbook.xlsx [評価]', '12', '拠点', 'E']);
  // What the tables hold now, counted in DuckDB: every sheet's rows, the hidden one's none.
  const loaded = page.locator('section.loaded-data tbody tr').filter({ hasText: 'workbook.xlsx' });
  await expect(loaded.locator('th')).toHaveText(['workbook.xlsx [評価]', 'workbook.xlsx [取組]', 'workbook.xlsx [拠点]']);
  await expect(loaded.nth(0)).toContainText(/45\s+0\s+0\s+1\s+令和6年度（2024年度）/, { useInnerText: true });
  await expect(loaded.nth(1)).toContainText(/0\s+3\s+0\s+1/, { useInnerText: true });
  await reloadApp(page);
  await expect(loaded.locator('th')).toHaveText(['workbook.xlsx [評価]', 'workbook.xlsx [取組]', 'workbook.xlsx [拠点]']);
});

// The same workbook as LibreOffice Calc saves it in its own format and in Excel's old one.
for (const { format, file, label } of [
  { format: 'a LibreOffice spreadsheet (.ods)', file: 'ods/workbook.ods', label: 'OpenDocument (.ods)' },
  { format: 'an Excel 97–2003 workbook (.xls)', file: 'xls/workbook.xls', label: 'Excel 97–2003 (.xls)' },
]) {
  test(`${format} loads as the .xlsx it was converted from does, its format named`, async ({ page }) => {
    await openApp(page, '/?view=data');
    await page.locator('input[name="files"]').setInputFiles(`${root}tests/fixtures/workbook/${file}`);
    await expect(page.locator('.progress')).toHaveCount(0);
    const name = file.split('/')[1];
    const sheets = ['評価', '取組', '拠点'].map((sheet) => `${name} [${sheet}]`);
    const files = page.locator('section.report table.files tbody tr').filter({ hasText: name });
    await expect(files.locator('th')).toHaveText(sheets);
    await expect(files.first()).toContainText(label);
    await expect(page.locator('section.report tr.hidden-sheets')).toHaveText('非表示のシート（読みませんでした）: リスト');
    const rejected = page.locator('section.report table').filter({ hasText: '評価が読めません' }).first().locator('tbody tr');
    await expect(rejected.locator('td')).toContainText([sheets[0], '12', '拠点', 'E']);
    const loaded = page.locator('section.loaded-data tbody tr').filter({ hasText: name });
    await expect(loaded.nth(0)).toContainText(/45\s+0\s+0\s+1\s+令和6年度（2024年度）/, { useInnerText: true });
    await reloadApp(page);
    await expect(loaded.locator('th')).toHaveText(sheets);
  });
}

test('a compressed folder (.zip) loads each data file in it, its other files named', async ({ page }) => {
  await openApp(page, '/?view=data');
  await page.locator('input[name="files"]').setInputFiles(`${root}tests/fixtures/archive/folder.zip`);
  await expect(page.locator('.progress')).toHaveCount(0);
  const files = page.locator('section.report table.files tbody tr').filter({ hasText: 'folder.zip/' });
  await expect(files.locator('th')).toHaveText([
    'folder.zip/令和7年度/報告書.pdf',
    'folder.zip/令和7年度/報告書.txt',
    'folder.zip/令和7年度/西区.xlsx [評価]',
    'folder.zip/令和7年度/西区.xlsx [取組]',
    'folder.zip/令和7年度/西区.xlsx [拠点]',
    'folder.zip/令和7年度/鶴見区_評価.csv',
  ]);
  await expect(page.locator('section.report tr.skipped-entries')).toHaveText('zip の中のデータでないファイル（読みませんでした）: 令和7年度/古い版.zip');
  // Its PDF is the first bytes of one only: named as a PDF cut short.
  await expect(page.locator('section.report')).toContainText('PDF として開けません');
  await expect(page.locator('section.report-check details summary').filter({ hasText: 'folder.zip/令和7年度/報告書.txt' })).toContainText('鶴見区 令和7年度');
  // Kept on the device as the zip it was, and read again on the next visit (the report repeats the
  // bundled 鶴見区 report: every row a duplicate, so it holds none of the tables' rows).
  const loaded = page.locator('section.loaded-data tbody tr').filter({ hasText: 'folder.zip/' });
  const holding = ['folder.zip/令和7年度/西区.xlsx [評価]', 'folder.zip/令和7年度/西区.xlsx [取組]', 'folder.zip/令和7年度/西区.xlsx [拠点]', 'folder.zip/令和7年度/鶴見区_評価.csv'];
  await expect(loaded.locator('th')).toHaveText(holding);
  await reloadApp(page);
  await expect(loaded.locator('th')).toHaveText(holding);
});

test('a sheet titled with its ward and year gives them to every row, and the load report says which line gave them', async ({ page }) => {
  await pasteIntoDataView(page, '令和7年度　港南区　協働のプロセスの評価\n段階\t番号\t区\t拠点\t相互評価\n計画\t1\tA\tB\tC\n');
  const note = page.locator('section.report tr.title-line');
  await expect(note).toHaveText('見出しより上の行から、列のない値を全行に読みました: 1 — 令和7年度　港南区　協働のプロセスの評価 → 区 港南区・年度 令和7年度（2025年度）');
  const pasted = page.locator('section.report table.files tbody tr').filter({ hasText: /貼り付け_/ }).first();
  await expect(pasted).toContainText(/評価（横持ち）/);
  const loaded = page.locator('section.loaded-data tbody tr').filter({ hasText: /貼り付け_/ });
  await expect(loaded).toContainText(/3\s+0\s+0\s+1\s+令和7年度（2025年度）/, { useInnerText: true });
  // In English the ward is named by its romaji, as every view names it.
  await page.getByRole('button', { name: '表示言語を英語に切り替える' }).click();
  await expect(note).toContainText('→ Ward Konan, Fiscal year FY2025');
});

test('a ratings sheet with the stage as heading rows, as the published table: each heading gives its stage to the rows under it, and the load report lists it', async ({ page }) => {
  const sheet = ['令和7年度　港南区　協働のプロセスの評価', '番号\t設問\t区\t拠点\t相互評価', '①事業計画段階', '1\t目的\tA\tB\tC', '③事業の振り返り段階', '3\t次年度\tD\tD\tC'];
  await pasteIntoDataView(page, `${sheet.join('\n')}\n`);
  const headings = page.locator('section.report tr.heading-line');
  await expect(headings).toHaveText([
    '段階の見出し行（その下の行の段階として読みました）: 3 — ①事業計画段階 → 段階 事業計画段階',
    '段階の見出し行（その下の行の段階として読みました）: 5 — ③事業の振り返り段階 → 段階 振り返り段階',
  ]);
  const loaded = page.locator('section.loaded-data tbody tr').filter({ hasText: /貼り付け_/ });
  await expect(loaded).toContainText(/6\s+0\s+0\s+1\s+令和7年度（2025年度）/, { useInnerText: true });
  await page.getByRole('button', { name: '表示言語を英語に切り替える' }).click();
  await expect(headings.first()).toHaveText('A stage heading (read as the stage of the rows under it): 3 — ①事業計画段階 → Stage Planning');
  await page.getByRole('button', { name: 'Switch the interface to Japanese' }).click();
  // The items of a report's sections, the section as heading rows (the paste box is still open).
  await page.locator('textarea[name="pasted-text"]').fill('令和7年度　港南区　事業評価\n番号\t内容\n【取組の課題】\n1\t父親の参加が少ない\n');
  await page.getByRole('button', { name: '貼り付けたテキストを読み込む' }).click();
  await expect(page.locator('.progress')).toHaveCount(0);
  await expect(headings).toHaveText(['項目の見出し行（その下の行の項目として読みました）: 3 — 【取組の課題】 → 項目 取組の課題']);
  // What was loaded, by the analyst's SQL: each rating in the stage its heading named, the item in its section.
  const sql = "SELECT stage, question_no, rater, rating FROM ratings WHERE ward = '港南区' AND fiscal_year = 2025 AND rating = 'D' ORDER BY rater";
  await openApp(page, `/?view=sql&q=${encodeURIComponent(sql)}`);
  await page.getByRole('button', { name: '実行（Ctrl+Enter）' }).click();
  await expect(page.locator('table.result tbody tr')).toHaveText([/review\s*3\s*center\s*D/, /review\s*3\s*ward\s*D/]);
  const items = "SELECT section, text FROM narratives WHERE ward = '港南区' AND fiscal_year = 2025 AND text = '父親の参加が少ない'";
  await openApp(page, `/?view=sql&q=${encodeURIComponent(items)}`);
  await page.getByRole('button', { name: '実行（Ctrl+Enter）' }).click();
  await expect(page.locator('table.result tbody tr')).toHaveText([/challenge\s*父親の参加が少ない/]);
});

test('a ratings sheet without a stage column, its questions numbered as the app labels them (P1, 計画1): each number gives its row the stage; a plain number is rejected for it', async ({ page }) => {
  const sheet = ['区名\t年度\t設問\t区\t拠点\t相互評価', '港南区\tR7\tP1\tA\tB\tA', '港南区\tR7\t実施7\tD\tC\tD', '港南区\tR7\t3\tA\tA\tA', '港南区\tR7\tR3\tC\tD\tD'];
  await pasteIntoDataView(page, `${sheet.join('\n')}\n`);
  const report = page.locator('section.report');
  await expect(report.locator('table.files tbody tr').filter({ hasText: /貼り付け_/ }).first()).toContainText(/評価（横持ち）/);
  const reason = await expectOneRejected(page, ['4', '設問', '3', '段階の列がないため、設問番号に段階を書くか（「計画1」「実施3」「振返2」、または P1・I3・R2）、設問文の列に報告書の設問文を入れてください']);
  await page.getByRole('button', { name: '表示言語を英語に切り替える' }).click();
  await expect(reason).toHaveText('The sheet has no stage column, so the question number must name its stage (P1, I3, R2, or 計画1, 実施3, 振返2), or the question column hold the report’s wording of the question');
  // What was loaded, by the analyst's SQL: each question in the stage its number named.
  const sql = "SELECT stage, question_no, string_agg(rating, '' ORDER BY rater) AS center_joint_ward FROM ratings WHERE ward = '港南区' AND fiscal_year = 2025 AND (stage || question_no) IN ('planning1', 'implementation7', 'review3') GROUP BY ALL ORDER BY stage";
  await openApp(page, `/?view=sql&q=${encodeURIComponent(sql)}`);
  await page.getByRole('button', { name: '実行（Ctrl+Enter）' }).click();
  await expect(page.locator('table.result tbody tr')).toHaveText([/implementation\s*7\s*CDD/, /planning\s*1\s*BAA/, /review\s*3\s*DDC/]);
});

test('a report pasted without its stage headings: each question’s wording gives its row the stage, a row of another question is rejected for its unknown stage', async ({ page }) => {
  const seed = readFileSync(join(root, 'tests/fixtures/report_seed.txt'), 'utf8');
  // 栄区's report, its tables' captions lost, one question reworded past recognition and one numbered 1–16 through.
  const pasted = seed
    .replace('鶴見区地域子育て支援拠点事業', '栄区地域子育て支援拠点事業')
    .replace(/^[①②③]事業.*段階\n/gm, '')
    .replace('1\t率直な意見交換のもと', '7\t率直な意見交換のもと')
    .replace('相手に任せっきりにせず、お互いが役割を自覚して積極的に取り組むことができましたか。', '利用者アンケートを毎月実施しましたか。');
  expect(pasted).not.toContain('事業実施段階');
  await pasteIntoDataView(page, pasted);
  const line = String(pasted.split('\n').findIndex((l) => l.includes('利用者アンケートを毎月')) + 1);
  const reason = await expectOneRejected(page, [line, '設問', '利用者アンケートを毎月実施しましたか。', '段階が分かりません。段階の列や見出し（①事業計画段階 など）がなく、設問も「計画1」「P1」のような番号でも報告書の16設問の文言でもありません']);
  await page.getByRole('button', { name: '表示言語を英語に切り替える' }).click();
  await expect(reason).toContainText('The stage is unknown: there is no stage column or heading');
  // What was loaded, by the analyst's SQL: the seed's tables, each row in the stage its wording named, less the reworded one.
  const sql = "SELECT stage, count(DISTINCT question_no) AS questions, string_agg(rating, '' ORDER BY question_no, rater) AS ratings FROM ratings WHERE ward = '栄区' AND fiscal_year = 2025 AND provenance = 'real' GROUP BY stage ORDER BY stage";
  await openApp(page, `/?view=sql&q=${encodeURIComponent(sql)}&lang=ja`);
  await page.getByRole('button', { name: '実行（Ctrl+Enter）' }).click();
  await expect(page.locator('table.result tbody tr')).toHaveText([/implementation\s*6\s*AAAAAABAAAABBBBAAA/, /planning\s*6\s*AAAAAAAAAAAAABBAAA/, /review\s*3\s*BBBAAAAAA/]);
});

test('a workbook with a tab per ward: each sheet’s name gives its rows their ward, and the load report says the name gave it', async ({ page }) => {
  await openApp(page, '/?view=data');
  const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
  const rows = (lines: string[][]) => lines.map((values, i) => `<row r="${i + 1}">${values.map((v, k) => cell(`${'ABCDE'[k]}${i + 1}`, v)).join('')}</row>`).join('');
  const sheet = (rating: string) => rows([['年度', '段階', '番号', '評価者', '評価'], ['令和7年度', '計画', '1', '区', rating]]);
  const book = workbook([{ name: '港南区', xml: sheet('D') }, { name: '旭区', xml: sheet('C') }]);
  await page.locator('input[name="files"]').setInputFiles({ name: '区ごと.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(book) });
  await expect(page.locator('.progress')).toHaveCount(0);
  await expect(page.locator('section.report tr.title-line')).toHaveText([
    'シート名から、列のない値を全行に読みました: 港南区 → 区 港南区',
    'シート名から、列のない値を全行に読みました: 旭区 → 区 旭区',
  ]);
  const sql = "SELECT ward, rating FROM ratings WHERE fiscal_year = 2025 AND stage = 'planning' AND question_no = 1 AND rater = 'ward' AND ward IN ('港南区', '旭区') ORDER BY rating";
  await openApp(page, `/?view=sql&q=${encodeURIComponent(sql)}`);
  await page.getByRole('button', { name: '実行（Ctrl+Enter）' }).click();
  await expect(page.locator('table.result tbody tr')).toHaveText([/旭区\s*C/, /港南区\s*D/]);
});

test('a city’s workbook of its wards’ reports, a column per section: each cell’s list loads as that section’s items, a row of blank sections is rejected', async ({ page }) => {
  await openApp(page, '/?view=data');
  const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${text}</t></is></c>`;
  const rows = (lines: string[][]) => lines.map((values, i) => `<row r="${i + 1}">${values.map((v, k) => cell(`${'ABCDE'[k]}${i + 1}`, v)).join('')}</row>`).join('');
  // 旭区's row has no cell after its ward, as Excel stores a row of blank cells.
  const sheet = rows([['区', '重点目標', '取組の課題', '令和8年度重点目標'], ['港南区', '・孤立を防ぐ\n・父親の育児参加を広げる', '父親の参加が少ない', '1. ピアサポートの場をつくる\n2. 父親の交流を続ける'], ['旭区']]);
  const book = workbook([{ name: '令和7年度', xml: sheet }]);
  await page.locator('input[name="files"]').setInputFiles({ name: '各区まとめ.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(book) });
  await expect(page.locator('.progress')).toHaveCount(0);
  const report = page.locator('section.report');
  await expect(report.locator('table.files tbody tr').filter({ hasText: '各区まとめ.xlsx' }).first()).toContainText(/記述/);
  await expect(report.locator('tr.title-line')).toHaveText(['シート名から、列のない値を全行に読みました: 令和7年度 → 年度 令和7年度（2025年度）']);
  const rejected = report.locator('table.rejected tbody tr');
  await expect(rejected.locator('td')).toHaveText(['各区まとめ.xlsx', '3', '重点目標', '', '項目ごとの列（重点目標・取組内容・取組の効果・取組の課題など）が、どれも空です']);
  const sql = "SELECT section, item_no, text FROM narratives WHERE ward = '港南区' AND fiscal_year = 2025 AND line = 2 AND text IN ('孤立を防ぐ', '父親の育児参加を広げる', '父親の参加が少ない', 'ピアサポートの場をつくる', '父親の交流を続ける') ORDER BY section, item_no";
  await openApp(page, `/?view=sql&q=${encodeURIComponent(sql)}`);
  await page.getByRole('button', { name: '実行（Ctrl+Enter）' }).click();
  await expect(page.locator('table.result tbody tr')).toHaveText([
    /challenge\s*1\s*父親の参加が少ない/, /goal\s*1\s*孤立を防ぐ/, /goal\s*2\s*父親の育児参加を広げる/,
    /next_goal\s*1\s*ピアサポートの場をつくる/, /next_goal\s*2\s*父親の交流を続ける/,
  ]);
});

test('every character of JIS X 0208 (with its NEC and IBM rows) that Chromium prints to PDF reads back as written, in both of Noto CJK’s faces', async ({ page }) => {
  // Chromium writes a glyph's lowest character and an ActualText where that is not the text: 西 as
  // ⻄ with ActualText 西, ～ as 〜, a ligature as one glyph. The reader must give what was typed.
  const decoder = new TextDecoder('euc-jp');
  const characters: string[] = [];
  for (let row = 0xa1; row <= 0xfe; row++) {
    for (let cell = 0xa1; cell <= 0xfe; cell++) {
      const text = decoder.decode(new Uint8Array([row, cell]));
      if (text.length === 1 && text !== '\ufffd' && text.trim() !== '') characters.push(text);
    }
  }
  expect(characters.length).toBeGreaterThan(7000);
  const lines = Array.from({ length: Math.ceil(characters.length / 40) }, (_, i) => characters.slice(40 * i, 40 * i + 40).join(''));
  for (const face of ['sans-serif', 'serif']) {
    await page.setContent(`<html lang="ja"><body style="font: 12px ${face}">${lines.map((line) => `<div>${line}</div>`).join('')}</body></html>`);
    const read = (await readPdf(await page.pdf({ format: 'A4' }))).text.replace(/\s/g, '');
    const diffs = [...read].flatMap((c, i) => (c === characters[i] ? [] : [`${characters[i]}→${c}`]));
    expect(diffs, face).toEqual([]);
    expect(read.length, face).toBe(characters.length);
  }
});
