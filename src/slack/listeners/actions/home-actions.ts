import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { View } from '@slack/types';
import type { SlackRouter } from '../slack-router';
import type { AppServices } from '../../../app-services';
import { prepareDocsForm } from '../../../workflows/docs-tracking';
import { OPEN_DOCS_FORM } from '../../blocks/app-home-blocks';
import { docsAddView } from '../../blocks/docs-blocks';
import { messageFor, tellEphemeral } from '../slack-answers';
import { buttonRelease } from './button-release';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/**
 * A Home tab button that opens a form: the form is built for the person who pressed it and the
 * release the button carries; a refusal (not their working group, a closed release) is told to
 * them alone.
 */
export function opensForm(
  services: AppServices,
  actionId: string,
  formFor: (input: { userId: string; version: string }) => View,
) {
  return async ({ ack, body, client }: ActionArgs): Promise<void> => {
    await ack();
    const logger = services.logger.child({ user: body.user.id, action: actionId });
    try {
      const view = formFor({ userId: body.user.id, version: buttonRelease(services, body) });
      await client.views.open({ trigger_id: body.trigger_id, view });
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

/** "Add docs item" on the Home tab: opens the docs item form. */
export function openDocsForm(services: AppServices) {
  return opensForm(services, OPEN_DOCS_FORM, (input) => {
    const form = prepareDocsForm(services, input);
    return docsAddView({ release: form.release.version, groups: form.groups });
  });
}

export function registerHomeActions(router: SlackRouter, services: AppServices): void {
  router.action(OPEN_DOCS_FORM, openDocsForm(services));
}
