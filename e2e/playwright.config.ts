import { defineConfig } from '@playwright/test';

// Debian's Chromium, never a downloaded browser. The flags keep it off the (closed) network.
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  globalSetup: './global-setup.ts',
  outputDir: './artifacts',
  // Budgets for a stuck test, never waits: each step waits for the state it reads and goes on as
  // soon as it is there, so a generous budget costs nothing when all is well. On the shared 2-core
  // machine a journey (a dozen round trips, PDF renders, mails through the job queue) took several
  // times its idle time at a load average of 11, so no spec sets a figure of its own: one budget
  // per test (10 min) and one per state waited for (`expect`, `expect.poll`, `toPass`: 1 min).
  timeout: 600_000,
  expect: { timeout: 60_000, toPass: { timeout: 60_000 } },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
