import type { Clock } from './clock';
import type { Store } from './db/store';
import type { ReleaseTemplate } from './domain/release-template';
import type { Logger } from './logger';

/** What the composition root builds once and hands to every adapter. */
export interface AppServices {
  store: Store;
  clock: Clock;
  templates: Map<string, ReleaseTemplate>;
  /** Slack user IDs from KFRELEASE_ADMINS. */
  admins: string[];
  logger: Logger;
}
