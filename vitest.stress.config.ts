// The stress suite (npm run test:stress): real processes racing, killed mid-write, and fuzzed input.
// One file at a time, in forked processes (the fuzz changes its working directory), so that the
// timings measured inside each test are not skewed by another stress test on a 2-core machine.
import { defineConfig } from 'vitest/config';
export default defineConfig({
  test: {
    include: ['tests/stress/**/*.test.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 240000,
    hookTimeout: 120000,
    reporters: ['default', ['json', { outputFile: '.test-results/stress.json' }]],
  },
});
