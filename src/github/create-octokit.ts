import type { Octokit } from '@octokit/rest';
import type { Logger } from '../logger';

export interface OctokitParams {
  baseUrl: string;
  token?: string;
  logger: Logger;
  /** Each attempt is aborted after this long; a timed-out attempt is not retried. */
  requestTimeoutMs: number;
  /** Off only where nothing may wait (the throttle then never retries a rate limit). */
  throttle: { enabled: boolean };
  /** One second of GitHub's Retry-After and of the retry backoff, in ms: 1000 except in tests. */
  retryDelayUnitMs: number;
}

/** Rate limits are waited out once, and only when GitHub asks for a minute or less. */
const LONGEST_WAIT_SECONDS = 60;
/** 5xx answers (and network errors) are tried this many more times, 1 s and then 4 s apart. */
const SERVER_ERROR_RETRIES = 2;
/** Answers a retry cannot change; 403 and 429 belong to the throttle, which decides about rate limits. */
const DO_NOT_RETRY = [400, 401, 403, 404, 409, 410, 422, 429, 451];

type OctokitPlugin = (octokit: { hook: Octokit['hook'] }) => object;

/**
 * Gives every attempt (a retry included) its own deadline. A timed-out attempt is not retried: the
 * caller learns at once that GitHub is slow instead of waiting three times as long.
 */
function requestTimeout(ms: number): OctokitPlugin {
  return (octokit) => {
    octokit.hook.wrap('request', async (request, options) => {
      const signal = AbortSignal.timeout(ms);
      // `options.request` may be the instance's shared defaults: replace it, don't mutate it.
      options.request = { ...options.request, signal };
      try {
        return await request(options);
      } catch (error) {
        if (signal.aborted) options.request.retries = 0;
        throw error;
      }
    });
    return {};
  };
}

/**
 * Octokit's log goes to ours at debug level: it reports every 404 and 304 as an error, and its
 * request log carries whole request options. Only the message text is kept, so no header (and no
 * token) can reach the log.
 */
function octokitLog(log: Logger): Record<'debug' | 'info' | 'warn' | 'error', (message: string) => void> {
  const write =
    (octokitLevel: string) =>
    (message: unknown): void => {
      log.debug({ octokitLevel }, typeof message === 'string' ? message : 'octokit');
    };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

/**
 * An Octokit with our timeout, throttling and retry policy, logging to `params.logger`. It is
 * built, and Octokit and its plugins loaded, on first use: most starts of kfrelease serve Slack
 * for a while before anything asks GitHub, and loading them takes about 30 ms at start.
 */
export function createOctokit(params: OctokitParams): Octokit {
  let built: Octokit | undefined;
  const octokit = () => (built ??= buildOctokit(params));
  return new Proxy({} as Octokit, { get: (_target, key) => Reflect.get(octokit(), key) as unknown });
}

function buildOctokit(params: OctokitParams): Octokit {
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded on first use, see createOctokit */
  const { retry } = require('@octokit/plugin-retry') as typeof import('@octokit/plugin-retry');
  const { throttling } = require('@octokit/plugin-throttling') as typeof import('@octokit/plugin-throttling');
  const { Octokit } = require('@octokit/rest') as typeof import('@octokit/rest');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const log = params.logger;
  const onLimit =
    (kind: 'primary' | 'secondary') =>
    (retryAfter: number, options: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
      const retrying = retryCount === 0 && retryAfter <= LONGEST_WAIT_SECONDS;
      log.warn(
        { kind, retryAfter, retrying, method: options.method, route: options.url },
        'GitHub rate limit reached',
      );
      return retrying;
    };
  const RateLimitedOctokit = Octokit.plugin(requestTimeout(params.requestTimeoutMs), throttling, retry);
  return new RateLimitedOctokit({
    baseUrl: params.baseUrl,
    ...(params.token ? { auth: params.token } : {}),
    userAgent: 'kfrelease',
    headers: { 'x-github-api-version': '2022-11-28' },
    log: octokitLog(log),
    throttle: params.throttle.enabled
      ? {
          retryAfterBaseValue: params.retryDelayUnitMs,
          onRateLimit: onLimit('primary'),
          onSecondaryRateLimit: onLimit('secondary'),
        }
      : { enabled: false },
    retry: {
      retries: SERVER_ERROR_RETRIES,
      doNotRetry: DO_NOT_RETRY,
      retryAfterBaseValue: params.retryDelayUnitMs,
    },
  });
}
