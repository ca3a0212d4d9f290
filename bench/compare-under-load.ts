import { runLoad, type LoadResult } from './load-generator';
import type { SignedRequest } from './signed-slash-command';
import type { ServerProcess } from './start-server-process';
import { summarizeLatencies, type LatencySummary } from './summarize-latencies';

const MEMORY_SAMPLE_EVERY_MS = 250;

export interface RoundFigures {
  requestsPerSecond: number;
  cpuMsPerRequest: number;
  p50: number;
  p99: number;
  errors: number;
}

export interface AppLoadFigures extends LatencySummary {
  requestsPerSecond: number;
  /**
   * The server process's CPU time per request: unlike throughput, barely moved by other work on
   * the machine, since time spent waiting for a core is not counted.
   */
  cpuMsPerRequest: number;
  ok: number;
  errors: number;
  errorsByKind: Record<string, number>;
  rounds: RoundFigures[];
  /** Sampled from the child during its measured rounds, at the level chosen for memory sampling. */
  rssUnderLoad: { peak: number; median: number; samples: number } | null;
}

export interface LevelFigures {
  connections: number;
  ours: AppLoadFigures;
  bare: AppLoadFigures;
  /** Our throughput divided by the bare Bolt app's. */
  throughputRatio: number;
  /** The bare app's CPU per request divided by ours: the same ratio, less shaken by a busy machine. */
  cpuRatio: number;
}

export interface CompareOptions {
  ours: ServerProcess;
  bare: ServerProcess;
  levels: number[];
  rounds: number;
  roundMs: number;
  warmupMs: number;
  /** The level at which each child's RSS is sampled while it is under load. */
  sampleMemoryAt: number;
  makeRequest: () => SignedRequest;
  log: (line: string) => void;
}

/**
 * For each level of concurrency: a warm-up for each app, then short measured rounds alternating
 * ours, bare, ours, bare, so noise on the machine falls on both alike.
 */
export async function compareUnderLoad(options: CompareOptions): Promise<LevelFigures[]> {
  const figures: LevelFigures[] = [];
  for (const connections of options.levels) {
    const apps = [options.ours, options.bare];
    for (const app of apps) await load(options, app, connections, options.warmupMs);
    const runs = new Map<ServerProcess, Run>(apps.map((app) => [app, { results: [], cpuMs: [], rss: [] }]));
    for (let round = 1; round <= options.rounds; round++) {
      for (const app of apps) {
        const run = runs.get(app);
        if (!run) continue;
        const cpuBefore = (await app.usage()).cpuMicros;
        const sampling = connections === options.sampleMemoryAt ? sampleRss(app, run.rss) : null;
        const result = await load(options, app, connections, options.roundMs);
        await sampling?.stop();
        const cpuMs = ((await app.usage()).cpuMicros - cpuBefore) / 1000;
        run.results.push(result);
        run.cpuMs.push(cpuMs);
        const summary = summarizeLatencies(result.latenciesMs);
        options.log(
          `  ${connections} connections, round ${round}/${options.rounds}, ${app.name.padEnd(4)}: ` +
            `${rps(result).toFixed(0)} req/s, p50 ${summary.p50.toFixed(2)} ms, ` +
            `p99 ${summary.p99.toFixed(2)} ms, ${(cpuMs / result.sent).toFixed(3)} ms CPU/request, ` +
            `${result.errors} errors`,
        );
      }
    }
    const ours = combine(runs.get(options.ours));
    const bare = combine(runs.get(options.bare));
    figures.push({
      connections,
      ours,
      bare,
      throughputRatio: ours.requestsPerSecond / bare.requestsPerSecond,
      cpuRatio: bare.cpuMsPerRequest / ours.cpuMsPerRequest,
    });
  }
  return figures;
}

interface Run {
  results: LoadResult[];
  /** The server's CPU time during each round, in ms. */
  cpuMs: number[];
  rss: number[];
}

function load(options: CompareOptions, app: ServerProcess, connections: number, durationMs: number) {
  return runLoad({ url: app.eventsUrl, connections, durationMs, makeRequest: options.makeRequest });
}

const rps = (result: LoadResult) => result.ok / (result.elapsedMs / 1000);

/** Asks for RSS every 250 ms; a busy child answers late, so a new question waits for the last answer. */
function sampleRss(app: ServerProcess, into: number[]): { stop(): Promise<void> } {
  let pending: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (pending) return;
    pending = app
      .usage()
      .then(({ rss }) => void into.push(rss))
      // A question not answered within the IPC timeout is a missing sample; the count is reported.
      .catch(() => undefined)
      .finally(() => {
        pending = null;
      });
  }, MEMORY_SAMPLE_EVERY_MS);
  return {
    stop: async () => {
      clearInterval(timer);
      await pending;
    },
  };
}

function combine(run: Run | undefined): AppLoadFigures {
  const results = run?.results ?? [];
  const cpuMs = run?.cpuMs ?? [];
  const sent = results.reduce((sum, r) => sum + r.sent, 0);
  const ok = results.reduce((sum, r) => sum + r.ok, 0);
  const elapsedMs = results.reduce((sum, r) => sum + r.elapsedMs, 0);
  const errorsByKind: Record<string, number> = {};
  for (const r of results) {
    for (const [kind, n] of Object.entries(r.errorsByKind))
      errorsByKind[kind] = (errorsByKind[kind] ?? 0) + n;
  }
  const rss = [...(run?.rss ?? [])].sort((a, b) => a - b);
  return {
    ...summarizeLatencies(results.flatMap((r) => r.latenciesMs)),
    requestsPerSecond: elapsedMs > 0 ? ok / (elapsedMs / 1000) : 0,
    cpuMsPerRequest: sent > 0 ? cpuMs.reduce((sum, value) => sum + value, 0) / sent : Number.NaN,
    ok,
    errors: results.reduce((sum, r) => sum + r.errors, 0),
    errorsByKind,
    rounds: results.map((r, index) => {
      const summary = summarizeLatencies(r.latenciesMs);
      return {
        requestsPerSecond: rps(r),
        cpuMsPerRequest: (cpuMs[index] ?? Number.NaN) / r.sent,
        p50: summary.p50,
        p99: summary.p99,
        errors: r.errors,
      };
    }),
    rssUnderLoad:
      rss.length > 0
        ? {
            peak: rss[rss.length - 1] ?? 0,
            median: rss[Math.floor((rss.length - 1) / 2)] ?? 0,
            samples: rss.length,
          }
        : null,
  };
}
