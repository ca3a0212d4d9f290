import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { retryWhileBusy } from '../../../db/database-busy';
import { z } from 'zod';
import type { AppServices } from '../../../app-services';
import { decideRevision } from '../../../workflows/decide-revision';
import { revisionDecidedPost } from '../../blocks/revision-blocks';
import { fieldErrorFor } from '../slack-answers';

const metadataSchema = z.object({
  revisionId: z.number().int().positive(),
  channel: z.string().nullable(),
  ts: z.string().nullable(),
});

/** The reason for a denial was given: record the decision, tell the working group, update the message. */
export function denyRevisionSubmitted(services: AppServices) {
  return async ({
    ack,
    body,
    view,
    client,
  }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const logger = services.logger.child({ user: body.user.id, view: 'deny_revision' });
    const parsed = metadataSchema.safeParse(
      (() => {
        try {
          return JSON.parse(view.private_metadata || '{}');
        } catch {
          return {};
        }
      })(),
    );
    if (!parsed.success) {
      await ack({
        response_action: 'errors',
        errors: { reason: 'This form is out of date: close it and press Deny again.' },
      });
      return;
    }
    const reason = view.state.values.reason?.reason?.value ?? '';
    try {
      const { release, revision } = await retryWhileBusy(() =>
        decideRevision(services, {
          revisionId: parsed.data.revisionId,
          userId: body.user.id,
          decision: 'deny',
          reason,
        }),
      );
      await ack();
      services.deliverSoon();
      const { channel, ts } = parsed.data;
      if (channel && ts)
        await client.chat
          .update({ channel, ts, ...revisionDecidedPost(release.version, revision) })
          .catch((error: unknown) => logger.warn({ err: error }, 'could not update the held message'));
    } catch (error) {
      await ack({
        response_action: 'errors',
        errors: { reason: fieldErrorFor(error, services, logger, { revision: parsed.data.revisionId }) },
      });
    }
  };
}
