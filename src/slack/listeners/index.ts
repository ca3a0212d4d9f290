import type { App } from '@slack/bolt';
import type { AppServices } from '../../app-services';
import type * as Actions from './actions';
import { registerCommands } from './commands';
import type * as Events from './events';
import { oncePerSubmission } from './once-per-submission';
import { SlackRouter } from './slack-router';
import type * as Views from './views';

/**
 * Registers every Slack listener on one router (each folder's index only registers). Slash
 * commands are registered at start; buttons, forms and events when the first of their kind comes,
 * so a start does not wait for loading every form and App Home (issue 18).
 */
export function registerListeners(app: App, services: AppServices): void {
  // A form submitted twice (a replay, a double click, Slack's retry) is acted on once.
  const router = new SlackRouter({ wrapView: oncePerSubmission(services) });
  registerCommands(router, services);
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded on first use, see above */
  router.later('view', () => (require('./views') as typeof Views).registerViews(router, services));
  router.later('action', () => (require('./actions') as typeof Actions).registerActions(router, services));
  router.later('event', () => (require('./events') as typeof Events).registerEvents(router, services));
  /* eslint-enable @typescript-eslint/no-require-imports */
  app.use(router.middleware(services.logger.child({ component: 'slack-router' })));
}
