import { z } from 'zod';

import { wallClockSeconds } from '../clock';
import { GitHubUnavailableError, type GitHubLimit } from './github-client';

/** What Octokit throws: a RequestError (an HTTP answer, or status 500 for a network failure). */
const RequestErrorShape = z.object({
  status: z.number(),
  message: z.string(),
  response: z
    .object({ headers: z.record(z.string(), z.union([z.string(), z.number(), z.undefined()])) })
    .optional(),
});

type RequestErrorShape = z.infer<typeof RequestErrorShape>;

/** The HTTP status GitHub answered with, or null when it never answered (network, timeout). */
export function answeredStatus(error: unknown): number | null {
  const parsed = RequestErrorShape.safeParse(error);
  if (!parsed.success || !parsed.data.response || isTimeout(error)) return null;
  return parsed.data.status;
}

function errorName(value: unknown): string {
  // Duck-typed: a DOMException from fetch is not always an `instanceof Error` (other realms, Jest).
  return typeof value === 'object' && value !== null && 'name' in value ? String(value.name) : '';
}

/** fetch aborted by the per-attempt deadline: Octokit rethrows it, or wraps it as the cause. */
function isTimeout(error: unknown): boolean {
  const cause = typeof error === 'object' && error !== null && 'cause' in error ? error.cause : undefined;
  return [errorName(error), errorName(cause)].some(
    (name) => name === 'TimeoutError' || name === 'AbortError',
  );
}

function header(error: RequestErrorShape, name: string): string | undefined {
  const value = error.response?.headers[name];
  return value === undefined ? undefined : String(value);
}

function secondsFromNow(seconds: number): Date {
  return new Date((wallClockSeconds() + seconds) * 1000);
}

/** A 403 or 429 that is a rate limit, with the moment GitHub says to come back (if it said). */
function rateLimit(error: RequestErrorShape): { retryAt: Date | null; limit: GitHubLimit } | null {
  if (error.status !== 403 && error.status !== 429) return null;
  const reset = Number(header(error, 'x-ratelimit-reset'));
  if (header(error, 'x-ratelimit-remaining') === '0') {
    return {
      limit: 'rate_limit',
      retryAt: Number.isFinite(reset) && reset > 0 ? new Date(reset * 1000) : null,
    };
  }
  const retryAfter = Number(header(error, 'retry-after'));
  if (Number.isFinite(retryAfter) || /secondary rate limit/i.test(error.message)) {
    const limit = 'secondary_rate_limit';
    return { limit, retryAt: Number.isFinite(retryAfter) ? secondsFromNow(retryAfter) : null };
  }
  return error.status === 429 ? { limit: 'rate_limit', retryAt: null } : null;
}

/**
 * Turns what Octokit threw into our vocabulary: GitHubUnavailableError when trying later may help
 * (5xx after retries, rate limits, timeouts, network), a plain Error saying what to fix otherwise.
 * `subject` names what was asked for, e.g. `kubeflow/manifests tag v1.10.0`.
 */
export function githubRequestFailure(error: unknown, subject: string, timeoutMs: number): Error {
  if (error instanceof GitHubUnavailableError) return error;
  if (isTimeout(error)) {
    return new GitHubUnavailableError(`GitHub did not answer within ${timeoutMs} ms (${subject})`);
  }
  const parsed = RequestErrorShape.safeParse(error);
  if (!parsed.success) return error instanceof Error ? error : new Error(String(error));
  const failure = parsed.data;
  const { status, message } = failure;
  if (!failure.response) {
    return new GitHubUnavailableError(`Could not reach GitHub (${subject}): ${message}`);
  }
  if (status >= 500) {
    return new GitHubUnavailableError(`GitHub answered ${status} (${subject}): ${message}`, null, status);
  }
  const limited = rateLimit(failure);
  if (limited) {
    const until = limited.retryAt ? ` until ${limited.retryAt.toISOString()}` : '';
    const kind = limited.limit === 'rate_limit' ? 'rate limit' : 'secondary rate limit';
    return new GitHubUnavailableError(
      `GitHub ${kind} reached${until} (${subject})`,
      limited.retryAt,
      status,
      limited.limit,
    );
  }
  if (status === 401) {
    return new Error(
      `GitHub refused GITHUB_TOKEN (401): ${message}. Check that the token is valid and has not expired.`,
    );
  }
  if (status === 403) {
    return new Error(
      `GitHub refused access to the repository (403, ${subject}): ${message}. ` +
        'Check that GITHUB_TOKEN may read it.',
    );
  }
  return new Error(`GitHub rejected the request (${status}, ${subject}): ${message}`);
}
