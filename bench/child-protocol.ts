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
      send({ type: 'usage', id: message.id, rss, heapUsed, cpuMicros: user + system });
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
