// @ts-check
/**
 * Mutation testing (`npm run mutate`): plants small bugs in the pure rooms and runs the unit tests against each,
 * to find what the suite lets through. Incremental: only mutants in changed code or covered by changed tests
 * run again (reports/stryker-incremental.json). Outside CI: a full run takes long on two cores.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.config.ts' },
  mutate: ['src/matching/**/*.ts', 'src/knowledge/**/*.ts'],
  coverageAnalysis: 'perTest',
  // Mutants in module-level constants run every test and took ~90% of a trial's time; the rest still cover the logic.
  ignoreStatic: true,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation.json' },
  concurrency: 2,
  timeoutMS: 30_000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
