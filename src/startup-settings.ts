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
