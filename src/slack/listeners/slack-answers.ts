import type { webApi } from '@slack/bolt';
import { apologyFor, isUserError, newErrorId } from '../../errors';
import type { Logger } from '../../logger';

/** The sentence a person sees for an error: theirs to fix, or ours with an id that is also in the log. */
export function messageFor(error: unknown, logger: Logger, context: Record<string, unknown>): string {
  if (isUserError(error)) return error.hint ? `${error.message} ${error.hint}` : error.message;
  const errorId = newErrorId();
  logger.error({ err: error, errorId, ...context }, 'interaction failed');
  return apologyFor(errorId);
}

/** Tells one person something in a channel, visible only to them; failures are logged, not thrown. */
export async function tellEphemeral(
  client: webApi.WebClient,
  logger: Logger,
  where: { channel?: string; user: string },
  text: string,
): Promise<void> {
  try {
    if (where.channel) await client.chat.postEphemeral({ channel: where.channel, user: where.user, text });
    else await client.chat.postMessage({ channel: where.user, text });
  } catch (error) {
    logger.error({ err: error, user: where.user }, 'could not tell the user');
  }
}
