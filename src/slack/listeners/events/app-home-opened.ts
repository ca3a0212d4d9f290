import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { AppServices } from '../../../app-services';
import { getAppHome } from '../../../workflows/app-home';
import { appHomeErrorView, appHomeView, type HomeView } from '../../blocks/app-home-blocks';
import { callSlackJson } from '../../slack-json-call';
import { messageFor } from '../slack-answers';

/** A person opened kfrelease's Home tab: publish their view of the current release. */
export function appHomeOpened(services: AppServices) {
  return async ({
    event,
    client,
  }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    if (event.tab !== 'home') return;
    const logger = services.logger.child({ user: event.user, event: 'app_home_opened' });
    let view: HomeView;
    try {
      view = appHomeView(getAppHome(services, event.user));
    } catch (error) {
      view = appHomeErrorView(messageFor(error, logger, {}));
    }
    try {
      // Bolt's client names the workspace's API and token; the call itself goes the cheap way.
      await callSlackJson({ apiUrl: client.slackApiUrl, token: client.token ?? '' }, 'views.publish', {
        user_id: event.user,
        view,
      });
    } catch (error) {
      logger.error({ err: error }, 'could not publish the Home tab');
    }
  };
}
