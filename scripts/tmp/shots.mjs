import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] });
const views = process.argv[2].split(',');
const lang = process.argv[3] ?? 'ja';
const width = Number(process.argv[4] ?? 1280);
for (const v of views) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const errs = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errs.push(m.text()); });
  page.on('pageerror', (e) => errs.push(String(e)));
  await page.goto(`http://localhost:4180/?view=${v}${lang === 'en' ? '&lang=en' : ''}`);
  await page.waitForSelector('body[data-db-ready]', { timeout: 30000 });
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `/tmp/shot-${v}-${lang}-${width}.png`, fullPage: true });
  console.log(v, errs.join(' | '));
  await page.close();
}
await browser.close();
