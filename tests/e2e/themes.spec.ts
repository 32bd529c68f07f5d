import { expect, test, type Page } from '@playwright/test';
import { openApp, reloadApp } from './open-app.ts';

const open = (page: Page, search = '') => openApp(page, `/${search}`);

const themeRow = (page: Page, name: string) => page.locator('table.theme-table tbody tr').filter({ has: page.getByRole('button', { name, exact: true }) });

test('the theme view tags the bundled narratives: x/18 per theme, items behind a cell with matches highlighted', async ({ page }) => {
  await open(page, '?view=themes');
  await expect(page.locator('table.theme-table tbody tr')).toHaveCount(14);
  await expect(themeRow(page, '父親支援').locator('td').first()).toHaveText('18/18');
  await page.locator('.heatmap g.cell[data-row="father"][data-column="鶴見区"]').click();
  await expect(page).toHaveURL(/th=father/);
  const items = page.locator('.kwic li');
  await expect(items.first()).toContainText('鶴見区');
  await expect(page.locator('.kwic li', { hasText: '令和7年度（2025年度）' }).first().locator('mark').first()).toHaveText(/父親|パパ|プレパパ/);
});

test('editing the dictionary updates the heatmap and survives a reload', async ({ page }) => {
  await open(page, '?view=themes');
  const before = await themeRow(page, '父親支援').locator('td').nth(1).textContent();
  await page.locator('details.dictionary summary').click();
  const keywords = page.locator('tr[data-key="father"] input[name="keywords"]');
  await keywords.fill('プレパパ');
  await keywords.press('Enter');
  await keywords.blur();
  await expect(themeRow(page, '父親支援').locator('td').nth(1)).not.toHaveText(before!);
  const after = await themeRow(page, '父親支援').locator('td').nth(1).textContent();
  expect(Number(after)).toBeLessThan(Number(before));
  await reloadApp(page);
  await expect(themeRow(page, '父親支援').locator('td').nth(1)).toHaveText(after!);
  await page.locator('details.dictionary summary').click();
  await expect(page.locator('tr[data-key="father"] input[name="keywords"]')).toHaveValue('プレパパ');
  await page.getByRole('button', { name: '初期の辞書に戻す' }).click();
  await expect(themeRow(page, '父親支援').locator('td').nth(1)).toHaveText(before!);
});

test('a file given as the dictionary that is no CSV is named for what it is; a bad line by its number', async ({ page }) => {
  await open(page, '?view=themes');
  await page.locator('details.dictionary summary').click();
  const input = page.locator('details.dictionary input[name="dictionary"]');
  const error = page.locator('details.dictionary p.error[role="alert"]');
  await input.setInputFiles({ name: '辞書.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n1 0 obj\n<< >>\nendobj\n') });
  await expect(error).toHaveText('辞書 CSV を読めません: 辞書.pdf: PDF です。辞書は「CSV に書き出す」と同じ形の CSV（theme_id, theme_ja, theme_en, keyword）から読み込みます');
  await input.setInputFiles({ name: '辞書.csv', mimeType: 'text/csv', buffer: Buffer.from('theme_id,theme_ja,theme_en,keyword\nbad id,名前,,語\n') });
  await expect(error).toHaveText('辞書 CSV を読めません: 辞書.csv 2: bad id,名前,,語');
  // The dictionary in force is untouched.
  await expect(themeRow(page, '父親支援')).toHaveCount(1);
});

