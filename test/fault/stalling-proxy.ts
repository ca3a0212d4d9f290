import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { startLoopbackServer } from '../fakes/loopback-server';

/**
 * Sits between the app and the fake Slack. A stalled Web API call is passed on (so Slack does
 * what was asked, e.g. stores the message) but its answer is held back for good: the app waits
 * for an answer that never comes, which is the moment to kill it.
 */
export interface StallingProxy {
  /** The value for SLACK_API_URL. */
  url: string;
  /** The next `count` calls to `method` are stalled. */
  stallNext(method: string, count?: number): void;
  /** Resolves with the arguments of the next stalled call, once Slack has done it. */
  nextStall(timeoutMs?: number): Promise<URLSearchParams>;
  close(): Promise<void>;
}

/** Starts a proxy on loopback in front of `targetApiUrl` (e.g. `fakeSlack.url`). */
export async function startStallingProxy(targetApiUrl: string): Promise<StallingProxy> {
  const target = new URL(targetApiUrl);
  const stalls = new Map<string, number>();
  const held: ServerResponse[] = [];
  const events = new EventEmitter();
  const stalled: URLSearchParams[] = [];

  const server = await startLoopbackServer(async (req, res, body) => {
    const method = new URL(req.url ?? '/', target).pathname.replace(/^\/api\//, '');
    const answer = await fetch(new URL(req.url ?? '/', target), {
      method: req.method ?? 'POST',
      headers: Object.fromEntries(
        ['content-type', 'authorization']
          .filter((name) => typeof req.headers[name] === 'string')
          .map((name) => [name, String(req.headers[name])]),
      ),
      ...(req.method === 'GET' ? {} : { body }),
    });
    const text = await answer.text();
    const left = stalls.get(method) ?? 0;
    if (left > 0) {
      stalls.set(method, left - 1);
      held.push(res);
      stalled.push(new URLSearchParams(body));
      events.emit('stall');
      return;
    }
    res.writeHead(answer.status, Object.fromEntries(answer.headers));
    res.end(text);
  });

  const origin = `http://127.0.0.1:${server.port}`;
  return {
    url: `${origin}${target.pathname}`,
    stallNext(method, count = 1) {
      stalls.set(method, (stalls.get(method) ?? 0) + count);
    },
    nextStall(timeoutMs = 10_000) {
      const taken = stalled.shift();
      if (taken) return Promise.resolve(taken);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          events.off('stall', onStall);
          reject(new Error(`no stalled call within ${timeoutMs} ms`));
        }, timeoutMs);
        const onStall = () => {
          clearTimeout(timer);
          resolve(stalled.shift() ?? new URLSearchParams());
        };
        events.once('stall', onStall);
      });
    },
    async close() {
      for (const res of held) res.destroy();
      await server.close();
    },
  };
}
