import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { storedIdSchema } from '../../../text/numbers';
import { retryWhileBusy } from '../../../db/database-busy';
import type { AppServices } from '../../../app-services';
import { UserError } from '../../../errors';
import { decideRevision, heldRevisionFor } from '../../../workflows/decide-revision';
import { revisionDecidedPost } from '../../blocks/revision-blocks';
import { denyRevisionView } from '../../blocks/submit-revision-view';
import { messageFor, showEphemeral, tellEphemeral } from '../slack-answers';
import { bold, code, md } from '../../../text/mrkdwn';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

function revisionIdOf(action: ActionArgs['action']): number {
  const id = action.type === 'button' && /^\d{1,9}$/.test(action.value ?? '') ? Number(action.value) : NaN;
  if (!storedIdSchema.safeParse(id).success)
    throw new UserError('bad_argument', md`That button no longer points at a revision.`);
  return id;
}

/** Where the clicked message is, so it can be updated with the decision. */
function messageOf(body: BlockAction): { channel: string | null; ts: string | null } {
  return {
    channel: body.container?.channel_id ?? body.channel?.id ?? null,
    ts: body.container?.message_ts ?? body.message?.ts ?? null,
  };
}

/** "Approve" on a held revision: the release manager grants the exception. */
export function approveRevision(services: AppServices) {
  return async ({ ack, body, action, client }: ActionArgs): Promise<void> => {
    await ack();
    const logger = services.logger.child({ user: body.user.id, action: 'revision_approve' });
    const where = messageOf(body);
    try {
      const { release, revision } = await retryWhileBusy(() =>
        decideRevision(services, {
          revisionId: revisionIdOf(action),
          userId: body.user.id,
          decision: 'approve',
        }),
      );
      services.deliverSoon();
      // The approval is saved and announced in the channel. The held message shows it; when that
      // message cannot be updated (deleted, ephemeral, too old) the release manager sees the
      // decision on its own instead, not an apology saying nothing changed.
      const post = revisionDecidedPost(release.version, revision);
      const { channel, ts } = where;
      const updated =
        channel && ts
          ? await client.chat.update({ channel, ts, ...post }).then(
              () => true,
              (error: unknown) => (logger.warn({ err: error }, 'could not update the held message'), false),
            )
          : false;
      if (!updated)
        await showEphemeral(client, logger, { channel: channel ?? undefined, user: body.user.id }, post);
    } catch (error) {
      await tellEphemeral(
        client,
        logger,
        { channel: where.channel ?? undefined, user: body.user.id },
        messageFor(error, logger, {}),
      );
    }
  };
}

/** "Deny…" on a held revision: asks the release manager for the reason first. */
export function denyRevision(services: AppServices) {
  return async ({ ack, body, action, client }: ActionArgs): Promise<void> => {
    await ack();
    const logger = services.logger.child({ user: body.user.id, action: 'revision_deny' });
    const where = messageOf(body);
    try {
      const revisionId = revisionIdOf(action);
      const { row, release } = heldRevisionFor(services, {
        revisionId,
        userId: body.user.id,
        decision: 'deny',
      });
      const summary = md`Deny ${bold(row.wg)} revision ${code(row.revision)} of ${row.repo} for Kubeflow ${release.version}?`;
      await client.views.open({
        trigger_id: body.trigger_id,
        view: denyRevisionView({ revisionId, ...where }, summary),
      });
    } catch (error) {
      await tellEphemeral(
        client,
        logger,
        { channel: where.channel ?? undefined, user: body.user.id },
        messageFor(error, logger, {}),
      );
    }
  };
}
