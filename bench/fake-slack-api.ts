import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeSlackApi {
  /** Ends with `/api/`, like https://slack.com/api/. */
  url: string;
  /**
   * Where GitHub calls go: nothing should call GitHub while answering status, and the bench must
   * never reach the real api.github.com. Any call here is answered 404 and counted.
   */
  githubUrl: string;
  /** Calls per Web API method, e.g. `{ 'auth.test': 2 }`; GitHub calls as `github <path>`. */
  calls: Record<string, number>;
  /** Anything but auth.test (and posts, when accepted): none is expected while answering a slash command. */
  unexpected(): string[];
  close(): Promise<void>;
}

const AUTH_TEST = {
  ok: true,
  url: 'https://bench.slack.com/',
  team: 'bench',
  user: 'kfrelease',
  team_id: 'T1',
  user_id: 'U0BOT',
  bot_id: 'B0BOT',
};

/**
 * What the outbox needs to deliver a post, for the app that handles revision submissions: its
 * notices are part of the work, not background noise.
 */
const POSTING: Record<string, () => object> = {
  'chat.postMessage': () => ({ ok: true, channel: 'C0BENCH', ts: `${Math.floor(Date.now() / 1000)}.000100` }),
  'conversations.open': () => ({ ok: true, channel: { id: 'D0BENCH' } }),
  'conversations.history': () => ({ ok: true, messages: [], has_more: false }),
};

/**
 * A loopback Slack Web API that knows auth.test, all Bolt asks at start-up, and refuses the rest;
 * GitHub 404s. With `acceptPosts` it also takes posts and direct messages (and counts them as
 * expected); with `acceptViews`, Home tabs published (views.publish).
 */
export async function startFakeSlackApi(
  options: { acceptPosts?: boolean; acceptViews?: boolean } = {},
): Promise<FakeSlackApi> {
  const calls: Record<string, number> = {};
  const known = (method: string | null) =>
    method === 'auth.test' ||
    (options.acceptViews === true && method === 'views.publish') ||
    (options.acceptPosts === true && method !== null && method in POSTING);
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0] ?? '';
      const slackMethod = path.startsWith('/api/') ? path.slice('/api/'.length) : null;
      const call = slackMethod ?? `github ${req.method} ${path.replace(/^\/github/, '')}`;
      calls[call] = (calls[call] ?? 0) + 1;
      const body =
        slackMethod === 'auth.test'
          ? AUTH_TEST
          : known(slackMethod)
            ? (POSTING[slackMethod ?? '']?.() ?? { ok: true })
            : { ok: false, error: 'unknown_method', message: 'Not Found' };
      res.writeHead(slackMethod ? 200 : 404, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/`,
    githubUrl: `http://127.0.0.1:${port}/github`,
    calls,
    unexpected: () => Object.keys(calls).filter((method) => !known(method)),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
