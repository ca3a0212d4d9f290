import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { retryWhileBusy } from '../../../db/database-busy';
import type { AppServices } from '../../../app-services';
import { keepFeature, preparePunt } from '../../../workflows/feature-decisions';
import { prepareFeatureForm } from '../../../workflows/features';
import { OPEN_FEATURE_FORM } from '../../blocks/app-home-blocks';
import {
  FEATURE_ACTIONS,
  featureAddView,
  featureDecisionBlocks,
  featurePuntView,
} from '../../blocks/feature-blocks';
import type { SlackRouter } from '../slack-router';
import { messageFor, showEphemeral, tellEphemeral } from '../slack-answers';
import { opensForm } from './home-actions';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

function valueOf(body: BlockAction): string {
  const action = body.actions[0];
  return action && 'value' in action && typeof action.value === 'string' ? action.value : '';
}

/** "Keep #N" in the Feature Freeze message: recorded first, then acknowledged, then confirmed. */
function keepPressed(services: AppServices) {
  return async ({ ack, body, client }: ActionArgs): Promise<void> => {
    const logger = services.logger.child({ user: body.user.id, action: FEATURE_ACTIONS.keep });
    const where = { channel: body.channel?.id, user: body.user.id };
    try {
      const result = await retryWhileBusy(() =>
        keepFeature(services, { userId: body.user.id, id: valueOf(body) }),
      );
      await ack();
      if (result.changed) services.deliverSoon();
      await showEphemeral(client, logger, where, featureDecisionBlocks(result.feature, result.changed));
    } catch (error) {
      await ack();
      await tellEphemeral(client, logger, where, messageFor(error, logger, { value: valueOf(body) }));
    }
  };
}

/** "Punt #N…": opens the form asking why, when this person may punt it. */
function puntPressed(services: AppServices) {
  return async ({ ack, body, client }: ActionArgs): Promise<void> => {
    await ack();
    const logger = services.logger.child({ user: body.user.id, action: FEATURE_ACTIONS.punt });
    try {
      const { feature, release } = preparePunt(services, { userId: body.user.id, id: valueOf(body) });
      await client.views.open({
        trigger_id: body.trigger_id,
        view: featurePuntView(feature, release.version),
      });
    } catch (error) {
      const where = { channel: body.channel?.id, user: body.user.id };
      await tellEphemeral(client, logger, where, messageFor(error, logger, { value: valueOf(body) }));
    }
  };
}

/** "Track a feature" on the Home tab: opens the feature form. */
function openFeatureForm(services: AppServices) {
  return opensForm(services, OPEN_FEATURE_FORM, (input) => {
    const form = prepareFeatureForm(services, input);
    return featureAddView({ release: form.release.version, groups: form.groups });
  });
}

export function registerFeatureActions(router: SlackRouter, services: AppServices): void {
  router.action(FEATURE_ACTIONS.keep, keepPressed(services));
  router.action(FEATURE_ACTIONS.punt, puntPressed(services));
  router.action(OPEN_FEATURE_FORM, openFeatureForm(services));
}
