import type { App } from '@slack/bolt';
import type { AppServices } from '../../app-services';
import { registerActions } from './actions';
import { registerCommands } from './commands';
import { registerEvents } from './events';
import { registerViews } from './views';

/** Registers every Slack listener; each folder's index only registers. */
export function registerListeners(app: App, services: AppServices): void {
  registerCommands(app, services);
  registerViews(app, services);
  registerActions(app, services);
  registerEvents(app, services);
}
