import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { retryWhileBusy } from '../../../db/database-busy';
import type { SlackRouter } from '../slack-router';
import { z } from 'zod';
import type { AppServices } from '../../../app-services';
import { rcCheckDeps } from '../../../workflows/check-rc-tags';
import { findRelease } from '../../../workflows/find-release';
import { submitSignoff, type SignoffField } from '../../../workflows/submit-signoff';
import { SIGNOFF_VIEW, signoffSavedView } from '../../blocks/signoff-blocks';
import { fieldErrorFor } from '../slack-answers';

const metadataSchema = z.object({ release: z.string().max(40) });
const FIELDS: SignoffField[] = ['distribution', 'rc', 'result', 'issues', 'kubernetes', 'evidence', 'notes'];

type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

function readJson(text: string): unknown {
  try {
    return JSON.parse(text || '{}');
  } catch {
    return null;
  }
}

/**
 * The sign-off form was submitted: checked (with a fresh look at the RC tags and, when blocked, at
 * the issues on GitHub), saved and announced, then answered in the modal.
 */
function signoffSubmitted(services: AppServices) {
  return async ({ ack, body, view }: ViewArgs): Promise<void> => {
    const logger = services.logger.child({ user: body.user.id, view: SIGNOFF_VIEW });
    const parsed = metadataSchema.safeParse(readJson(view.private_metadata));
    if (!parsed.success) {
      await ack({
        response_action: 'errors',
        errors: { distribution: 'This form is out of date: close it and run /kfrelease signoff again.' },
      });
      return;
    }
    const value = (field: SignoffField): string => {
      const state = view.state.values[field]?.[field];
      return state?.selected_option?.value ?? state?.value ?? '';
    };
    try {
      const release = findRelease(services, parsed.data.release);
      const values = Object.fromEntries(FIELDS.map((f) => [f, value(f)])) as Record<SignoffField, string>;
      const deps = {
        ...services,
        logger,
        deadlineMs: services.githubDeadlineMs,
        rcCheck: rcCheckDeps({ ...services, logger }),
      };
      const result = await retryWhileBusy(() =>
        submitSignoff(deps, { release, userId: body.user.id, values }),
      );
      if (result.kind === 'errors') {
        await ack({ response_action: 'errors', errors: result.errors as Record<string, string> });
        return;
      }
      const { signoff, matrix, current, issues } = result;
      await ack({ response_action: 'update', view: signoffSavedView(signoff, matrix, current, issues) });
      logger.info(
        {
          distribution: signoff.distribution,
          rc: signoff.rcTag,
          result: signoff.result,
          tracked: issues.tracked.length,
        },
        'signed off',
      );
      services.deliverSoon();
    } catch (error) {
      await ack({
        response_action: 'errors',
        errors: { distribution: fieldErrorFor(error, services, logger, {}) },
      });
    }
  };
}

/** Registers the sign-off form's submission. */
export function registerSignoffViews(router: SlackRouter, services: AppServices): void {
  router.view(SIGNOFF_VIEW, signoffSubmitted(services));
}
