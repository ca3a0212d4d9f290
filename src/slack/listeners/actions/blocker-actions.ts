import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { storedIdSchema } from '../../../text/numbers';
import type { SlackRouter } from '../slack-router';
import type { AppServices } from '../../../app-services';
import { UserError } from '../../../errors';
import { prepareBlockerForm } from '../../../workflows/submit-blockers';
import { assertMayTriage, findBlocker } from '../../../workflows/triage-blocker';
import { OPEN_BLOCKER_FORM, TRIAGE_BLOCKER } from '../../blocks/blocker-blocks';
import { blockerFormView, triageBlockerView } from '../../blocks/blocker-form-view';
import { messageFor, tellEphemeral } from '../slack-answers';
import { buttonRelease } from './button-release';
import { md } from '../../../text/mrkdwn';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/** "Report blocking issues" (the blockers list): opens the report form. */
function openBlockerForm(services: AppServices) {
  return async ({ ack, body, client }: ActionArgs): Promise<void> => {
    await ack();
    const logger = services.logger.child({ user: body.user.id, action: OPEN_BLOCKER_FORM });
    try {
      const form = prepareBlockerForm(services, {
        userId: body.user.id,
        version: buttonRelease(services, body),
      });
      await client.views.open({
        trigger_id: body.trigger_id,
        view: blockerFormView({ ...form, release: form.release.version, attempt: 0 }),
      });
    } catch (error) {
      const where = { channel: body.channel?.id, user: body.user.id };
      await tellEphemeral(client, logger, where, messageFor(error, logger, {}));
    }
  };
}

/** "Triage…" on a tracked issue: the release manager or a WG liaison gets the decision form. */
function openTriage(services: AppServices) {
  return async ({ ack, body, action, client }: ActionArgs): Promise<void> => {
    await ack();
    const logger = services.logger.child({ user: body.user.id, action: TRIAGE_BLOCKER });
    const channel = body.container?.channel_id ?? body.channel?.id ?? null;
    try {
      const id =
        action.type === 'button' && /^\d{1,9}$/.test(action.value ?? '') ? Number(action.value) : NaN;
      if (!storedIdSchema.safeParse(id).success)
        throw new UserError('bad_argument', md`That button no longer points at an issue.`);
      const { release, blocker } = findBlocker(services, { id });
      // Whoever may take the mildest decision may open the form; each decision is checked again on submit.
      assertMayTriage(services, release, blocker, body.user.id, 'at_risk', 'triage a blocking issue');
      if (blocker.state !== 'open')
        throw new UserError(
          'conflict',
          md`It is ${blocker.state} on GitHub: there is nothing left to triage.`,
        );
      await client.views.open({
        trigger_id: body.trigger_id,
        view: triageBlockerView({ blockerId: id, channel }, release.version, blocker),
      });
    } catch (error) {
      await tellEphemeral(
        client,
        logger,
        { channel: channel ?? undefined, user: body.user.id },
        messageFor(error, logger, {}),
      );
    }
  };
}

export function registerBlockerActions(router: SlackRouter, services: AppServices): void {
  router.action(OPEN_BLOCKER_FORM, openBlockerForm(services));
  router.action(TRIAGE_BLOCKER, openTriage(services));
}
