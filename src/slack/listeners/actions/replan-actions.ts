import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import type { AppServices } from '../../../app-services';
import { UserError } from '../../../errors';
import { md } from '../../../text/mrkdwn';
import { readCalendar } from '../../../workflows/calendar-file';
import { replanForm } from '../../../workflows/replan-release';
import { REPLAN_FIELDS, replanChoice, replanView, type ReplanChoice } from '../../blocks/replan-view';
import type { SlackRouter } from '../slack-router';
import { messageFor, tellEphemeral } from '../slack-answers';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/** What the re-plan form carries (ReplanViewMetadata): its release, and the phase end it extends. */
export const replanMetadata = z.object({
  release: z.string().max(40),
  planRevision: z.number().int().min(1),
  phaseEnd: z
    .object({
      version: z.string().max(40),
      phase: z.string().max(60),
      endsOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      name: z.string().max(100),
    })
    .optional(),
});

/** The release the form was opened for, and the phase end it extends; a form of another shape is out of date. */
function metadataOf(privateMetadata: string | undefined): z.infer<typeof replanMetadata> {
  try {
    return replanMetadata.parse(JSON.parse(privateMetadata || '{}'));
  } catch {
    throw new UserError(
      'conflict',
      md`This form is out of date: close it and run \`/kfrelease replan\` again.`,
    );
  }
}

/** The choice in the form, with the field just changed as the action carries it. */
function choiceAfter(action: BlockAction['actions'][number], values: unknown): ReplanChoice {
  const choice = replanChoice(values);
  if (action.type === 'datepicker') return { ...choice, date: action.selected_date ?? null };
  if (action.type === 'static_select' && action.action_id === REPLAN_FIELDS.item)
    return { ...choice, item: action.selected_option?.value ?? null };
  if (action.type === 'radio_buttons')
    return { ...choice, moveLater: action.selected_option?.value === 'later' };
  return choice;
}

/**
 * A milestone, a date or the later dates' choice changed in the re-plan form: the form is shown
 * again with the new plan next to the current one, or the problem under its field. Nothing is saved.
 */
function replanChanged(services: AppServices) {
  return async ({ ack, body, action, client }: ActionArgs): Promise<void> => {
    await ack();
    const logger = services.logger.child({ user: body.user.id, action: action.action_id });
    const view = body.view;
    try {
      if (!view)
        throw new UserError('conflict', md`That control belongs to a form: run \`/kfrelease replan\`.`);
      const { release, phaseEnd } = metadataOf(view.private_metadata);
      const choice = choiceAfter(action, view.state.values);
      const input = { userId: body.user.id, version: release, moveLater: choice.moveLater };
      const form = replanForm(
        services,
        {
          ...input,
          ...(choice.item ? { item: choice.item } : {}),
          ...(choice.date ? { newDate: choice.date } : {}),
        },
        readCalendar().events,
      );
      await client.views.update({
        view_id: view.id,
        hash: view.hash,
        view: replanView({ form, choice, ...(phaseEnd ? { phaseEnd } : {}) }),
      });
    } catch (error) {
      const where = { channel: body.channel?.id, user: body.user.id };
      await tellEphemeral(
        client,
        logger,
        where,
        messageFor(error, logger, { release: view?.private_metadata }),
      );
    }
  };
}

export function registerReplanActions(router: SlackRouter, services: AppServices): void {
  const listener = replanChanged(services);
  router.action(REPLAN_FIELDS.item, listener);
  router.action(REPLAN_FIELDS.date, listener);
  router.action(REPLAN_FIELDS.scope, listener);
}
