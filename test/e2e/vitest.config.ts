import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: false,
    // The app's answers wait on a shared, sometimes overloaded machine: a poll gives up only after 15 s, not vitest's 1 s.
    expect: { poll: { timeout: 15_000 } },
  },
});
