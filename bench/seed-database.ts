import { performance } from 'node:perf_hooks';
import { DateTime } from 'luxon';
import { buildServices } from '../src/app';
import type { AppServices } from '../src/app-services';
import { adjustableClock } from '../src/clock';
import type { Config } from '../src/config';
import { createLogger } from '../src/logger';
import { createRelease } from '../src/workflows/create-release';
import { importTeam } from '../src/workflows/import-team';
import { BENCH_WORKING_GROUPS } from './build-bench-services';
import { generateTeamYaml } from './generate-team-yaml';
import { generateWorkingGroups } from './generate-working-groups';

/** Ten years of Kubeflow: a release every thirteen weeks, v1.0.0 to v1.39.0. */
export const SEED_SIZES = { releases: 40, weeksBetweenReleases: 13, workingGroups: BENCH_WORKING_GROUPS };

/** The Monday of week 1 of v1.0.0. */
const FIRST_START = '2016-12-05';
const TIME_ZONES = ['UTC', 'Europe/Berlin', 'America/Los_Angeles', 'Asia/Kolkata', 'America/New_York'];
const ACTOR = { kind: 'cli', name: 'bench' } as const;

export interface SeededRelease {
  version: string;
  startDate: string;
  timeZone: string;
}

export interface SeededDatabase {
  releases: SeededRelease[];
  /** The release the frozen clock falls in: the newest one. */
  currentVersion: string;
  /** Wednesday of week 11 (feature freeze) of the newest release, 12:00 UTC: use as KFRELEASE_NOW. */
  now: string;
  rows: Record<string, number>;
  seedMs: number;
}

/**
 * Fills the database at `config.databasePath` through the app's own workflows, one function per
 * table group. Revisions (migration 0003) and tracked issues are left empty for now: the next step
 * adds `seedRevisions` (5,000) and `seedTrackedIssues` (20,000) after `seedTeams`, taking the
 * seeded releases the same way. Tables nobody seeds show up with 0 rows in the results.
 */
export function seedDatabase(config: Config): SeededDatabase {
  const started = performance.now();
  const clock = adjustableClock(`${FIRST_START}T09:00:00Z`);
  const services = buildServices(config, { logger: createLogger('silent'), clock });
  try {
    // 1. working_groups, wg_repositories, wg_components
    seedWorkingGroups(services);
    // 2. releases, plans, plan_phases, plan_milestones, audit_log
    const releases = seedReleases(services, clock);
    // 3. people, team_roles
    seedTeams(services, clock, releases);
    // 4. releases.status: every release but the newest is out
    const current = releases[releases.length - 1];
    if (!current) throw new Error('no release seeded');
    markEarlierReleasesReleased(services, current.version);
    const now = DateTime.fromISO(current.startDate, { zone: 'utc' })
      .plus({ weeks: 10, days: 2, hours: 12 })
      .toISO({ suppressMilliseconds: true });
    return {
      releases,
      currentVersion: current.version,
      now: now ?? '',
      rows: countRows(services),
      seedMs: performance.now() - started,
    };
  } finally {
    services.store.db.close();
  }
}

/** Twenty working groups with two repositories and four components each, through the app's sync. */
export function seedWorkingGroups(services: AppServices): void {
  services.store.workingGroups.sync(generateWorkingGroups(SEED_SIZES.workingGroups));
}

/** Forty releases through createRelease, each created four weeks before its week 1, in mixed zones. */
export function seedReleases(
  services: AppServices,
  clock: ReturnType<typeof adjustableClock>,
): SeededRelease[] {
  const first = DateTime.fromISO(FIRST_START, { zone: 'utc' });
  const releases: SeededRelease[] = [];
  for (let i = 0; i < SEED_SIZES.releases; i++) {
    const start = first.plus({ weeks: i * SEED_SIZES.weeksBetweenReleases });
    const startDate = start.toISODate() ?? '';
    const timeZone = TIME_ZONES[i % TIME_ZONES.length] ?? 'UTC';
    clock.set(start.minus({ weeks: 4 }).set({ hour: 9 }).toISO() ?? '');
    const { release } = createRelease(services, {
      version: `v1.${i}.0`,
      startDate,
      template: 'handbook-17w',
      timeZone,
      channel: `C0REL${String(i).padStart(4, '0')}`,
      actor: ACTOR,
    });
    releases.push({ version: release.version, startDate, timeZone });
  }
  return releases;
}

/** A sixteen-role team per release through importTeam, imported three weeks before week 1. */
export function seedTeams(
  services: AppServices,
  clock: ReturnType<typeof adjustableClock>,
  releases: SeededRelease[],
): void {
  const workingGroups = generateWorkingGroups(SEED_SIZES.workingGroups).map((g) => g.name);
  releases.forEach((release, releaseIndex) => {
    clock.set(DateTime.fromISO(release.startDate, { zone: 'utc' }).minus({ weeks: 3 }).toISO() ?? '');
    const yaml = generateTeamYaml({ version: release.version, releaseIndex, workingGroups });
    importTeam(services, { yaml, source: `bench/team-${release.version}.yml`, actor: ACTOR });
  });
}

/**
 * No workflow closes a release yet, so the status is set directly, as a decade-old database would
 * have it: everything but the current release is released.
 */
export function markEarlierReleasesReleased(services: AppServices, currentVersion: string): void {
  services.store.db.prepare(`UPDATE releases SET status = 'released' WHERE version <> ?`).run(currentVersion);
}

function countRows(services: AppServices): Record<string, number> {
  const { db } = services.store;
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    tables.map((table) => [table, db.prepare(`SELECT COUNT(*) FROM "${table}"`).pluck().get() as number]),
  );
}
