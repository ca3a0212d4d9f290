import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import type { AppServices } from '../../../app-services';
import { UserError } from '../../../errors';
import { md } from '../../../text/mrkdwn';
import type { PhaseEndRef } from '../../../workflows/phase-ends';
import { reviewPhaseEnd } from '../../../workflows/phase-end-decisions';
import { phaseChecklist } from '../../../workflows/phase-ends';
import { readCalendar } from '../../../workflows/calendar-file';
import { replanForm } from '../../../workflows/replan-release';
import { moveOnView, PHASE_END_ACTIONS, phaseChecklistView } from '../../blocks/phase-end-blocks';
import { replanView } from '../../blocks/replan-view';
import type { SlackRouter } from '../slack-router';
import { messageFor, tellEphemeral } from '../slack-answers';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

const refSchema = z.object({
  release: z.string().min(1).max(40),
  phase: z.string().min(1).max(60),
  endsOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});

/** The phase end a button or form names (phaseEndValue); anything else is an out-of-date message. */
export function phaseEndRefOf(raw: string | undefined): PhaseEndRef {
  let parsed: z.infer<typeof refSchema> | null = null;
  try {
    parsed = refSchema.parse(JSON.parse(raw || '{}'));
  } catch {
    parsed = null;
  }
  if (!parsed)
    throw new UserError(
      'conflict',
      md`This message is out of date: see the phase with \`/kfrelease phase\`.`,
    );
  return { version: parsed.release, phase: parsed.phase, endsOn: parsed.endsOn };
}

function valueOf(body: BlockAction): string | undefined {
  const action = body.actions[0];
  return action && 'value' in action && typeof action.value === 'string' ? action.value : undefined;
}

/**
 * One button of a phase-end message: opens its form (refusing with one sentence when the end no
 * longer stands or the person may not decide it), or the checklist.
 */
function phaseEndButton(
  services: AppServices,
  open: (ref: PhaseEndRef, userId: string) => Parameters<ActionArgs['client']['views']['open']>[0]['view'],
) {
  return async ({ ack, body, client }: ActionArgs): Promise<void> => {
    await ack();
    const logger = services.logger.child({ user: body.user.id, action: body.actions[0]?.action_id });
    try {
      const view = open(phaseEndRefOf(valueOf(body)), body.user.id);
      await client.views.open({ trigger_id: body.trigger_id, view });
    } catch (error) {
      const where = { channel: body.channel?.id, user: body.user.id };
      await tellEphemeral(client, logger, where, messageFor(error, logger, { value: valueOf(body) }));
    }
  };
}

export function registerPhaseEndActions(router: SlackRouter, services: AppServices): void {
  router.action(
    PHASE_END_ACTIONS.moveOn,
    phaseEndButton(services, (ref, userId) => moveOnView(reviewPhaseEnd(services, ref, userId).review)),
  );
  router.action(
    PHASE_END_ACTIONS.extend,
    phaseEndButton(services, (ref, userId) => {
      const { review, extendTo } = reviewPhaseEnd(services, ref, userId);
      if (!extendTo)
        throw new UserError(
          'conflict',
          md`Nothing follows ${review.phase.name} in the plan: re-plan its dates with \`/kfrelease replan\`.`,
        );
      const choice = { item: extendTo.item, date: extendTo.date, moveLater: true };
      const form = replanForm(
        services,
        { userId, version: ref.version, ...choice, newDate: choice.date },
        readCalendar().events,
      );
      return replanView({ form, choice, phaseEnd: { ...ref, name: review.phase.name } });
    }),
  );
  router.action(
    PHASE_END_ACTIONS.checklist,
    phaseEndButton(services, (ref) => phaseChecklistView(phaseChecklist(services, ref))),
  );
}
