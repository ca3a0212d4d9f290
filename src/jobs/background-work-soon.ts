import type { AppServices } from '../app-services';
import type * as Work from './background-work';
import type { BackgroundWork, LeaseTiming } from './background-work';

export type { BackgroundWork, LeaseTiming } from './background-work';

/**
 * The background work's code (the outbox sender, the notices it renders, the scheduler and its
 * jobs, release upkeep) is loaded when it starts, after the server listens: requiring the app
 * (its start, the command line) does not load it.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const load = () => require('./background-work') as typeof Work;

/**
 * How long after listening the background work starts. Slack sends again what went unanswered
 * while kfrelease was down, so requests arrive right at the start; they are answered first, not
 * behind loading the background work's code and its first pass (about 50 ms of CPU on a ten-year
 * database: the lease, catching up what came due while kfrelease was down).
 */
export const BACKGROUND_START_DELAY_MS = 1_000;

/**
 * startBackgroundWork `delayMs` after the server listens (BACKGROUND_START_DELAY_MS unless the
 * caller says otherwise: tests start it at once, so that a post one test queues is not delivered
 * during the next). Until then a kick has nothing to wake, and the first pass delivers what is queued.
 */
export function startBackgroundWorkSoon(
  slack: { botToken: string; apiUrl: string },
  services: AppServices,
  timing?: LeaseTiming,
  delayMs = BACKGROUND_START_DELAY_MS,
): BackgroundWork {
  let work: BackgroundWork | null = null;
  const soon = setTimeout(() => {
    work = load().startBackgroundWork(slack, services, timing);
  }, delayMs);
  return {
    kick: () => work?.kick(),
    isActive: () => work?.isActive() ?? false,
    stop: async () => {
      clearTimeout(soon);
      await work?.stop();
    },
  };
}
