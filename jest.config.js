/** Jest runs the TypeScript sources through ts-jest; the ESM-only Octokit packages are transformed too. */
const { availableParallelism } = require('node:os');

module.exports = {
  // The tests mostly wait on loopback HTTP, child processes and Chromium: two workers even on two
  // cores (Jest's default there is one), which takes CI's run from about 8 to about 5 minutes.
  maxWorkers: Math.max(2, availableParallelism() - 1),
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // A fake Slack or GitHub that gets a call the test did not declare fails that test.
  setupFilesAfterEnv: ['<rootDir>/test/helpers/fail-on-unexpected-calls.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
    '^.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', isolatedModules: true } }],
  },
  transformIgnorePatterns: [
    '/node_modules/(?!(@octokit|universal-user-agent|before-after-hook|universal-github-app-jwt|content-type)/)',
  ],
  testTimeout: 20000,
};
