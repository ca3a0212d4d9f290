import type { AppServices } from '../app-services';
import { createOutboxSender } from '../outbox/outbox-sender';
import { renderOutbox } from '../slack/notices/render-notice';
import { createWebClientPoster } from '../slack/slack-poster';
import { releaseManagerIds } from '../workflows/authority';
import { revalidatePending } from '../workflows/revalidate-pending';
import { startReleaseUpkeep } from './release-upkeep';
import { startScheduler } from './scheduler';

/** How often queued posts and pending validations are retried. */
const BACKGROUND_INTERVAL_MS = 15_000;

/**
 * The work that runs beside the request handlers: delivering queued Slack posts and validating
 * revisions GitHub could not check in time.
 */
export function startBackgroundWork(slack: { botToken: string; apiUrl: string }, services: AppServices) {
  const logger = services.logger.child({ component: 'background' });
  const sender = createOutboxSender({
    outbox: services.store.outbox,
    poster: createWebClientPoster({
      token: slack.botToken,
      apiUrl: slack.apiUrl,
      logger,
    }),
    render: renderOutbox,
    clock: services.clock,
    logger,
    releaseManagers: (releaseId) => (releaseId === null ? [] : releaseManagerIds(services.store, releaseId)),
    transaction: services.store.transaction,
  });
  let validating: Promise<unknown> = Promise.resolve();
  const revalidate = () => {
    validating = validating
      .then(() => revalidatePending(services))
      .then(({ decided }) => decided > 0 && sender.kick())
      .catch((error: unknown) => logger.error({ err: error }, 'revalidation failed'));
  };
  sender.start(BACKGROUND_INTERVAL_MS);
  const timer = setInterval(revalidate, BACKGROUND_INTERVAL_MS);
  timer.unref();
  revalidate();
  sender.kick();
  const scheduler = startScheduler({ ...services, deliverSoon: () => sender.kick() });
  const upkeep = startReleaseUpkeep({ ...services, deliverSoon: () => sender.kick() });
  return {
    kick: () => sender.kick(),
    stop: async () => {
      clearInterval(timer);
      await scheduler.stop();
      await upkeep.stop();
      await validating;
      await sender.stop();
    },
  };
}
