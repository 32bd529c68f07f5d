import { defineConfig } from '@playwright/test';

/** Debian's chromium (apt), never a downloaded browser; flags keep it quiet on a closed network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  // How long a check waits for the page to show what it expects (a liveness bound, not a speed
  // target): an answer after a click is ~0.5-1.7 s here beside another test's browser, and machines
  // differ 2-3x from one run to the next, so Playwright's 5 s default failed a correct page once.
  expect: { timeout: 15_000 },
  // Two browsers at once on a 2-core machine: 4 min instead of 5, stable over repeated runs.
  workers: 2,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: 'http://localhost:4173',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
    viewport: { width: 1200, height: 900 },
    locale: 'ja-JP',
  },
  webServer: {
    // The bundled data as a dataset too, for the dataset-by-URL tests (tests/e2e/dataset.spec.ts).
    command: 'npx tsx scripts/build-dataset.ts --out dist/datasets/e2e data && npx vite preview --port 4173 --strictPort',
    url: 'http://localhost:4173',
    reuseExistingServer: false,
    // Building the test dataset (~10 s here) comes before the server answers.
    timeout: 120_000,
  },
});
