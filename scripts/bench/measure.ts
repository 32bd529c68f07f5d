import type { Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * The peak resident memory (VmHWM) of chromium's renderer processes, the tab and its workers
 * included: the bench drives the only chromium, and each measure opens one tab at a time.
 */
export function rendererPeakRssMb(): number {
  let peak = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
      peak = Math.max(peak, kb);
    } catch {
      // The process ended while being read.
    }
  }
  return Math.round(peak / 1024);
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] * 10) / 10;
}

/** Sets a select `changes` times (cycling through `values`), each time until the app marks every chart painted; p50/p95 in ms. */
export async function filterChangesToPaint(page: Page, select: string, values: string[], changes: number) {
  const times: number[] = [];
  for (let i = 0; i < changes; i++) {
    times.push(
      await page.evaluate(
        ([selector, value]) =>
          new Promise<number>((resolve) => {
            const started = performance.now();
            document.addEventListener('app:charts-painted', () => resolve(performance.now() - started), { once: true });
            const element = document.querySelector<HTMLSelectElement>(selector)!;
            element.value = value;
            element.dispatchEvent(new Event('change', { bubbles: true }));
          }),
        [select, values[i % values.length]] as const,
      ),
    );
  }
  return { changes: times.length, p50: percentile(times, 50), p95: percentile(times, 95) };
}
