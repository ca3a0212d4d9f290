import { loadConfig, type Config } from '../src/config';

export interface BenchSettings {
  databasePath: string;
  /** KFRELEASE_NOW: the frozen moment the app answers for; unset while seeding. */
  now?: string;
  signingSecret: string;
  slackApiUrl: string;
  /** A loopback fake: the bench never talks to the real GitHub. */
  githubApiUrl: string;
}

/** The environment our app's process starts with: real settings, a free loopback port, no logging. */
export function benchEnvironment(settings: BenchSettings): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: settings.signingSecret,
    SLACK_API_URL: settings.slackApiUrl,
    GITHUB_API_URL: settings.githubApiUrl,
    DATABASE_PATH: settings.databasePath,
    ...(settings.now ? { KFRELEASE_NOW: settings.now } : {}),
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    NODE_ENV: 'production',
  };
}

/** Nothing listens on port 9 of loopback: while seeding, no Slack or GitHub can be reached. */
const CLOSED_PORT = 'http://127.0.0.1:9';

/** The environment the bench database is seeded with (and built in-process from): no Slack, no GitHub. */
export function seedingEnvironment(databasePath: string, signingSecret: string): Record<string, string> {
  return benchEnvironment({
    databasePath,
    signingSecret,
    slackApiUrl: `${CLOSED_PORT}/api/`,
    githubApiUrl: CLOSED_PORT,
  });
}

/** The bare Bolt app's environment beside ours: the same token, signing secret and Slack. */
export function bareBoltEnvironment(ours: Record<string, string>): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: ours.SLACK_BOT_TOKEN ?? '',
    SLACK_SIGNING_SECRET: ours.SLACK_SIGNING_SECRET ?? '',
    SLACK_API_URL: ours.SLACK_API_URL ?? '',
  };
}

/** The app's own config parser over `env`; a bench that cannot configure the app stops at once. */
export function benchConfig(env: Record<string, string | undefined>): Config {
  const loaded = loadConfig(env);
  if (!loaded.ok) throw new Error(`bench settings refused by loadConfig:\n${loaded.problems.join('\n')}`);
  return { ...loaded.config, logLevel: 'silent' };
}
