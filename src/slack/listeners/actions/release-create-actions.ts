import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import type { AppServices } from '../../../app-services';
import { retryWhileBusy } from '../../../db/database-busy';
import { UserError } from '../../../errors';
import type { Logger } from '../../../logger';
import { md } from '../../../text/mrkdwn';
import { createRelease, type CreateReleaseRequest } from '../../../workflows/create-release';
import type { SlackAnswer } from '../../blocks/block-kit';
import {
  alreadyCreatedBlocks,
  CANCEL_CREATE_RELEASE,
  createCancelledBlocks,
  CREATE_RELEASE_ANYWAY,
} from '../../blocks/confirm-create-blocks';
import { releaseCreatedBlocks } from '../../blocks/release-created-blocks';
import type { SlackRouter } from '../slack-router';
import { messageFor, showEphemeral, tellEphemeral } from '../slack-answers';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

const requestSchema = z.object({
  version: z.string().min(1).max(40),
  startDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  template: z.string().min(1).max(60),
  timeZone: z.string().min(1).max(60),
});

function valueOf(body: BlockAction): string {
  const action = body.actions[0];
  return action && 'value' in action && typeof action.value === 'string' ? action.value : '';
}

/** The release create the button carries; anything else is a message kfrelease no longer reads. */
function requestOf(body: BlockAction): CreateReleaseRequest {
  try {
    return requestSchema.parse(JSON.parse(valueOf(body)));
  } catch {
    throw new UserError('conflict', md`This button is out of date: run \`/kfrelease release create\` again.`);
  }
}

/** Replaces the question (an ephemeral message: only its response_url can) with the answer. */
async function replaceQuestion(args: ActionArgs, logger: Logger, shown: SlackAnswer): Promise<void> {
  const replaced = await args
    .respond({ replace_original: true, text: shown.text, blocks: shown.blocks })
    .then(
      () => true,
      (error: unknown) => (logger.warn({ err: error }, 'could not replace the question'), false),
    );
  if (!replaced) {
    const where = { channel: args.body.channel?.id, user: args.body.user.id };
    await showEphemeral(args.client, logger, where, shown);
  }
}

/**
 * *Create anyway*: the person who asked confirms a release with dates in the past. Who may create
 * a release is checked again now; a second press finds it created and changes nothing.
 */
function createAnyway(services: AppServices) {
  return async (args: ActionArgs): Promise<void> => {
    const { ack, body, client } = args;
    await ack();
    const logger = services.logger.child({ user: body.user.id, action: CREATE_RELEASE_ANYWAY });
    try {
      const request = requestOf(body);
      const shown = await retryWhileBusy(() => {
        const existing = services.store.releases.findByVersion(request.version);
        const same =
          existing?.startDate === request.startDate &&
          existing.template === request.template &&
          existing.timeZone === request.timeZone;
        if (existing && same && services.admins.includes(body.user.id))
          return alreadyCreatedBlocks(existing.version, existing.startDate);
        return releaseCreatedBlocks(
          createRelease(services, {
            ...request,
            channel: body.channel?.id ?? null,
            actor: { kind: 'slack', userId: body.user.id },
            confirmedPastDates: true,
          }),
        );
      });
      services.deliverSoon();
      await replaceQuestion(args, logger, shown);
    } catch (error) {
      const where = { channel: body.channel?.id, user: body.user.id };
      await tellEphemeral(client, logger, where, messageFor(error, logger, { value: valueOf(body) }));
    }
  };
}

/** *Cancel*: nothing is created, and the question goes away. */
function cancelCreate(services: AppServices) {
  return async (args: ActionArgs): Promise<void> => {
    await args.ack();
    const logger = services.logger.child({ user: args.body.user.id, action: CANCEL_CREATE_RELEASE });
    await replaceQuestion(args, logger, createCancelledBlocks(valueOf(args.body).slice(0, 40)));
  };
}

export function registerReleaseCreateActions(router: SlackRouter, services: AppServices): void {
  router.action(CREATE_RELEASE_ANYWAY, createAnyway(services));
  router.action(CANCEL_CREATE_RELEASE, cancelCreate(services));
}
