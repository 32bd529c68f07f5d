import { expect, test, type Page } from '@playwright/test';
import { openApp, VIEWS } from './open-app.ts';

/** Attributes of the page's charts that hold NaN, as `tag attribute="value"`. */
const nanAttributes = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('svg, svg *')].flatMap((element) =>
      [...element.attributes].filter((attribute) => attribute.value.includes('NaN')).map((attribute) => `${element.tagName} ${attribute.name}="${attribute.value}"`),
    ),
  );

/** After the box observers' callbacks and the task the charts are drawn in. */
const settled = (page: Page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 50)))));

for (const view of VIEWS) {
  // A full-page screenshot, a window dragged to nothing, a side panel closed: the page's width is 1 px
  // for a moment. The report's trajectory is as wide as its box and was drawn at 0 / 0.
  test(`the ${view} view logs no error and draws no NaN when the window is collapsed for a moment`, async ({ page }) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await openApp(page, `/?view=${view}`);
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    const svgs = await page.locator('main svg').count();
    await page.setViewportSize({ width: 1, height: 900 });
    await settled(page);
    expect(await nanAttributes(page)).toEqual([]);
    await page.setViewportSize({ width: 1200, height: 900 });
    await settled(page);
    expect(await nanAttributes(page)).toEqual([]);
    await expect(page.locator('main svg')).toHaveCount(svgs);
    expect(errors).toEqual([]);
  });
}
