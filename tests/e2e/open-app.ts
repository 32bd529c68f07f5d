import { expect, type Page } from '@playwright/test';

/** Opens a URL of the app and waits until its database is ready (never a fixed sleep). */
export async function openApp(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await expect(page.locator('body[data-db-ready="true"]')).toBeAttached({ timeout: 60_000 });
}

/** Reloads the page and waits for the database again. */
export async function reloadApp(page: Page): Promise<void> {
  await page.reload();
  await expect(page.locator('body[data-db-ready="true"]')).toBeAttached({ timeout: 60_000 });
}
