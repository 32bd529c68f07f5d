import { expect, type Page } from '@playwright/test';

/** Every view of the app, as `?view=` names them (src/lib/state/filters.svelte.ts, whose runes a test cannot import). */
export const VIEWS = ['distribution', 'map', 'heatmap', 'raters', 'benchmark', 'trends', 'themes', 'words', 'report', 'sql', 'data'] as const;

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

/** Files made in the page (too large to send from the test), by name: what `dropHeldFiles` drops. */
export type HeldFiles = { heldFiles: Record<string, File> };

/** Drops files made in the page (`window.heldFiles`, in this order) on the drop zone as a user's drag does, once the zone is shown. */
export async function dropHeldFiles(page: Page, names: string[]): Promise<void> {
  await expect(page.locator('.dropzone')).toBeVisible();
  await page.evaluate((names) => {
    const held = (window as unknown as HeldFiles).heldFiles;
    const transfer = new DataTransfer();
    for (const name of names) transfer.items.add(held[name]);
    document.querySelector('.dropzone')!.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, names);
}
