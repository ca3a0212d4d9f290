import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { SlackRouter } from '../slack-router';
import type { AppServices } from '../../../app-services';
import { prepareDocsForm } from '../../../workflows/docs-tracking';
import { OPEN_DOCS_FORM } from '../../blocks/app-home-blocks';
import { docsAddView } from '../../blocks/docs-blocks';
import { messageFor, tellEphemeral } from '../slack-answers';
import { buttonRelease } from './button-release';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/** "Add docs item" on the Home tab: opens the docs item form. */
export function openDocsForm(services: AppServices) {
  return async ({ ack, body, client }: ActionArgs): Promise<void> => {
    await ack();
    const logger = services.logger.child({ user: body.user.id, action: OPEN_DOCS_FORM });
    try {
      const form = prepareDocsForm(services, {
        userId: body.user.id,
        version: buttonRelease(services, body),
      });
      await client.views.open({
        trigger_id: body.trigger_id,
        view: docsAddView({ release: form.release.version, groups: form.groups }),
      });
    } catch (error) {
      await tellEphemeral(
        client,
        logger,
        { channel: body.channel?.id, user: body.user.id },
        messageFor(error, logger, {}),
      );
    }
  };
}

export function registerHomeActions(router: SlackRouter, services: AppServices): void {
  router.action(OPEN_DOCS_FORM, openDocsForm(services));
}
