import type { AppServices } from '../app-services';
import { createOutboxSender } from '../outbox/outbox-sender';
import { renderOutbox } from '../slack/notices/render-notice';
import { createWebClientPoster } from '../slack/slack-poster';
import { releaseManagerIds } from '../workflows/authority';
import { revalidatePending } from '../workflows/revalidate-pending';
import { startReleaseUpkeep } from './release-upkeep';
import { startScheduler } from './scheduler';
import { createWorkerLease, leaseOwnerId } from './worker-lease';

/** How often queued posts and pending validations are retried. */
const BACKGROUND_INTERVAL_MS = 15_000;

/** How long the lease lasts without renewal, and how often its holder renews it. */
export interface LeaseTiming {
  ttlMs: number;
  renewMs: number;
}

/** A holder that died is replaced within 30 s; a live one renews three times in that span. */
export const DEFAULT_LEASE: LeaseTiming = { ttlMs: 30_000, renewMs: 10_000 };

export interface BackgroundWork {
  /** Delivers queued posts soon, when this process does the background work; else its holder will. */
  kick(): void;
  /** Whether this process holds the lease and runs the background work now. */
  isActive(): boolean;
  stop(): Promise<void>;
}

/**
 * The work that runs beside the request handlers: delivering queued Slack posts, validating
 * revisions GitHub could not check in time, the scheduled jobs and release upkeep. Every process
 * serves requests; only the one holding the background lease (SQLite, renewed while it runs,
 * taken over once expired) runs this work, so two copies of kfrelease on one database (a rolling
 * deploy, a second `npm start`) do not both post. A process that cannot renew in time stops its
 * work before its lease can expire.
 */
export function startBackgroundWork(
  slack: { botToken: string; apiUrl: string },
  services: AppServices,
  timing: LeaseTiming = DEFAULT_LEASE,
): BackgroundWork {
  const logger = services.logger.child({ component: 'background' });
  const lease = createWorkerLease(services.store.db, leaseOwnerId(), timing.ttlMs);
  const sender = createOutboxSender({
    outbox: services.store.outbox,
    poster: createWebClientPoster({ token: slack.botToken, apiUrl: slack.apiUrl, logger }),
    render: renderOutbox,
    clock: services.clock,
    logger,
    releaseManagers: (releaseId) => (releaseId === null ? [] : releaseManagerIds(services.store, releaseId)),
    transaction: services.store.transaction,
  });

  let work: { stop(): Promise<void> } | null = null;
  let stopping: Promise<void> = Promise.resolve();
  /** Until when the lease is surely ours: the last renewal plus its lifetime, less a renewal. */
  let heldUntil = 0;

  function startWork(): { stop(): Promise<void> } {
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
    const scheduler = startScheduler({ ...services, deliverSoon: () => sender.kick() });
    const upkeep = startReleaseUpkeep({ ...services, deliverSoon: () => sender.kick() });
    return {
      stop: async () => {
        clearInterval(timer);
        await scheduler.stop();
        await upkeep.stop();
        await validating;
        await sender.stop();
      },
    };
  }

  function stopWork(why: string): void {
    if (!work) return;
    const running = work;
    work = null;
    logger.warn({ owner: lease.owner, why }, 'background work stopped');
    stopping = stopping.then(() => running.stop());
  }

  function renew(): void {
    const now = Date.now();
    let held: boolean;
    try {
      held = lease.acquire(now);
    } catch (error) {
      // The database is busy or sick: keep working while the lease is surely still ours.
      logger.warn({ err: error }, 'could not renew the background lease');
      if (now >= heldUntil) stopWork('the lease could not be renewed in time');
      return;
    }
    if (!held) {
      stopWork('another process holds the background lease');
      return;
    }
    heldUntil = now + timing.ttlMs - timing.renewMs;
    if (!work) {
      logger.info({ owner: lease.owner }, 'this process runs the background work');
      work = startWork();
    }
  }

  renew();
  const heartbeat = setInterval(renew, timing.renewMs);
  heartbeat.unref();

  return {
    kick: () => {
      if (work) sender.kick();
    },
    isActive: () => work !== null,
    stop: async () => {
      clearInterval(heartbeat);
      stopWork('kfrelease is stopping');
      await stopping;
      try {
        lease.release();
      } catch (error) {
        logger.warn({ err: error }, 'could not give the background lease up; it expires by itself');
      }
    },
  };
}
