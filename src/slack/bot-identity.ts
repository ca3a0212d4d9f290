import { webApi } from './bolt-parts';
import type { Logger } from '../logger';

export interface BotIdentity {
  botId: string;
  botUserId: string;
}

/** Slack errors that mean the token itself is wrong: starting would only fail every request. */
const BAD_TOKEN = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
]);

/**
 * Asks Slack who the bot is, once, at start. Bolt would otherwise do it in its constructor with a
 * promise nobody awaits, which crashes the process when Slack is unreachable at that moment. A bad
 * token stops the start with a clear message; an unreachable Slack does not: commands still work.
 */
export async function fetchBotIdentity(
  token: string,
  options: webApi.WebClientOptions,
  logger: Logger,
): Promise<BotIdentity> {
  const client = new webApi.WebClient(token, {
    ...options,
    retryConfig: { retries: 1, minTimeout: 200, maxTimeout: 1000 },
  });
  try {
    const result = await client.auth.test();
    return { botId: String(result.bot_id ?? ''), botUserId: String(result.user_id ?? '') };
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error;
    if (code && BAD_TOKEN.has(code)) {
      throw new Error(
        `Slack refused SLACK_BOT_TOKEN (${code}): copy the Bot User OAuth Token again from your app's OAuth & Permissions page.`,
      );
    }
    logger.warn({ err: error }, 'Slack did not answer auth.test; starting anyway');
    return { botId: 'B_UNKNOWN', botUserId: 'U_UNKNOWN' };
  }
}
