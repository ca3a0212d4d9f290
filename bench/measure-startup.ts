import { setTimeout as sleep } from 'node:timers/promises';
import type { SignedRequest } from './signed-slash-command';
import { startServerProcess } from './start-server-process';

export interface StartupRun {
  firstAnswerMs: number;
  listeningMs: number;
  rssIdleBytes: number;
  child: Record<string, number>;
}

export interface StartupFigures {
  runs: { ours: StartupRun[]; bare: StartupRun[] };
  /** Medians over the runs. */
  ours: { firstAnswerMs: number; rssIdleBytes: number };
  bare: { firstAnswerMs: number; rssIdleBytes: number };
  firstAnswerRatio: number;
  rssIdleRatio: number;
}

/** The middle value (the lower of the two middle ones for an even count). */
export const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? NaN;

/**
 * Start-up to the first answer and idle RSS, our app and bare Bolt started alternately `runs`
 * times each (ours, bare, ours, bare...), so a busy moment on the machine falls on both alike.
 */
export async function measureStartup(params: {
  runs: number;
  idleSettleMs: number;
  ours: { modulePath: string; env: Record<string, string> };
  bare: { modulePath: string; env: Record<string, string> };
  makeRequest: () => SignedRequest;
  log: (line: string) => void;
}): Promise<StartupFigures> {
  const runs: StartupFigures['runs'] = { ours: [], bare: [] };
  for (let run = 1; run <= params.runs; run++) {
    for (const name of ['ours', 'bare'] as const) {
      const server = await startServerProcess({ name, ...params[name], makeRequest: params.makeRequest });
      try {
        await sleep(params.idleSettleMs);
        const { rss } = await server.usage();
        runs[name].push({ ...server.startup, rssIdleBytes: rss });
        params.log(
          `   run ${run}/${params.runs}, ${name}: first answer ${server.startup.firstAnswerMs.toFixed(0)} ms, ` +
            `idle RSS ${(rss / 1024 / 1024).toFixed(1)} MiB`,
        );
      } finally {
        await server.stop();
      }
    }
  }
  const figures = (list: StartupRun[]) => ({
    firstAnswerMs: median(list.map((r) => r.firstAnswerMs)),
    rssIdleBytes: median(list.map((r) => r.rssIdleBytes)),
  });
  const ours = figures(runs.ours);
  const bare = figures(runs.bare);
  return {
    runs,
    ours,
    bare,
    firstAnswerRatio: ours.firstAnswerMs / bare.firstAnswerMs,
    rssIdleRatio: ours.rssIdleBytes / bare.rssIdleBytes,
  };
}
