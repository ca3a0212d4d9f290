import type { App } from '@slack/bolt';
import type { AppServices } from '../../app-services';
import { registerCommands } from './commands';

/** Registers every Slack listener; each folder's index only registers. */
export function registerListeners(app: App, services: AppServices): void {
  registerCommands(app, services);
}
