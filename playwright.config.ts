// End-to-end tests: `browser` drives the real renderer served by `sessions serve` (started
// in-process by each test) in the system Chromium; `electron` drives the packaged app.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH_OPTIONS } from './e2e/support/chromium';

export default defineConfig({
  // One at a time: each test runs a server, a search worker and Chromium, and the machines have
  // two cores; two tests at once were slower overall and starved the 50 MB session test.
  workers: 1,
  retries: 0,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  projects: [
    {
      name: 'browser',
      testDir: 'e2e/browser',
      use: { browserName: 'chromium', headless: true, launchOptions: CHROMIUM_LAUNCH_OPTIONS },
    },
    {
      name: 'electron',
      testDir: 'e2e/electron',
    },
  ],
});
