import { buildServices } from '../src/app';
import type { AppServices } from '../src/app-services';
import type { Clock } from '../src/clock';
import type { Config } from '../src/config';
import { createLogger } from '../src/logger';
import type { StartupChecks } from '../src/startup/startup-checks';
import { generateWorkingGroups } from './generate-working-groups';

/** How many working groups the bench's Kubeflow has (config/kubeflow.yml lists six). */
export const BENCH_WORKING_GROUPS = 20;

/**
 * The app's own services over the bench database, with the bench's twenty working groups active.
 * buildServices brings the working groups in line with config/kubeflow.yml on every start, which
 * retires the generated ones; applying them again right after gives the app the seeded world.
 */
export function buildBenchServices(
  config: Config,
  clock?: Clock,
  startupChecks?: StartupChecks,
): AppServices {
  const services = buildServices(config, { logger: createLogger('silent'), clock, startupChecks });
  services.store.workingGroups.sync(generateWorkingGroups(BENCH_WORKING_GROUPS));
  return services;
}
