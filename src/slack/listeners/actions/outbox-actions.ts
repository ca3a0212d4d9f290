import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { AppServices } from '../../../app-services';
import { retryWhileBusy } from '../../../db/database-busy';
import { UserError } from '../../../errors';
import { excerptOf } from '../../../outbox/failure-report';
import type { OutboxRow } from '../../../outbox/outbox-repository';
import { md } from '../../../text/mrkdwn';
import { retryFailedPost } from '../../../workflows/outbox-retry';
import { postRetriedBlocks, RETRY_FAILED_POST } from '../../blocks/outbox-blocks';
import { renderOutbox } from '../../notices/render-notice';
import type { SlackRouter } from '../slack-router';
import { messageFor, showEphemeral, tellEphemeral } from '../slack-answers';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

function keyOf(action: ActionArgs['action']): string {
  const value = action.type === 'button' ? (action.value ?? '') : '';
  if (value === '' || value.length > 2000)
    throw new UserError('bad_argument', md`That button no longer points at an outbox entry.`);
  return value;
}

/** The start of the retried message, to quote it; a message that cannot be rendered quotes nothing. */
function excerptFor(row: OutboxRow): string {
  try {
    return excerptOf(renderOutbox(row.content).text);
  } catch {
    return '';
  }
}

/** Where the clicked message is, so it can be updated once retried. */
function messageOf(body: BlockAction): { channel: string | null; ts: string | null } {
  return {
    channel: body.container?.channel_id ?? body.channel?.id ?? null,
    ts: body.container?.message_ts ?? body.message?.ts ?? null,
  };
}

/**
 * *Retry* on the message that reports a post kfrelease gave up on: the release manager sends it
 * again. The message then says who retried it instead of showing the button; a second press (on
 * another release manager's copy) hears it was already retried.
 */
export function retryFailedPostButton(services: AppServices) {
  return async ({ ack, body, action, client }: ActionArgs): Promise<void> => {
    await ack();
    const logger = services.logger.child({ user: body.user.id, action: RETRY_FAILED_POST });
    const { channel, ts } = messageOf(body);
    try {
      const key = keyOf(action);
      const actor = { kind: 'slack' as const, userId: body.user.id };
      const { retried } = await retryWhileBusy(() => retryFailedPost(services, { key, actor }));
      services.deliverSoon();
      const [row] = retried;
      if (!row) return;
      const at = row.retriedAt ?? services.clock.now().toUTC().toISO() ?? '';
      const post = postRetriedBlocks({ ...row, excerpt: excerptFor(row), by: body.user.id, at });
      const updated =
        channel && ts
          ? await client.chat.update({ channel, ts, ...post }).then(
              () => true,
              (error: unknown) => (
                logger.warn({ err: error }, 'could not update the failure message'),
                false
              ),
            )
          : false;
      if (!updated)
        await showEphemeral(client, logger, { channel: channel ?? undefined, user: body.user.id }, post);
    } catch (error) {
      const where = { channel: channel ?? undefined, user: body.user.id };
      await tellEphemeral(client, logger, where, messageFor(error, logger, {}));
    }
  };
}

export function registerOutboxActions(router: SlackRouter, services: AppServices): void {
  router.action(RETRY_FAILED_POST, retryFailedPostButton(services));
}
