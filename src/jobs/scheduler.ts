import cron from 'node-cron';
import type { AppServices } from '../app-services';
import { runDueJobs } from '../workflows/run-due-jobs';

/** Every minute: what is due is computed from the database and the clock, never from cron. */
const EVERY_MINUTE = '* * * * *';

export interface Scheduler {
  /** Runs what is due now, once; what the minute tick calls. */
  tick(): void;
  stop(): Promise<void>;
}

/**
 * Starts the minute tick of the scheduled jobs (agendas, note-taker notices, deadline reminders
 * and escalations) and runs one tick at once, which catches up what came due while kfrelease was
 * down. node-cron only wakes us: a missed or skipped tick loses nothing, the next one finds the
 * same occurrences due in the database. Posts go out through the outbox via `deliverSoon`.
 */
export function startScheduler(services: AppServices): Scheduler {
  const log = services.logger.child({ component: 'scheduler' });
  const tick = () => {
    try {
      const summary = runDueJobs(services, services.clock.now());
      if (summary.posts > 0) services.deliverSoon();
    } catch (error) {
      log.error({ err: error }, 'scheduler tick failed');
    }
  };
  const task = cron.schedule(EVERY_MINUTE, tick, { name: 'kfrelease-jobs', noOverlap: true });
  tick();
  return {
    tick,
    stop: async () => {
      await task.stop();
      await task.destroy();
    },
  };
}
