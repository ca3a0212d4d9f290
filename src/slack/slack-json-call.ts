import http from 'node:http';
import https from 'node:https';
import { z } from 'zod';

/** What every Slack Web API answer carries; the rest is for the caller to read. */
const slackAnswer = z.looseObject({ ok: z.boolean(), error: z.string().optional() });

/** A Slack Web API answer that said `ok: true`, with the method's own fields unread. */
export type SlackJsonAnswer = Record<string, unknown>;

/** Slack answered, and refused the call: `code` is its error code (`invalid_auth`). */
export class SlackRefusal extends Error {
  constructor(
    readonly method: string,
    readonly code: string,
  ) {
    super(`Slack refused ${method}: ${code}`);
    this.name = 'SlackRefusal';
  }
}

/** One pool of kept-alive connections per Slack API origin. */
const agents = new Map<string, http.Agent>();

function agentFor(url: URL): http.Agent {
  let agent = agents.get(url.origin);
  if (!agent) {
    // Idle sockets of a keep-alive agent are unref'd: they never hold the process open.
    agent =
      url.protocol === 'https:' ? new https.Agent({ keepAlive: true }) : new http.Agent({ keepAlive: true });
    agents.set(url.origin, agent);
  }
  return agent;
}

/**
 * Calls one Slack Web API method with a JSON body on a kept-alive connection, once, without
 * retrying, and gives Slack's answer. For the Home tab, published at every app_home_opened, and
 * the start's auth.test: Bolt's WebClient (its queue, retries and Node's fetch) costs about 1 ms of
 * CPU per call, and its first call at start about 60 ms more (compiling the fetch behind it); this
 * about 0.2 ms. Rejects with a SlackRefusal carrying Slack's error code (`invalid_auth`), or an
 * error naming the HTTP status or what was wrong with the answer; the message never holds the token.
 */
export function callSlackJson(
  target: { apiUrl: string; token: string },
  method: string,
  body: unknown,
  timeoutMs = 10_000,
): Promise<SlackJsonAnswer> {
  const url = new URL(method, target.apiUrl.endsWith('/') ? target.apiUrl : `${target.apiUrl}/`);
  const payload = JSON.stringify(body);
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = transport.request(
      url,
      {
        method: 'POST',
        agent: agentFor(url),
        timeout: timeoutMs,
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(payload),
          authorization: `Bearer ${target.token}`,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          if (response.statusCode !== 200) {
            reject(new Error(`Slack answered ${method} with HTTP ${response.statusCode ?? '?'}`));
            return;
          }
          let answer: z.infer<typeof slackAnswer>;
          try {
            answer = slackAnswer.parse(JSON.parse(Buffer.concat(chunks).toString('utf8')));
          } catch {
            reject(new Error(`Slack's answer to ${method} was not a Web API answer`));
            return;
          }
          if (answer.ok) resolve(answer);
          else reject(new SlackRefusal(method, answer.error ?? 'no error code given'));
        });
      },
    );
    request.on('timeout', () =>
      request.destroy(new Error(`Slack did not answer ${method} within ${timeoutMs} ms`)),
    );
    request.on('error', reject);
    request.end(payload);
  });
}