test('hostile text in a narrative is shown as text, never run as HTML', async ({ page }) => {
  const alerts: string[] = [];
  page.on('dialog', (dialog) => {
    alerts.push(dialog.message());
    void dialog.dismiss();
  });
  await open(page, '?view=data');
  const csv = 'ward,fiscal_year,section,item_no,text\n西区,2025,challenge,9,"<img src=x onerror=alert(1)><b>父親</b>の参加"\n';
  await page.locator('input[type="file"]').first().setInputFiles({ name: 'hostile.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.locator('table.files tbody tr').first()).toContainText('hostile.csv');
  await page.getByRole('link', { name: '記述のテーマ' }).click();
  await page.locator('.heatmap g.cell[data-row="father"][data-column="西区"]').click();
  const item = page.locator('.kwic li', { hasText: 'onerror' });
  await expect(item.locator('.item-text')).toHaveText('<img src=x onerror=alert(1)><b>父親</b>の参加');
  await expect(item.locator('img, b')).toHaveCount(0);
  await expect(item.locator('mark')).toHaveText('父親');
  expect(alerts).toEqual([]);
});

test('a theme no ward names in a year is a line at 0, not a gap: every bundled year reports every section', async ({ page }) => {
  await open(page, '?view=themes');
  const panels = page.locator('.small-lines g.panel');
  await expect(panels).toHaveCount(14);
  // アウトリーチ is never a challenge in the bundled data: its challenge line runs along 0 all seven years.
  const lines = await page.locator('.small-lines g.panel path').evaluateAll((paths) => paths.map((p) => p.getAttribute('d') ?? ''));
  expect(lines).toHaveLength(14 * 3);
  for (const d of lines) expect(d.match(/[ML]/g)).toEqual(['M', 'L', 'L', 'L', 'L', 'L', 'L']);
  const outreach = await page.locator('.small-lines g.panel[data-key="outreach"] path').first().getAttribute('d');
  const ys = [...outreach!.matchAll(/[ML][\d.]+,([\d.]+)/g)].map((m) => m[1]);
  const zero = await page.locator('.small-lines g.panel[data-key="outreach"] line.axis').getAttribute('y1');
  expect(new Set(ys)).toEqual(new Set([Number(zero).toFixed(1)]));
});

test('clicking a theme narrows the ratings views to the wards that name it, and back', async ({ page }) => {
  await open(page, '?view=themes');
  await page.locator('.small-lines g.panel[data-key="multicultural"] rect.hit').click();
  await expect(page).toHaveURL(/th=multicultural/);
  const naming = Number((await themeRow(page, '多文化・外国につながる家庭').locator('td').first().textContent())!.split('/')[0]);
  await page.getByRole('link', { name: '評価の分布' }).click();
  await expect(page).toHaveURL(/th=multicultural/);
  await expect(page.locator('.diverging svg g.row')).toHaveCount(naming);
  await page.getByRole('link', { name: '記述のテーマ' }).click();
  await page.getByRole('button', { name: /テーマ: 多文化/ }).click();
  await page.getByRole('link', { name: '評価の分布' }).click();
  await expect(page.locator('.diverging svg g.row')).toHaveCount(18);
});

test('the recurring and resolved challenge lists name their years as every other year label does, in both languages', async ({ page }) => {
  await open(page, '?view=themes');
  const recurring = page.locator('ul.recurring li');
  const resolved = page.locator('ul.resolved li');
  await expect(recurring.first()).toContainText('年度連続');
  // A streak's count is its span: the western years in the label agree with the count beside them.
  for (const text of await recurring.allTextContents()) {
    const [, from, to, n] = text.match(/: 令和(?:元|\d+)(?:〜(?:元|\d+))?年度（(\d{4})〜(\d{4})年度）、(\d+)年度連続$/) ?? [];
    expect(from, text).toBeDefined();
    expect(Number(to) - Number(from) + 1, text).toBe(Number(n));
  }
  for (const text of await resolved.allTextContents()) {
    const [, from, to] = text.match(/: 令和(?:元|\d+)年度 → 令和\d+年度（(\d{4}) → (\d{4})年度）$/) ?? [];
    expect(from, text).toBeDefined();
    expect(Number(to), text).toBe(Number(from) + 1);
  }
  await page.getByRole('button', { name: 'English' }).click();
  await expect(recurring.first()).toHaveText(/: FY\d{4}–FY\d{4}, \d+ years running$/);
  await expect(resolved.first()).toHaveText(/: FY(\d{4}) → FY\d{4}$/);
  // An aside in an English heading has plain parentheses, not the Japanese full-width ones.
  await expect(page.locator('h3', { hasText: 'Most frequent words' })).toHaveText(/^Most frequent words \(FY\d{4} \(令和\d+年度\)\)$/);
});
