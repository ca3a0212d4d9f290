import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** What the pure domain may not import: every adapter, the file system, the outside world. */
const ADAPTERS = [
  '**/db/**',
  '**/github/**',
  '**/slack/**',
  '**/jobs/**',
  '**/outbox/**',
  '**/cli/**',
  '**/http/**',
  '**/sandbox/**',
  '**/public-schedule/**',
  '**/workflows/**',
  '**/app',
  '**/app-services',
];
const OUTSIDE = [
  'node:fs',
  'fs',
  'node:fs/promises',
  'better-sqlite3',
  'node-cron',
  '@slack/*',
  '@octokit/*',
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // Mrkdwn is made only by src/text; Block Kit mrkdwn objects only by the builders.
    files: ['src/**/*.ts'],
    ignores: ['src/text/**', 'src/slack/blocks/block-kit.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='Mrkdwn'][property.name='mint']",
          message:
            'Make mrkdwn with md`…` and the helpers of src/text/mrkdwn.ts, which escape what they are given.',
        },
        {
          selector: "Property[key.name='type'][value.value='mrkdwn']",
          message:
            'Build mrkdwn text objects with section(), context(), fields() or mrkdwn() from block-kit.ts.',
        },
      ],
    },
  },
  {
    // Workflows say what happened; only src/slack decides how it reads in Slack.
    files: ['src/workflows/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/slack/**', '@slack/*'],
              message: 'Workflows return facts (notices); src/slack renders them.',
            },
          ],
        },
      ],
    },
  },
  {
    // Help, routing and the command reference load every subcommand's definitions at start; what
    // a subcommand does is loaded the first time it runs (lazy-subcommands.ts). So a definitions
    // file imports no workflow, block, schema library or handler: only types and usage lines.
    files: ['src/slack/commands/*-subcommands.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/workflows/**',
                '!**/workflows/command-usages',
                '**/domain/**',
                '**/db/**',
                '**/github/**',
                '**/blocks/**',
                './*-handlers',
                './subcommand',
                'zod',
                'luxon',
              ],
              allowTypeImports: true,
              message:
                'Subcommand definitions load at start: put what the command does in its *-subcommand-handlers.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    // The domain is pure: no adapter, no file system, no clock but the one passed in.
    files: ['src/domain/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: OUTSIDE.filter((p) => !p.includes('*')).map((name) => ({
            name,
            message: 'The domain is pure: read files and talk to services in an adapter.',
          })),
          patterns: [
            { group: ADAPTERS, message: 'The domain imports no adapter and no workflow.' },
            {
              group: OUTSIDE.filter((p) => p.includes('*')),
              message: 'The domain imports no client library.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        __dirname: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
