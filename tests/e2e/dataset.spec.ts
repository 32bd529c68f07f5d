import { expect, test, type Page } from '@playwright/test';
import { openApp } from './open-app.ts';

/** Built from data/ by the test server's command (playwright.config.ts): the bundled data as a dataset. */
const DATASET = './datasets/e2e/';

const content = (page: Page) =>
  page.locator('main').evaluate((main: HTMLElement) => {
    const note = main.querySelector<HTMLElement>('.snapshot-note')?.innerText ?? null;
    return main.innerText.split('\n').map((line: string) => line.trim()).filter((line: string) => line !== '' && line !== note);
  });

/** Opens the dataset and waits until its text tables are in too. */
async function openDataset(page: Page, search = '') {
  await openApp(page, `/?dataset=${DATASET}${search}`);
  await expect(page.locator('.dataset-notice progress')).toHaveCount(0, { timeout: 60_000 });
}

for (const view of ['distribution', 'heatmap', 'trends', 'themes', 'words']) {
  test(`the ${view} view over a dataset by URL paints from its first answers, then shows what the bundled data shows`, async ({ page, browser }) => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\.wasm$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`/?dataset=${DATASET}&view=${view}`);
    await expect(page.locator('.snapshot-note')).toHaveText(/データセット/);
    // Every part drawn from the first answers (the word view's analysis code loads a moment later).
    await expect(page.locator('main .status[role="status"]:not(.snapshot-note)')).toHaveCount(0);
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    const early = await content(page);
    expect(early.length).toBeGreaterThan(5);
    release();
    await expect(page.locator('body[data-db-ready="true"]')).toBeAttached({ timeout: 60_000 });
    await expect(page.locator('.dataset-notice progress')).toHaveCount(0, { timeout: 60_000 });
    await expect.poll(() => content(page)).toEqual(early);

    const bundled = await browser.newPage();
    await openApp(bundled, `/?view=${view}`);
    await expect.poll(() => content(bundled)).toEqual(early);
    await bundled.close();
  });
}

test('the dataset says where the data comes from, keeps its link across views, and refuses files on top', async ({ page }) => {
  await openDataset(page);
  const notice = page.locator('.dataset-notice');
  await expect(notice).toContainText('/datasets/e2e/');
  await expect(notice).toContainText('18 団体');
  await expect(notice).toContainText('2019–2025 (7 年度)');
  await page.getByRole('link', { name: '区×設問' }).click();
  await expect(page).toHaveURL(/dataset=/);
  await page.getByRole('link', { name: 'データの読み込み' }).click();
  await expect(page.locator('.dataset-read-only')).toBeVisible();
  await expect(page.locator('input[name="files"]')).toHaveCount(0);
  // The load report lists the files the dataset was built from, with their counts.
  await expect(page.locator('table.files tbody tr')).toHaveCount(6);
  await expect(page.locator('table.files')).toContainText('sample_ratings.csv');
  // Where the figures come from: the same files, named as the dataset's.
  const loaded = page.locator('table.loaded-files tbody tr');
  await expect(loaded).toHaveCount(6);
  await expect(loaded.filter({ hasText: 'sample_ratings.csv' })).toContainText('公開データセット');
});

test('a dataset on another site, or one that is not there, is refused with the reason and the way back', async ({ page }) => {
  await page.goto('/?dataset=https://example.com/national/');
  await expect(page.locator('.dataset-notice.error')).toContainText('このアプリが許可していないサイトのデータセットは開けません');
  await expect(page.locator('.dataset-notice.error')).toContainText('https://example.com/national/');
  await page.goto('/?dataset=./datasets/missing/');
  await expect(page.locator('.dataset-notice.error')).toContainText('データセットのファイルが見つかりません');
  await expect(page.locator('.dataset-notice.error')).toContainText('/datasets/missing/manifest.json');
  await page.getByRole('link', { name: '同梱データに戻る' }).click();
  await expect(page.locator('body[data-db-ready="true"]')).toBeAttached({ timeout: 60_000 });
  await expect(page.locator('.dataset-notice')).toHaveCount(0);
});
