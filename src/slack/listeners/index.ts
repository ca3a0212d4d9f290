import type { App } from '@slack/bolt';
import type { AppServices } from '../../app-services';
import { registerActions } from './actions';
import { registerCommands } from './commands';
import { registerEvents } from './events';
import { answerUnknownInteractions, emptyListenedIds, recordingListenedIds } from './unknown-interactions';
import { registerViews } from './views';

/**
 * Registers every Slack listener (each folder's index only registers), and the answer to an
 * interaction none of them takes.
 */
export function registerListeners(app: App, services: AppServices): void {
  const ids = emptyListenedIds();
  const recording = recordingListenedIds(app, ids);
  registerCommands(recording, services);
  registerViews(recording, services);
  registerActions(recording, services);
  registerEvents(recording, services);
  app.use(answerUnknownInteractions(ids, services.logger.child({ component: 'unknown-interactions' })));
}
