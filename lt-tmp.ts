import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { CHROMIUM_ARGS } from './playwright.config.ts';
const server = spawn('npx', ['vite', 'preview', '--port', '4199', '--strictPort'], { stdio: 'ignore', detached: true });
await new Promise((r) => setTimeout(r, 2500));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  for (let i = 0; i < 3; i++) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.addInitScript(`window.lt = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.lt.push({ start: Math.round(e.startTime), ms: Math.round(e.duration), attr: JSON.stringify(e.attribution?.map(a => a.containerType + ':' + a.containerSrc + ':' + a.name)) }); }).observe({ type: 'longtask', buffered: true });
      window.loaf = []; try { new PerformanceObserver((l) => { for (const e of l.getEntries()) window.loaf.push({ start: Math.round(e.startTime), ms: Math.round(e.duration), scripts: e.scripts.map(s => ({ ms: Math.round(s.duration), inv: s.invoker, src: (s.sourceURL||'').split('/').pop(), fn: s.sourceFunctionName })) }); }).observe({ type: 'long-animation-frame', buffered: true }); } catch {}`);
    await page.goto('http://localhost:4199/');
    await page.waitForSelector('body[data-db-ready]', { timeout: 60000 });
    const ready = await page.evaluate(() => performance.getEntriesByName('app:db-ready')[0].startTime);
    console.log('db-ready', Math.round(ready), JSON.stringify(await page.evaluate(() => (window as any).lt)));
    console.log(JSON.stringify(await page.evaluate(() => (window as any).loaf.filter((f: any) => f.ms > 50)), null, 0).slice(0, 1500));
    await context.close();
  }
} finally { await browser.close(); try { process.kill(-server.pid!); } catch {} }
