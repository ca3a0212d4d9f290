import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { AppServices } from '../../../app-services';
import { rcCheckDeps, refreshRcTags, STALE_CHECK_SECONDS } from '../../../workflows/check-rc-tags';
import { prepareSignoffForm, signoffRights } from '../../../workflows/signoff-form';
import { withinDeadline } from '../../../workflows/submit-blockers';
import { signoffView } from '../../blocks/signoff-blocks';
import { OPEN_SIGNOFF_FORM } from '../../blocks/signoff-check-blocks';
import type { SlackRouter } from '../slack-router';
import { messageFor, tellEphemeral } from '../slack-answers';
import { buttonRelease } from './button-release';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/**
 * "Open the sign-off form" (the answer to `/kfrelease signoff` while the manifests repository was
 * being checked): waits for that check, or one started now if the last is stale, within GitHub's
 * share of Slack's 3 s, then opens the form with the RCs found, or says none was.
 */
function openSignoffForm(services: AppServices) {
  return async ({ ack, body, client }: ActionArgs): Promise<void> => {
    await ack();
    const logger = services.logger.child({ user: body.user.id, action: OPEN_SIGNOFF_FORM });
    try {
      const { release } = signoffRights(services, {
        userId: body.user.id,
        version: buttonRelease(services, body),
      });
      const check = refreshRcTags(rcCheckDeps({ ...services, logger }), release, STALE_CHECK_SECONDS);
      if (check) await withinDeadline(check, services.githubDeadlineMs);
      const form = prepareSignoffForm(services, { userId: body.user.id, version: release.version });
      await client.views.open({
        trigger_id: body.trigger_id,
        view: signoffView({ ...form, release: form.release.version }),
      });
    } catch (error) {
      const where = { channel: body.channel?.id, user: body.user.id };
      await tellEphemeral(client, logger, where, messageFor(error, logger, {}));
    }
  };
}

export function registerSignoffActions(router: SlackRouter, services: AppServices): void {
  router.action(OPEN_SIGNOFF_FORM, openSignoffForm(services));
}
