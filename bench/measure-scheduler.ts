import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DateTime } from 'luxon';
import { fixedClock } from '../src/clock';
import { computeDue } from '../src/workflows/compute-due';
import { rehearse } from '../src/workflows/rehearse';
import { runDueJobs } from '../src/workflows/run-due-jobs';
import { benchConfig, benchEnvironment } from './bench-environment';
import { buildBenchServices } from './build-bench-services';
import { seedDatabase } from './seed-database';
import { summarizeLatencies, type LatencySummary } from './summarize-latencies';

export const SCHEDULER_RELEASES = 20;

export interface SchedulerFigures {
  releases: number;
  /** Releases computeDue looks at: no workflow closes a release yet, so all of them. */
  activeReleases: number;
  rows: Record<string, number>;
  seedMs: number;
  now: string;
  rehearse: LatencySummary & {
    version: string;
    from: string;
    to: string;
    posts: number;
    /** The first rehearsal, included in the summary. */
    firstMs: number;
  };
  computeDue: {
    /** The first tick of a fresh process: every release's occurrences computed and cached. */
    firstTickMs: number;
    /** What that first tick found due: to run now, and past (to skip) for the releases long over. */
    firstTickDue: { run: number; skip: number };
    /** runDueJobs on that first tick: runs and records what is due, skips and records the rest. */
    catchUpMs: number;
    /** Later ticks, one minute apart, once the catch-up is recorded. */
    ticks: LatencySummary;
  };
}

/**
 * The scheduler's two computations on a fresh database holding twenty releases 13 weeks apart,
 * each with its team, its weekly meeting, and the same revisions and tracked issues per release
 * as the main database (125 and 500), all still active, with the clock in the newest release's
 * feature freeze: `rehearse` over the newest release's whole cycle (from its creation to its last
 * phase's end), and `computeDue` for one tick of the minute scheduler.
 */
export function measureScheduler(params: {
  workDir: string;
  signingSecret: string;
  rehearsals: number;
  ticks: number;
}): SchedulerFigures {
  const env = benchEnvironment({
    databasePath: join(params.workDir, 'scheduler.db'),
    signingSecret: params.signingSecret,
    slackApiUrl: 'http://127.0.0.1:9/api/',
    githubApiUrl: 'http://127.0.0.1:9',
  });
  const seeded = seedDatabase(benchConfig(env), {
    releases: SCHEDULER_RELEASES,
    closeEarlierReleases: false,
    meetings: true,
  });
  const services = buildBenchServices(benchConfig(env), fixedClock(seeded.now));
  try {
    const current = seeded.releases[seeded.releases.length - 1];
    if (!current) throw new Error('no release seeded');
    const from = DateTime.fromISO(current.startDate).minus({ weeks: 4 }).toISODate() ?? '';
    const rehearsalMs: number[] = [];
    let rehearsal: ReturnType<typeof rehearse> | undefined;
    for (let i = 0; i < params.rehearsals; i++) {
      const started = performance.now();
      rehearsal = rehearse(services, { version: current.version, from });
      rehearsalMs.push(performance.now() - started);
    }

    const now = DateTime.fromISO(seeded.now, { zone: 'utc' });
    let started = performance.now();
    const due = computeDue(services, now);
    const firstTickMs = performance.now() - started;
    started = performance.now();
    runDueJobs(services, now);
    const catchUpMs = performance.now() - started;
    const tickMs: number[] = [];
    for (let i = 1; i <= params.ticks; i++) {
      started = performance.now();
      computeDue(services, now.plus({ minutes: i }));
      tickMs.push(performance.now() - started);
    }
    return {
      releases: seeded.releases.length,
      activeReleases: services.store.releases.list().filter((r) => r.status === 'live').length,
      rows: seeded.rows,
      seedMs: seeded.seedMs,
      now: seeded.now,
      rehearse: {
        ...summarizeLatencies(rehearsalMs),
        version: current.version,
        from: rehearsal?.from ?? from,
        to: rehearsal?.to ?? '',
        posts: rehearsal?.posts.length ?? 0,
        firstMs: rehearsalMs[0] ?? Number.NaN,
      },
      computeDue: {
        firstTickMs,
        firstTickDue: {
          run: due.reduce((sum, d) => sum + d.run.length, 0),
          skip: due.reduce((sum, d) => sum + d.skip.length, 0),
        },
        catchUpMs,
        ticks: summarizeLatencies(tickMs),
      },
    };
  } finally {
    services.store.db.close();
  }
}
