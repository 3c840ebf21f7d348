import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'common/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 2,
    // Test files share their worker's loaded modules (the server, PGlite's WebAssembly) instead of loading
    // them again for every file: about a third of the suite's CPU time. Each file still gets its own
    // database and kernel (test/helpers.ts, closed after the file by test/setup.ts); no test mocks modules.
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/setup.ts'],
  },
});
