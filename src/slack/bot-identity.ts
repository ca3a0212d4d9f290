import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import type { Logger } from '../logger';
import { callSlackJson, SlackRefusal } from './slack-json-call';

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

/** The fields of auth.test's answer the app needs. */
const authTestAnswer = z.object({ bot_id: z.string().optional(), user_id: z.string().optional() });

/** How long a start waits before asking once more when Slack did not answer. */
const RETRY_AFTER_MS = 200;
const TIMEOUT_MS = 10_000;

/**
 * Asks Slack who the bot is, once (again once after a failure that was not a refusal), at start.
 * Bolt would otherwise do it in its constructor with a promise nobody awaits, which crashes the
 * process when Slack is unreachable at that moment. A bad token stops the start with a clear
 * message; an unreachable Slack does not: commands still work.
 */
export async function fetchBotIdentity(
  target: { apiUrl: string; token: string },
  logger: Logger,
): Promise<BotIdentity> {
  const ask = () => callSlackJson(target, 'auth.test', {}, TIMEOUT_MS);
  try {
    const answer = authTestAnswer.parse(
      await ask().catch(async (error: unknown) => {
        if (error instanceof SlackRefusal) throw error;
        await sleep(RETRY_AFTER_MS);
        return ask();
      }),
    );
    return { botId: answer.bot_id ?? '', botUserId: answer.user_id ?? '' };
  } catch (error) {
    if (error instanceof SlackRefusal && BAD_TOKEN.has(error.code)) {
      throw new Error(
        `Slack refused SLACK_BOT_TOKEN (${error.code}): copy the Bot User OAuth Token again from your app's OAuth & Permissions page.`,
      );
    }
    logger.warn({ err: error }, 'Slack did not answer auth.test; starting anyway');
    return { botId: 'B_UNKNOWN', botUserId: 'U_UNKNOWN' };
  }
}
