import { readFileSync } from 'node:fs';
/**
 * The messages a benchmarked server process and the bench exchange over the fork IPC channel.
 * Both children (our app and the bare Bolt app) speak the same protocol, so the bench treats them alike.
 */
export type ChildMessage =
  | { type: 'ready'; url: string; startupDetails: Record<string, number> }
  | { type: 'failed'; error: string }
  | ({ type: 'usage'; id: number } & ProcessUsage);

export type ParentMessage = { type: 'usage'; id: number } | { type: 'stop' };

/** What a child reports about itself: memory now, and CPU time used since it started. */
export interface ProcessUsage {
  rss: number;
  heapUsed: number;
  /** User plus system CPU time, in microseconds. */
  cpuMicros: number;
  /**
   * CPU time of the main thread alone (Linux: /proc/self/task/<pid>/schedstat), in microseconds;
   * null elsewhere. On an idle machine with a core to spare, work in other threads (the start-up
   * worker, GC helpers) does not delay an answer, so this is the start-up's critical path.
   */
  mainThreadCpuMicros: number | null;
}

function mainThreadCpuMicros(): number | null {
  try {
    const nanos = Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]);
    return Number.isFinite(nanos) ? nanos / 1000 : null;
  } catch {
    return null;
  }
}

function send(message: ChildMessage): void {
  if (!process.send) throw new Error('this process must be started by the bench (child_process.fork)');
  process.send(message);
}

/** Tells the bench where the server listens, then answers its usage questions until told to stop. */
export function reportReady(
  url: string,
  startupDetails: Record<string, number>,
  stop: () => Promise<void>,
): void {
  process.on('message', (message: ParentMessage) => {
    if (message.type === 'usage') {
      const { rss, heapUsed } = process.memoryUsage();
      const { user, system } = process.cpuUsage();
      send({
        type: 'usage',
        id: message.id,
        rss,
        heapUsed,
        cpuMicros: user + system,
        mainThreadCpuMicros: mainThreadCpuMicros(),
      });
      return;
    }
    void stop().finally(() => process.exit(0));
  });
  // Without the bench there is nobody to answer: a parent that died must not leave a server behind.
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready', url, startupDetails });
}

/** Reports a start-up failure to the bench and exits. */
export function reportFailure(error: unknown): void {
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  send({ type: 'failed', error: text });
  process.exitCode = 1;
  process.disconnect?.();
}
