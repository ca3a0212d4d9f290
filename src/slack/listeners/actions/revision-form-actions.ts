import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import type { AppServices } from '../../../app-services';
import { UserError } from '../../../errors';
import { prepareSubmitForm } from '../../../workflows/prepare-submit-form';
import { submitRevisionView } from '../../blocks/submit-revision-view';
import { messageFor, tellEphemeral } from '../slack-answers';
import { buttonRelease } from './button-release';
import { md } from '../../../text/mrkdwn';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

const formMetadata = z.object({ release: z.string().max(40) });

/** The release the revision form was opened for; a form of another shape is out of date. */
function releaseOf(privateMetadata: string | undefined): string {
  try {
    return formMetadata.parse(JSON.parse(privateMetadata || '{}')).release;
  } catch {
    throw new UserError(
      'conflict',
      md`This form is out of date: close it and run \`/kfrelease submit\` again.`,
    );
  }
}

/** "Submit revisions" button (status message, App Home): opens the revision form. */
export function openSubmitForm(services: AppServices) {
  return async ({ ack, body, client }: ActionArgs): Promise<void> => {
    await ack();
    const logger = services.logger.child({ user: body.user.id, action: 'open_submit_revision' });
    try {
      const form = prepareSubmitForm(services, {
        userId: body.user.id,
        version: buttonRelease(services, body),
      });
      await client.views.open({
        trigger_id: body.trigger_id,
        view: submitRevisionView({ ...form, release: form.release.version }),
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

/** A working group was picked in the form: show its repositories. */
export function pickWorkingGroup(services: AppServices) {
  return async ({ ack, body, action, client }: ActionArgs): Promise<void> => {
    await ack();
    const logger = services.logger.child({ user: body.user.id, action: 'pick_wg' });
    const wg = action.type === 'static_select' ? action.selected_option?.value : undefined;
    const view = body.view;
    if (!view || !wg) return;
    try {
      const release = releaseOf(view.private_metadata);
      const form = prepareSubmitForm(services, { userId: body.user.id, version: release, wg });
      await client.views.update({
        view_id: view.id,
        hash: view.hash,
        view: submitRevisionView({ ...form, release: form.release.version }),
      });
    } catch (error) {
      logger.warn({ err: error, wg }, 'could not show the working group form');
      await tellEphemeral(client, logger, { user: body.user.id }, messageFor(error, logger, { wg }));
    }
  };
}
