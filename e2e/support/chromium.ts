// How Playwright starts Chromium here: the system build (Playwright's own cannot be downloaded),
// headless, with everything that would reach the network on its own turned off.
import type { LaunchOptions } from '@playwright/test';

/** The Chromium executable; CHROMIUM_PATH overrides the Debian package's. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launch options shared by the browser e2e tests and the UI benchmark. */
export const CHROMIUM_LAUNCH_OPTIONS: LaunchOptions = {
  executablePath: CHROMIUM_PATH,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
  ],
};
