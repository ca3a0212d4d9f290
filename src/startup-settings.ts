import { loadConfig, missingSlackSettings, type Config } from './config';

/** The settings the bot starts with, or the message that tells the operator what to fix. */
export function startupSettings(
  env: Record<string, string | undefined>,
): { ok: true; config: Config } | { ok: false; message: string } {
  const loaded = loadConfig(env);
  if (!loaded.ok) {
    return {
      ok: false,
      message: `kfrelease cannot start: fix these settings and start again.\n${loaded.problems.map((p) => `  - ${p}`).join('\n')}`,
    };
  }
  const missing = missingSlackSettings(loaded.config);
  if (missing.length > 0) {
    return {
      ok: false,
      message: `kfrelease needs Slack credentials to start. Set these environment variables (README.md, "Set it up for a Slack workspace", says how):\n${missing.map((m) => `  - ${m}`).join('\n')}`,
    };
  }
  return { ok: true, config: loaded.config };
}

/** Where the sandbox keeps its data unless DATABASE_PATH says otherwise. */
export const SANDBOX_DATABASE_PATH = './data/sandbox.db';

/** How kfrelease starts: for a Slack workspace, as a sandbox, or not at all (and why). */
export type StartupMode =
  { kind: 'slack'; config: Config } | { kind: 'sandbox'; config: Config } | { kind: 'stop'; message: string };

/**
 * With no Slack credentials at all outside production, kfrelease starts as a sandbox: a Slack and
 * a GitHub stand-in on loopback and a web console, its own database, listening on loopback only
 * unless HOST is set. In production, or with some credentials but not all, it stops and says
 * what is missing.
 */
export function startupMode(env: Record<string, string | undefined>): StartupMode {
  const loaded = loadConfig(env);
  const given = (name: string) => (env[name] ?? '') !== '';
  const noSlack = !given('SLACK_BOT_TOKEN') && !given('SLACK_SIGNING_SECRET') && !given('SLACK_APP_TOKEN');
  if (loaded.ok && noSlack && loaded.config.nodeEnv !== 'production') {
    return {
      kind: 'sandbox',
      config: {
        ...loaded.config,
        databasePath: given('DATABASE_PATH') ? loaded.config.databasePath : SANDBOX_DATABASE_PATH,
        host: given('HOST') ? loaded.config.host : '127.0.0.1',
      },
    };
  }
  const settings = startupSettings(env);
  if (settings.ok) return { kind: 'slack', config: settings.config };
  const production = loaded.ok && loaded.config.nodeEnv === 'production' && noSlack;
  return {
    kind: 'stop',
    message: production
      ? `${settings.message}\n(Without NODE_ENV=production and without any Slack credentials, kfrelease starts a sandbox to try it out instead.)`
      : settings.message,
  };
}
