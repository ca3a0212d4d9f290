import type { App } from '@slack/bolt';
import type { AppServices } from '../../app-services';
import { registerActions } from './actions';
import { registerCommands } from './commands';
import { registerEvents } from './events';
import { oncePerSubmission } from './once-per-submission';
import { SlackRouter } from './slack-router';
import { registerViews } from './views';

/** Registers every Slack listener on one router (each folder's index only registers). */
export function registerListeners(app: App, services: AppServices): void {
  // A form submitted twice (a replay, a double click, Slack's retry) is acted on once.
  const router = new SlackRouter({ wrapView: oncePerSubmission(services) });
  registerCommands(router, services);
  registerViews(router, services);
  registerActions(router, services);
  registerEvents(router, services);
  app.use(router.middleware(services.logger.child({ component: 'slack-router' })));
}
