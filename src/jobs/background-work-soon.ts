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
 * startBackgroundWork at the next turn of the event loop. Called once the server listens, so the
 * first pass (the lease, catching up what came due while kfrelease was down) does not hold up
 * listening; until then a kick has nothing to wake, and the first pass delivers what is queued.
 */
export function startBackgroundWorkSoon(
  slack: { botToken: string; apiUrl: string },
  services: AppServices,
  timing?: LeaseTiming,
): BackgroundWork {
  let work: BackgroundWork | null = null;
  const soon = setImmediate(() => {
    work = load().startBackgroundWork(slack, services, timing);
  });
  return {
    kick: () => work?.kick(),
    isActive: () => work?.isActive() ?? false,
    stop: async () => {
      clearImmediate(soon);
      await work?.stop();
    },
  };
}
