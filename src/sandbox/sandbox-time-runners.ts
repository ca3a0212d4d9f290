import type { DateTime } from 'luxon';
import type { AppServices } from '../app-services';
import { outOfQuietHours } from '../domain/reminders';
import { startReleaseUpkeep } from '../jobs/release-upkeep';
import { createOutboxSender } from '../outbox/outbox-sender';
import { renderOutbox } from '../slack/notices/render-notice';
import { createWebClientPoster } from '../slack/slack-poster';
import { releaseManagerIds } from '../workflows/authority';
import { loadReleaseSchedule, occurrencesOf } from '../workflows/release-schedule';
import { revalidatePending } from '../workflows/revalidate-pending';
import { runDueJobs } from '../workflows/run-due-jobs';
import type { TimeRunners } from './pass-time';

const iso = (at: DateTime): string => at.toUTC().toISO() ?? '';

/** Delivery runs in a row at one instant at most; each takes up to 100 messages. */
const MAX_DELIVERY_RUNS = 20;

export interface SandboxTimeRunners extends TimeRunners {
  /** Stops the upkeep's own timer and waits for a delivery going on. */
  stop(): Promise<void>;
}

/**
 * The app's own background work, run on demand at the instant the sandbox clock is moved to:
 * the scheduled jobs, release upkeep, revalidation, and an outbox sender of its own that posts to
 * the Slack stand-in and is awaited, so a jump answers only once its posts are in Slack. The
 * background sender of the running app may deliver a message first; the outbox lets only one
 * of them post it.
 */
export function sandboxTimeRunners(params: {
  services: AppServices;
  clock: { set(iso: string): void };
  slack: { botToken: string; apiUrl: string };
}): SandboxTimeRunners {
  // Everything queued is delivered by `deliver` at the same instant; nothing needs waking.
  const services: AppServices = { ...params.services, deliverSoon: () => undefined };
  const { store } = services;
  const logger = services.logger.child({ component: 'sandbox-time' });
  const upkeep = startReleaseUpkeep(services);
  const sender = createOutboxSender({
    outbox: store.outbox,
    poster: createWebClientPoster({ token: params.slack.botToken, apiUrl: params.slack.apiUrl, logger }),
    render: renderOutbox,
    clock: services.clock,
    logger,
    releaseManagers: (releaseId) => (releaseId === null ? [] : releaseManagerIds(store, releaseId)),
    transaction: store.transaction,
  });
  const live = () => store.releases.list().filter((release) => release.status === 'live');

  return {
    setClock: (at) => params.clock.set(iso(at)),
    zones: () => live().map((release) => release.timeZone),
    dueInstants: (after, until) =>
      live().flatMap((release) => {
        const schedule = loadReleaseSchedule(store, release);
        if (!schedule) return [];
        const done = store.jobRuns.doneKeys(release.id);
        // One that pings people and falls in the quiet hours runs when they end.
        const runsAt = (o: { dueAt: DateTime; pings: boolean }) =>
          o.pings ? outOfQuietHours(o.dueAt, schedule.reminders, schedule.zone) : o.dueAt;
        return occurrencesOf(schedule)
          .filter((o) => !done.has(o.key))
          .map(runsAt)
          .filter((at) => at > after && at <= until);
      }),
    runJobs: (at) => {
      const summary = runDueJobs(services, at);
      return { ran: summary.ran.length, skipped: summary.skipped.length };
    },
    upkeep: () => upkeep.tick(),
    revalidate: async () => {
      await revalidatePending(services);
    },
    deliver: async () => {
      for (let run = 0; run < MAX_DELIVERY_RUNS; run++) {
        const result = await sender.deliverDue();
        if (result.sent + result.retried + result.failed === 0) break;
      }
    },
    posted: (after, until) => store.outbox.sentEnqueuedIn(iso(after), iso(until)),
    stop: async () => {
      await upkeep.stop();
      await sender.stop();
    },
  };
}
