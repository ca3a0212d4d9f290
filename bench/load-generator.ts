import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { SignedRequest } from './signed-slash-command';

/** A request that takes this long counts as an error, so a stuck server cannot stall the run. */
const REQUEST_TIMEOUT_MS = 10_000;

export interface Answer {
  status: number;
  text: string;
  ms: number;
}

/** One POST; `agent: false` gives it a connection of its own. The body is kept only when asked. */
export function post(
  url: string,
  signed: SignedRequest,
  options: { agent: Agent | false; keepBody: boolean },
): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent: options.agent, headers: signed.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => {
        if (options.keepBody) chunks.push(chunk);
      });
      res.on('error', reject);
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          text: Buffer.concat(chunks).toString('utf8'),
          ms: performance.now() - started,
        }),
      );
    });
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(signed.body);
  });
}

export interface LoadOptions {
  url: string;
  connections: number;
  durationMs: number;
  /** Called per request, so each one carries a fresh timestamp and signature. */
  makeRequest: () => SignedRequest;
}

export interface LoadResult {
  connections: number;
  /** From the moment every connection was open to the last answer received. */
  elapsedMs: number;
  /** Every request sent, including each connection's unmeasured first one. */
  sent: number;
  ok: number;
  errors: number;
  /** `http_401`, `ECONNRESET`, `timeout`...: anything but a 200 is an error. */
  errorsByKind: Record<string, number>;
  /** Latency of every 200 answer, in milliseconds. */
  latenciesMs: number[];
}

/**
 * Keeps `connections` requests in flight over as many keep-alive connections for `durationMs`.
 * Each connection first sends one unmeasured request, so the clock starts once every connection is
 * open and the figures are of steady state, not of a hundred simultaneous TCP handshakes; then
 * each connection sends its next request as soon as its answer is in (closed loop).
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const agent = new Agent({
    keepAlive: true,
    maxSockets: options.connections,
    maxFreeSockets: options.connections,
  });
  const result: LoadResult = {
    connections: options.connections,
    elapsedMs: 0,
    sent: 0,
    ok: 0,
    errors: 0,
    errorsByKind: {},
    latenciesMs: [],
  };
  const countError = (kind: string) => {
    result.errors += 1;
    result.errorsByKind[kind] = (result.errorsByKind[kind] ?? 0) + 1;
  };
  const exchange = async (measured: boolean) => {
    result.sent += 1;
    try {
      const answer = await post(options.url, options.makeRequest(), { agent, keepBody: false });
      if (answer.status !== 200) countError(`http_${answer.status}`);
      else if (measured) {
        result.ok += 1;
        result.latenciesMs.push(answer.ms);
      }
    } catch (error) {
      countError((error as NodeJS.ErrnoException).code ?? (error as Error).message);
    }
  };
  let started = 0;
  let deadline = 0;
  const allConnected = barrier(options.connections, () => {
    started = performance.now();
    deadline = started + options.durationMs;
  });
  const connection = async () => {
    await exchange(false);
    await allConnected();
    while (performance.now() < deadline) await exchange(true);
  };
  await Promise.all(Array.from({ length: options.connections }, connection));
  result.elapsedMs = performance.now() - started;
  // A fresh agent per round: a connection the server closed while idle must not be reused.
  agent.destroy();
  return result;
}

/** Resolves for everyone once `parties` have arrived; `onOpen` runs once, just before. */
function barrier(parties: number, onOpen: () => void): () => Promise<void> {
  let arrived = 0;
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return () => {
    arrived += 1;
    if (arrived === parties) {
      onOpen();
      open();
    }
    return opened;
  };
}
