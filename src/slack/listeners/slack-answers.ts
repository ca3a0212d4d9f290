import type { webApi } from '@slack/bolt';
import type { KnownBlock } from '@slack/types';
import { apologyFor, isUserError, newErrorId } from '../../errors';
import type { Logger } from '../../logger';
import { md, toPlainText, type Mrkdwn } from '../../text/mrkdwn';
import type { SlackAnswer } from '../blocks/block-kit';

/**
 * Slack's refusals to open or update a modal from a stale click or a form changed meanwhile: the
 * person only has to try again, so they hear that rather than an apology.
 */
const STALE_VIEW_ERRORS: Record<string, string> = {
  hash_conflict: 'The form changed while you were using it. Close it and open it again.',
  not_found: 'That form is no longer open. Open it again.',
  expired_trigger_id: 'Slack no longer lets kfrelease open a form for that click. Try again.',
  invalid_trigger_id: 'Slack no longer lets kfrelease open a form for that click. Try again.',
  exchanged_trigger_id: 'Slack no longer lets kfrelease open a form for that click. Try again.',
};

/** The error code of a Slack Web API call Slack refused, e.g. `hash_conflict`. */
function slackErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('data' in error)) return undefined;
  const code = (error.data as { error?: unknown } | undefined)?.error;
  return typeof code === 'string' ? code : undefined;
}

/** The sentence a person sees for an error: theirs to fix, or ours with an id that is also in the log. */
export function messageFor(error: unknown, logger: Logger, context: Record<string, unknown>): Mrkdwn {
  if (isUserError(error)) return error.hint ? md`${error.text} ${error.hint}` : error.text;
  const code = slackErrorCode(error);
  const stale =
    code !== undefined && Object.hasOwn(STALE_VIEW_ERRORS, code) ? STALE_VIEW_ERRORS[code] : undefined;
  if (stale) {
    logger.warn({ err: error, ...context }, 'slack refused a stale view');
    return md`${stale}`;
  }
  const errorId = newErrorId();
  logger.error({ err: error, errorId, ...context }, 'interaction failed');
  return md`${apologyFor(errorId)}`;
}

/**
 * The same sentence for a form field: Slack shows a field's error as plain text, so people are
 * named rather than mentioned.
 */
export function fieldErrorFor(
  error: unknown,
  services: { store: { team: { nameOfSlackId(id: string): string | null } } },
  logger: Logger,
  context: Record<string, unknown>,
): string {
  return toPlainText(messageFor(error, logger, context), { userName: services.store.team.nameOfSlackId });
}

/**
 * Shows one person a Block Kit answer (a decision they made, say) in a channel, visible only to
 * them, or by direct message outside one; failures are logged, not thrown. Refusals and errors go
 * through tellEphemeral, as plain text.
 */
export function showEphemeral(
  client: webApi.WebClient,
  logger: Logger,
  where: { channel?: string; user: string },
  answer: SlackAnswer,
): Promise<void> {
  return postToPerson(client, logger, where, { text: answer.text, blocks: answer.blocks });
}

/** Tells one person something in a channel, visible only to them; failures are logged, not thrown. */
export function tellEphemeral(
  client: webApi.WebClient,
  logger: Logger,
  where: { channel?: string; user: string },
  text: Mrkdwn,
): Promise<void> {
  return postToPerson(client, logger, where, { text: text.value });
}

async function postToPerson(
  client: webApi.WebClient,
  logger: Logger,
  where: { channel?: string; user: string },
  content: { text: string; blocks?: KnownBlock[] },
): Promise<void> {
  try {
    if (where.channel)
      await client.chat.postEphemeral({ channel: where.channel, user: where.user, ...content });
    else await client.chat.postMessage({ channel: where.user, ...content });
  } catch (error) {
    logger.error({ err: error, user: where.user }, 'could not tell the user');
  }
}
