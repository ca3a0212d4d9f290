import path from 'node:path';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { SHIPPED_CONFIG_DIR } from './config-files/config-dir';

const SLACK_APP_SETTINGS = 'https://api.slack.com/apps (your app)';

const slackUserIds = z
  .string()
  .default('')
  .transform((raw) =>
    raw
      .split(',')
      .map((id) => id.trim())
      .filter((id) => id !== ''),
  )
  .refine((ids) => ids.every((id) => /^[UW][A-Z0-9]{2,}$/.test(id)), {
    message: 'must be Slack user IDs separated by commas, e.g. U012ABCDEF,U034GHIJKL',
  });

const optionalUrl = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .refine((value) => /^https?:\/\/[^\s]+$/.test(value), { message: 'must be an http(s) URL' });

const envSchema = z.object({
  SLACK_BOT_TOKEN: z
    .string()
    .regex(
      /^xoxb-/,
      `must be a bot token starting with xoxb- (OAuth & Permissions page of ${SLACK_APP_SETTINGS})`,
    )
    .optional(),
  SLACK_SIGNING_SECRET: z
    .string()
    .regex(/^[0-9a-f]{16,}$/i, `must be the Signing Secret (Basic Information page of ${SLACK_APP_SETTINGS})`)
    .optional(),
  SLACK_APP_TOKEN: z
    .string()
    .regex(
      /^xapp-/,
      `must be an app-level token starting with xapp- (Basic Information page, App-Level Tokens)`,
    )
    .optional(),
  SLACK_API_URL: optionalUrl('https://slack.com/api/'),
  GITHUB_TOKEN: z.string().min(1).optional(),
  GITHUB_API_URL: optionalUrl('https://api.github.com'),
  DATABASE_PATH: z.string().min(1).default('./data/kfrelease.db'),
  PORT: z.coerce
    .number({ message: 'must be a number' })
    .int()
    .min(0, 'must be between 0 and 65535')
    .max(65535, 'must be between 0 and 65535')
    .default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  KFRELEASE_ADMINS: slackUserIds,
  KFRELEASE_NOW: z
    .string()
    .refine((value) => DateTime.fromISO(value).isValid, {
      message: 'must be an ISO timestamp, e.g. 2026-03-02T09:00:00Z',
    })
    .optional(),
  NODE_ENV: z.string().default('development'),
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
      configDir: e.KFRELEASE_CONFIG_DIR ? path.resolve(e.KFRELEASE_CONFIG_DIR) : SHIPPED_CONFIG_DIR,
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
