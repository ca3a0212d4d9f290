import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import type { AppServices } from '../../../app-services';
import { retryWhileBusy } from '../../../db/database-busy';
import { puntFeature } from '../../../workflows/feature-decisions';
import { addFeature } from '../../../workflows/features';
import { FEATURE_ADD_VIEW, FEATURE_PUNT_VIEW, featureSavedView } from '../../blocks/feature-blocks';
import type { SlackRouter } from '../slack-router';
import { fieldErrorFor } from '../slack-answers';

type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

const addMetadata = z.object({ release: z.string().min(1).max(40) });
const puntMetadata = z.object({ feature: z.number().int().positive() });

type StateValue = {
  value?: string | null;
  selected_option?: { value: string } | null;
  selected_options?: { value: string }[] | null;
};

function metadata<T>(schema: z.ZodType<T>, raw: string): T | null {
  try {
    return schema.parse(JSON.parse(raw || '{}'));
  } catch {
    return null;
  }
}

/** The feature form was submitted: checked on GitHub and saved, or answered next to each wrong field. */
function featureAddSubmitted(services: AppServices) {
  return async ({ ack, body, view }: ViewArgs): Promise<void> => {
    const logger = services.logger.child({ user: body.user.id, view: FEATURE_ADD_VIEW });
    const meta = metadata(addMetadata, view.private_metadata);
    if (!meta) {
      await ack({
        response_action: 'errors',
        errors: { title: 'This form is out of date: close it and run /kfrelease feature add again.' },
      });
      return;
    }
    const field = (block: string): StateValue => (view.state.values[block]?.[block] ?? {}) as StateValue;
    const ticked = (block: string) => (field(block).selected_options ?? []).some((o) => o.value === 'yes');
    const values = {
      wg: field('wg').selected_option?.value,
      title: field('title').value ?? '',
      ref: field('ref').value ?? '',
      docsNeeded: ticked('docs'),
      docsPages: field('pages').value ?? '',
      highlight: ticked('highlight'),
    };
    try {
      const deps = { ...services, logger, deadlineMs: services.githubDeadlineMs };
      const result = await retryWhileBusy(() =>
        addFeature(deps, { userId: body.user.id, version: meta.release, values }),
      );
      if (result.kind === 'errors') {
        await ack({ response_action: 'errors', errors: result.errors as Record<string, string> });
        return;
      }
      logger.info(
        { release: result.release.version, feature: result.feature.id, wg: result.feature.wg },
        'feature added',
      );
      await ack({
        response_action: 'update',
        view: featureSavedView(result.release.version, result.feature, result.github, result.docsLinked),
      });
    } catch (error) {
      await ack({ response_action: 'errors', errors: { ref: fieldErrorFor(error, services, logger, {}) } });
    }
  };
}

/** The punt form was submitted: punted, logged as a decision and announced; refusals next to the reason. */
function featurePuntSubmitted(services: AppServices) {
  return async ({ ack, body, view }: ViewArgs): Promise<void> => {
    const logger = services.logger.child({ user: body.user.id, view: FEATURE_PUNT_VIEW });
    const meta = metadata(puntMetadata, view.private_metadata);
    if (!meta) {
      await ack({
        response_action: 'errors',
        errors: { reason: 'This form is out of date: close it and press Punt again.' },
      });
      return;
    }
    try {
      const reason = view.state.values.reason?.reason?.value ?? '';
      await retryWhileBusy(() => puntFeature(services, { userId: body.user.id, id: meta.feature, reason }));
      await ack();
      services.deliverSoon();
    } catch (error) {
      await ack({
        response_action: 'errors',
        errors: { reason: fieldErrorFor(error, services, logger, { feature: meta.feature }) },
      });
    }
  };
}

export function registerFeatureViews(router: SlackRouter, services: AppServices): void {
  router.view(FEATURE_ADD_VIEW, featureAddSubmitted(services));
  router.view(FEATURE_PUNT_VIEW, featurePuntSubmitted(services));
}
