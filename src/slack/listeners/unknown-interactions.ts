import type { AllMiddlewareArgs, AnyMiddlewareArgs } from '@slack/bolt';
import type { Logger } from '../../logger';
import { code, md } from '../../text/mrkdwn';
import { modal, section, type ModalView } from '../blocks/block-kit';
import { tellEphemeral } from './slack-answers';

export const STALE_BUTTON = md`That button belongs to an older kfrelease message and no longer does anything, so nothing was changed. \`/kfrelease status\` shows the current buttons, and the kfrelease Home tab has every form.`;

export const STALE_FORM = md`This form comes from an older version of kfrelease and can no longer be submitted, so nothing was saved. Close it and open the form again: \`/kfrelease help\` lists them, and the kfrelease Home tab has buttons for each.`;

const unknownCommand = (command: string) =>
  md`kfrelease does not answer ${code(command)}: its command is \`/kfrelease\`. Try \`/kfrelease help\`.`;

function staleFormView(): ModalView {
  return modal({
    callbackId: 'kfrelease_stale_form',
    title: 'Form out of date',
    close: 'Close',
    blocks: [section(STALE_FORM)],
  });
}

interface InteractionBody {
  type?: string;
  command?: string;
  user?: { id: string };
  channel?: { id: string };
  actions?: { action_id: string }[];
  view?: { callback_id: string };
}

/**
 * Answers, at once and plainly, an interaction no listener takes: a button from a message or a
 * modal an older kfrelease posted, a form opened before an upgrade, a command Slack routes here by
 * an old name. Without it Bolt lets Slack wait three seconds and then answers 404, and the person
 * sees only a warning sign. Nothing is changed.
 */
export async function answerUnknownInteraction(
  args: AnyMiddlewareArgs & AllMiddlewareArgs,
  logger: Logger,
): Promise<void> {
  const body = args.body as InteractionBody;
  const ack = 'ack' in args ? (args.ack as (answer?: unknown) => Promise<void>) : null;
  if (!ack) return;
  if (body.command !== undefined) {
    logger.warn({ command: body.command }, 'slash command nobody listens for');
    return ack({ response_type: 'ephemeral', text: unknownCommand(body.command).value });
  }
  if (body.type === 'block_actions') {
    logger.warn({ actions: body.actions?.map((a) => a.action_id) }, 'button nobody listens for');
    await ack();
    const user = body.user?.id;
    if (user) await tellEphemeral(args.client, logger, { channel: body.channel?.id, user }, STALE_BUTTON);
    return;
  }
  if (body.type === 'view_submission') {
    logger.warn({ callbackId: body.view?.callback_id }, 'form nobody listens for');
    return ack({ response_action: 'update', view: staleFormView() });
  }
  return ack();
}
