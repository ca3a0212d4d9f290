import { DateTime } from 'luxon';
import { z } from 'zod';
import { configDirFromSetting } from './config-files/config-dir';
import { DEFAULT_DATABASE_PATH } from './db/database-path-problem';

const SLACK_APP_SETTINGS = 'https://api.slack.com/apps (your app)';

/** Where the Slack values are shown: a token's start only, never the secret part. */
const tokenStart = (value: string) => `"${value.slice(0, 5)}…"`;

/** A setting read by `read`, or its problem naming the bad value and what a good one looks like. */
const setting = <T>(read: (value: string) => { ok: true; value: T } | { ok: false; problem: string }) =>
  z.string().transform((value, ctx) => {
    const result = read(value);
    if (result.ok) return result.value;
    ctx.addIssue({ code: 'custom', message: result.problem });
    return z.NEVER;
  });

const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;

const slackUserIds = setting((raw) => {
  const ids = raw
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  const bad = ids.filter((id) => !SLACK_USER_ID.test(id));
  if (bad.length === 0) return { ok: true, value: ids };
  const named = bad.map((id) => `"${id}"`).join(', ');
  return {
    ok: false,
    problem: `${named} ${bad.length === 1 ? 'is not a Slack user ID' : 'are not Slack user IDs'}: give member IDs separated by commas, e.g. U012ABCDEF,U034GHIJKL (in Slack, a profile's ⋮ menu, "Copy member ID")`,
  };
});

const httpUrl = (example: string) =>
  setting((value) =>
    /^https?:\/\/[^\s]+$/.test(value)
      ? { ok: true, value }
      : { ok: false, problem: `"${value}" is not an http(s) URL, e.g. ${example}` },
  );

const prefixed = (prefix: string, what: string) =>
  setting((value) =>
    value.startsWith(prefix)
      ? { ok: true, value }
      : {
          ok: false,
          problem: `starts with ${tokenStart(value)}, but must be ${what} starting with ${prefix}`,
        },
  );

const port = setting((value) => {
  const n = Number(value);
  return /^\d+$/.test(value.trim()) && n <= 65535
    ? { ok: true, value: n }
    : {
        ok: false,
        problem: `"${value}" is not a port: give a whole number from 0 to 65535 (0 picks a free one)`,
      };
});

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const logLevel = setting((value) =>
  LOG_LEVELS.includes(value)
    ? { ok: true, value }
    : { ok: false, problem: `"${value}" is not a log level: use one of ${LOG_LEVELS.join(', ')}` },
);

/** The environments kfrelease knows; anything else is most likely a typo for one of them. */
const NODE_ENVS = ['development', 'test', 'production'];
const nodeEnv = setting((value) =>
  NODE_ENVS.includes(value)
    ? { ok: true, value }
    : {
        ok: false,
        problem: `"${value}" is not allowed: use development, test or production (production runs for a Slack workspace and needs its credentials; development and test start the sandbox when there are none)`,
      },
);

const isoTimestamp = setting((value) =>
  DateTime.fromISO(value).isValid
    ? { ok: true, value }
    : { ok: false, problem: `"${value}" is not an ISO timestamp: write it like 2026-03-02T09:00:00Z` },
);

const envSchema = z.object({
  SLACK_BOT_TOKEN: prefixed(
    'xoxb-',
    `the Bot User OAuth Token (OAuth & Permissions page of ${SLACK_APP_SETTINGS})`,
  ).optional(),
  SLACK_SIGNING_SECRET: setting((value) =>
    /^[0-9a-f]{16,}$/i.test(value)
      ? { ok: true, value }
      : {
          ok: false,
          problem: `the value given (${value.length} characters) is not a Signing Secret, which is hexadecimal digits (Basic Information page of ${SLACK_APP_SETTINGS})`,
        },
  ).optional(),
  SLACK_APP_TOKEN: prefixed(
    'xapp-',
    'an app-level token (Basic Information page, App-Level Tokens)',
  ).optional(),
  SLACK_API_URL: httpUrl('https://slack.com/api/').default('https://slack.com/api/'),
  GITHUB_TOKEN: z.string().min(1).optional(),
  GITHUB_API_URL: httpUrl('https://api.github.com').default('https://api.github.com'),
  DATABASE_PATH: z.string().min(1).default(DEFAULT_DATABASE_PATH),
  PORT: port.default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  LOG_LEVEL: logLevel.default('info'),
  KFRELEASE_ADMINS: slackUserIds.default([]),
  KFRELEASE_NOW: isoTimestamp.optional(),
  NODE_ENV: nodeEnv.default('development'),
  KFRELEASE_CONFIG_DIR: z.string().optional(),
});

/** Everything kfrelease reads from the environment, parsed once at start. */
export interface Config {
  slack: { botToken?: string; signingSecret?: string; appToken?: string; apiUrl: string };
  github: { token?: string; apiUrl: string };
  databasePath: string;
  port: number;
  host: string;
  logLevel: string;
  admins: string[];
  now?: string;
  nodeEnv: string;
  /** The folder of the release team's YAML files (KFRELEASE_CONFIG_DIR), absolute; default the shipped config/. */
  configDir: string;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/** Parses the environment; every problem is reported at once, each with how to fix it. */
export function loadConfig(env: Record<string, string | undefined>): ConfigResult {
  const blanksRemoved = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(blanksRemoved);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    return { ok: false, problems };
  }
  const e = parsed.data;
  return {
    ok: true,
    config: {
      slack: {
        botToken: e.SLACK_BOT_TOKEN,
        signingSecret: e.SLACK_SIGNING_SECRET,
        appToken: e.SLACK_APP_TOKEN,
        apiUrl: e.SLACK_API_URL.endsWith('/') ? e.SLACK_API_URL : `${e.SLACK_API_URL}/`,
      },
      github: { token: e.GITHUB_TOKEN, apiUrl: e.GITHUB_API_URL.replace(/\/+$/, '') },
      databasePath: e.DATABASE_PATH,
      port: e.PORT,
      host: e.HOST,
      logLevel: e.LOG_LEVEL,
      admins: e.KFRELEASE_ADMINS,
      now: e.KFRELEASE_NOW,
      nodeEnv: e.NODE_ENV,
      configDir: configDirFromSetting(e.KFRELEASE_CONFIG_DIR),
    },
  };
}

/** What the Slack app still needs before it can start, each with where to find it. */
export function missingSlackSettings(config: Config): string[] {
  const missing: string[] = [];
  if (!config.slack.botToken) {
    missing.push(
      `SLACK_BOT_TOKEN: the Bot User OAuth Token (xoxb-...), on the OAuth & Permissions page of ${SLACK_APP_SETTINGS} after installing the app to your workspace`,
    );
  }
  if (!config.slack.appToken && !config.slack.signingSecret) {
    missing.push(
      `SLACK_SIGNING_SECRET: the Signing Secret, on the Basic Information page of ${SLACK_APP_SETTINGS} (or set SLACK_APP_TOKEN, an xapp- token with connections:write, to use Socket Mode instead)`,
    );
  }
  return missing;
}
