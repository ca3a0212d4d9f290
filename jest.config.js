/** Jest runs the TypeScript sources through ts-jest; the ESM-only Octokit packages are transformed too. */
module.exports = {
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
