import type { LevelFigures } from './compare-under-load';
import type { AnswerCaseFigures } from './measure-answers';
import type { GrowthRow } from './measure-growth';
import type { StartupFigures } from './measure-startup';
import type { BlockerSyncFigures } from './measure-blocker-sync';
import type { ModalCaseFigures } from './measure-modal-ack';
import type { SchedulerFigures } from './measure-scheduler';
import type { StatusAssemblyResult } from './measure-status-assembly';

export interface TargetResult {
  name: string;
  /** The target as a person reads it, e.g. `>= 0.7`. */
  target: string;
  value: number;
  unit: string;
  /** Null for a figure reported beside the targets that has none. */
  met: boolean | null;
  /** Set when no issue names this target and the bench proposes one. */
  proposed?: boolean;
}

/** Slack closes a modal with an error when the answer to its submission takes longer than this. */
export const MODAL_ANSWER_LIMIT_MS = 3_000;
/** Issue 4: GitHub requests, and rate-limit points, per sync of 300 tracked issues. */
export const SYNC_BUDGET = 10;
/** Proposed: the minute tick runs on the event loop that answers Slack, as does status (p99 < 50 ms). */
export const TICK_MS = 50;
/** Proposed: the first tick after start computes every release's occurrences before any are cached. */
export const FIRST_TICK_MS = 500;
/** Proposed: `kfrelease rehearse` is typed at a terminal and waited for. */
export const REHEARSE_MS = 1_000;

const below = (name: string, value: number, limit: number, unit: string, proposed = false): TargetResult => ({
  name,
  target: `< ${limit.toLocaleString('en-US')}`,
  value,
  unit,
  met: value < limit,
  ...(proposed ? { proposed } : {}),
});
const atMost = (name: string, value: number, limit: number, unit: string): TargetResult => ({
  name,
  target: `<= ${limit}`,
  value,
  unit,
  met: value <= limit,
});

/**
 * Throughput within 70% of bare Bolt at every level, p99 under 50 ms at 100 connections, status
 * under 2 ms; the revision form answered within 3 s in every case (issue 3); at most 10 GitHub
 * requests and points per blocker sync (issue 4); the scheduler's figures against proposed limits
 * (issue 5).
 */
export function evaluateTargets(params: {
  load: LevelFigures[];
  statusAssembly: StatusAssemblyResult;
  modal: ModalCaseFigures[];
  blockerSync: BlockerSyncFigures;
  scheduler: SchedulerFigures;
  answers: AnswerCaseFigures[];
  growth: GrowthRow[];
  startup: StartupFigures;
}): TargetResult[] {
  // Issue 18: cached status within 90% of bare Bolt (issue 2 asked for 70%).
  const ratios = params.load.map((level): TargetResult => ({
    name: `cached status throughput ours/bare at ${level.connections} connections`,
    target: '>= 0.9',
    value: level.throughputRatio,
    unit: 'ratio',
    met: level.throughputRatio >= 0.9,
  }));
  const at100 = params.load.find((level) => level.connections === 100);
  const p99 = at100?.ours.p99 ?? Number.NaN;
  const { blockerSync: sync, scheduler } = params;
  return [
    ...ratios,
    ...answerTargets(params.answers, params.growth),
    atMost(
      'start-up to the first answer, ours/bare (median of 3)',
      params.startup.firstAnswerRatio,
      1.5,
      'ratio',
    ),
    atMost('idle RSS, ours/bare (median of 3)', params.startup.rssIdleRatio, 1.3, 'ratio'),
    { name: 'our p99 at 100 connections', target: '< 50', value: p99, unit: 'ms', met: p99 < 50 },
    below('status assembly median (in-process)', params.statusAssembly.p50, 2, 'ms'),
    ...params.modal.map((c) =>
      below(
        `revision form answer p99, GitHub ${c.github}${c.github === 'slow' ? ` (${c.githubDelayMs / 1000} s)` : ''}, ${c.concurrency} at once`,
        c.p99,
        MODAL_ANSWER_LIMIT_MS,
        'ms',
      ),
    ),
    ...(
      [
        ['first run', sync.first],
        ['unchanged re-run', sync.rerun],
      ] as const
    ).flatMap(([run, figures]) => [
      atMost(
        `blocker sync of ${sync.trackedIssues}, ${run}: GitHub requests`,
        figures.requestsReceived,
        SYNC_BUDGET,
        'requests',
      ),
      atMost(
        `blocker sync of ${sync.trackedIssues}, ${run}: rate-limit points`,
        figures.points,
        SYNC_BUDGET,
        'points',
      ),
      // Issue 4 sets its targets in requests and points; the time is reported beside them.
      {
        name: `blocker sync of ${sync.trackedIssues}, ${run}: time`,
        target: 'none',
        value: figures.ms,
        unit: 'ms',
        met: null,
      },
    ]),
    below(
      `rehearse a whole cycle, median (${scheduler.releases} releases)`,
      scheduler.rehearse.p50,
      REHEARSE_MS,
      'ms',
      true,
    ),
    below(
      `computeDue, first tick (${scheduler.activeReleases} active releases)`,
      scheduler.computeDue.firstTickMs,
      FIRST_TICK_MS,
      'ms',
      true,
    ),
    below(
      `computeDue per tick, median (${scheduler.activeReleases} active releases)`,
      scheduler.computeDue.ticks.p50,
      TICK_MS,
      'ms',
      true,
    ),
  ];
}

/** Answers the growth table holds the current release's size for: 10x is 5,000 tracked issues. */
const GROWN = 10;

/**
 * Issue 18: uncached status at most 1 ms of CPU and 5x bare Bolt's per request; the other answers
 * at most 2 ms on the 10-year database (over HTTP) and 20 ms with 5,000 tracked issues in the
 * current release (the growth table, in-process).
 */
function answerTargets(answers: AnswerCaseFigures[], growth: GrowthRow[]): TargetResult[] {
  const targets: TargetResult[] = [];
  for (const answer of answers) {
    const cpu = answer.ours.cpuMsPerRequest;
    if (answer.name === 'status, uncached') {
      targets.push(atMost('uncached status: CPU per answer', cpu, 1, 'ms'));
      targets.push(
        atMost(
          "uncached status: CPU per answer / bare Bolt's",
          cpu / answer.bare.cpuMsPerRequest,
          5,
          'ratio',
        ),
      );
    } else targets.push(atMost(`${answer.name}: CPU per answer`, cpu, 2, 'ms'));
  }
  const grown = growth.find((row) => row.factor === GROWN);
  for (const [name, cpu] of Object.entries(grown?.cpuMs ?? {})) {
    if (name === 'status, uncached') continue;
    targets.push(
      atMost(
        `${name} with ${grown?.trackedIssues} tracked issues: CPU per answer (in-process)`,
        cpu,
        20,
        'ms',
      ),
    );
  }
  return targets;
}
