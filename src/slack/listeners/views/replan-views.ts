import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { retryWhileBusy } from '../../../db/database-busy';
import { z } from 'zod';
import type { AppServices } from '../../../app-services';
import type { Logger } from '../../../logger';
import { readCalendar } from '../../../workflows/calendar-file';
import { saveReplanExtending } from '../../../workflows/phase-end-decisions';
import { ReplanRefusal, replanForm } from '../../../workflows/replan-release';
import {
  REPLAN_FIELDS,
  REPLAN_VIEW,
  replanChoice,
  replanSavedView,
  replanView,
  type ReplanViewMetadata,
} from '../../blocks/replan-view';
import { replanMetadata } from '../actions/replan-actions';
import type { SlackRouter } from '../slack-router';
import { fieldErrorFor } from '../slack-answers';

type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

function metadataOf(raw: string): z.infer<typeof replanMetadata> | null {
  try {
    return replanMetadata.parse(JSON.parse(raw || '{}'));
  } catch {
    return null;
  }
}

/** The form again, with the plan as it now is and why it is shown again. */
function shownAgain(
  services: AppServices,
  input: {
    userId: string;
    version: string;
    choice: ReturnType<typeof replanChoice>;
    phaseEnd: ReplanViewMetadata['phaseEnd'];
  },
  refusal: ReplanRefusal,
) {
  const { choice, phaseEnd } = input;
  const form = replanForm(
    services,
    {
      userId: input.userId,
      version: input.version,
      moveLater: choice.moveLater,
      ...(choice.item ? { item: choice.item } : {}),
      ...(choice.date ? { newDate: choice.date } : {}),
    },
    readCalendar().events,
  );
  const view = replanView({ form, choice, notice: refusal.text, ...(phaseEnd ? { phaseEnd } : {}) });
  return { response_action: 'update' as const, view };
}

function errorsFor(services: AppServices, logger: Logger, error: unknown, release: string) {
  const field = error instanceof ReplanRefusal ? REPLAN_FIELDS[error.field] : REPLAN_FIELDS.item;
  return {
    response_action: 'errors' as const,
    errors: { [field]: fieldErrorFor(error, services, logger, { release }) },
  };
}

/**
 * The re-plan form was saved: a new plan revision, audited and announced once; the form then shows
 * what was saved. A problem goes next to its field and changes nothing; a plan changed meanwhile
 * shows the form again with the new preview.
 */
function replanSubmitted(services: AppServices) {
  return async ({ ack, body, view }: ViewArgs): Promise<void> => {
    const logger = services.logger.child({ user: body.user.id, view: REPLAN_VIEW });
    const meta = metadataOf(view.private_metadata);
    if (!meta) {
      await ack({
        response_action: 'errors',
        errors: {
          [REPLAN_FIELDS.item]: 'This form is out of date: close it and run /kfrelease replan again.',
        },
      });
      return;
    }
    const choice = replanChoice(view.state.values);
    const input = {
      userId: body.user.id,
      version: meta.release,
      item: choice.item ?? '',
      newDate: choice.date ?? '',
      moveLater: choice.moveLater,
    };
    try {
      const calendar = readCalendar().events;
      const saved = await retryWhileBusy(() =>
        saveReplanExtending(
          services,
          {
            ...input,
            reason: choice.reason,
            basedOn: meta.planRevision,
            ...(meta.phaseEnd ? { phaseEnd: meta.phaseEnd } : {}),
          },
          calendar,
        ),
      );
      await ack({ response_action: 'update', view: replanSavedView(saved) });
      logger.info(
        { release: saved.version, item: saved.item.key, planRevision: saved.savedRevision },
        'plan re-planned',
      );
      services.deliverSoon();
    } catch (error) {
      if (!(error instanceof ReplanRefusal && error.code === 'conflict')) {
        await ack(errorsFor(services, logger, error, meta.release));
        return;
      }
      let answer;
      try {
        const again = { userId: body.user.id, version: meta.release, choice, phaseEnd: meta.phaseEnd };
        answer = shownAgain(services, again, error);
      } catch (again) {
        answer = errorsFor(services, logger, again, meta.release);
      }
      await ack(answer);
    }
  };
}

export function registerReplanViews(router: SlackRouter, services: AppServices): void {
  router.view(REPLAN_VIEW, replanSubmitted(services));
}
