import { expect, test } from '@playwright/test';

test('after the first visit the app works with the network cut', async ({ page, context }) => {
  await page.goto('/');
  await expect(page.locator('body[data-db-ready="true"]')).toBeAttached({ timeout: 30_000 });
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    return registration.active?.state;
  });
  await context.setOffline(true);
  await page.goto('/?view=heatmap');
  await expect(page.locator('body[data-db-ready="true"]')).toBeAttached({ timeout: 30_000 });
  await expect(page.locator('.heatmap g.cell')).toHaveCount(18 * 16);
  await context.setOffline(false);
});
