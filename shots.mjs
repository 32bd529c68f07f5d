import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] });
const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
page.on('pageerror', (e) => console.log('pageerror', e.message));
for (const [name, q] of process.argv.slice(2).map((a) => a.split('='))) {
  await page.goto('http://localhost:4173/' + (q ? '?' + decodeURIComponent(q) : ''));
  await page.waitForSelector('body[data-db-ready]');
  await page.waitForTimeout(800);
  await page.screenshot({ path: `/tmp/v-${name}.png`, fullPage: true });
}
await browser.close();
