import { defineConfig } from '@playwright/test';

/** Browser tests drive Debian's Chromium (a test tool's own browser download does not work here). */
export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? 'list' : [['list']],
  use: {
    baseURL: 'http://localhost:3210',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-dev-shm-usage',
      ],
    },
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: 'node_modules/.bin/node scripts/ensure-build.ts && node_modules/.bin/node scripts/e2e-server.ts',
    url: 'http://localhost:3210/readyz',
    timeout: 120_000,
    reuseExistingServer: false,
  },
});
