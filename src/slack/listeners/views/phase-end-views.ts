import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { retryWhileBusy } from '../../../db/database-busy';
import type { AppServices } from '../../../app-services';
import { moveOnAfterPhaseEnd } from '../../../workflows/phase-end-decisions';
import { MOVE_ON_REASON, MOVE_ON_VIEW } from '../../blocks/phase-end-blocks';
import { phaseEndRefOf } from '../actions/phase-end-actions';
import type { SlackRouter } from '../slack-router';
import { fieldErrorFor } from '../slack-answers';

type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/**
 * The release manager said why they move on from a phase that ended with criteria unmet: recorded,
 * logged and announced once, the phase-end messages edited; a problem goes under the reason.
 */
function moveOnSubmitted(services: AppServices) {
  return async ({ ack, body, view }: ViewArgs): Promise<void> => {
    const logger = services.logger.child({ user: body.user.id, view: MOVE_ON_VIEW });
    const reason = view.state.values[MOVE_ON_REASON]?.[MOVE_ON_REASON]?.value ?? '';
    try {
      const ref = phaseEndRefOf(view.private_metadata);
      const review = await retryWhileBusy(() =>
        moveOnAfterPhaseEnd(services, { ...ref, userId: body.user.id, reason }),
      );
      await ack();
      logger.info({ release: review.version, phase: review.phase.key }, 'moved on after the phase ended');
      services.deliverSoon();
    } catch (error) {
      await ack({
        response_action: 'errors',
        errors: {
          [MOVE_ON_REASON]: fieldErrorFor(error, services, logger, { metadata: view.private_metadata }),
        },
      });
    }
  };
}

export function registerPhaseEndViews(router: SlackRouter, services: AppServices): void {
  router.view(MOVE_ON_VIEW, moveOnSubmitted(services));
}
