import { GitHubUnavailableError } from '../../src/github/github-client';
import { answeredStatus, githubRequestFailure } from '../../src/github/github-request-failure';

/** The shape Octokit's RequestError has: status, message and, when GitHub answered, the response. */
function answer(status: number, message: string, headers: Record<string, string> = {}) {
  return Object.assign(new Error(message), { status, response: { status, headers, data: { message } } });
}

const networkDown = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { status: 500 });
const timedOut = Object.assign(new Error('Unknown Error'), {
  status: 500,
  cause: { name: 'TimeoutError', message: 'The operation was aborted due to timeout' },
});

describe('githubRequestFailure', () => {
  it.each([
    ['a 503', answer(503, 'Service Unavailable'), 503, /GitHub answered 503/],
    ['a 429 without headers', answer(429, 'Too Many Requests'), 429, /rate limit/],
    ['a network failure', networkDown, null, /Could not reach GitHub/],
    ['a timeout', timedOut, null, /did not answer within 10000 ms/],
  ])('%s: GitHub is unavailable', (_case, error, status, message) => {
    const failure = githubRequestFailure(error, 'kubeflow/manifests tags/v1', 10_000);
    expect(failure).toBeInstanceOf(GitHubUnavailableError);
    expect(failure).toMatchObject({ status, message: expect.stringMatching(message) });
  });

  it('takes retryAt from x-ratelimit-reset and from Retry-After', () => {
    const primary = answer(403, 'API rate limit exceeded', {
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': '1800000000',
    });
    const secondary = answer(429, 'slow down', { 'retry-after': '120' });
    expect(githubRequestFailure(primary, 'x', 1)).toMatchObject({
      retryAt: new Date(1_800_000_000_000),
      status: 403,
    });
    const retryAt = (githubRequestFailure(secondary, 'x', 1) as GitHubUnavailableError).retryAt;
    expect((retryAt?.getTime() ?? 0) - Date.now()).toBeGreaterThan(110_000);
  });

  it.each([
    [
      'x-ratelimit-remaining: 0 on a 403',
      answer(403, 'API rate limit exceeded', {
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': '1800000000',
      }),
      'rate_limit',
    ],
    ['a 429 without headers', answer(429, 'Too Many Requests'), 'rate_limit'],
    ['Retry-After on a 403', answer(403, 'slow down', { 'retry-after': '60' }), 'secondary_rate_limit'],
    ['a 403 saying so', answer(403, 'You have exceeded a secondary rate limit.'), 'secondary_rate_limit'],
    ['a 503', answer(503, 'Service Unavailable'), null],
    ['a timeout', timedOut, null],
  ])(
    'tells a rate limit (%s) from GitHub being slow or down, so the form can say which',
    (_case, error, limit) => {
      expect(githubRequestFailure(error, 'x', 1)).toMatchObject({ limit });
    },
  );

  it.each([
    ['a 401', answer(401, 'Bad credentials'), /^GitHub refused GITHUB_TOKEN \(401\): Bad credentials/],
    [
      'a 403 that is no rate limit',
      answer(403, 'Resource not accessible'),
      /refused access to the repository/,
    ],
    ['a 410', answer(410, 'Repository access blocked'), /rejected the request \(410/],
  ])('%s: a plain error saying what to fix', (_case, error, message) => {
    const failure = githubRequestFailure(error, 'kubeflow/manifests', 1);
    expect(failure).not.toBeInstanceOf(GitHubUnavailableError);
    expect(failure.message).toMatch(message);
  });

  it('reads the status only from an answer', () => {
    expect(answeredStatus(answer(404, 'Not Found'))).toBe(404);
    expect(answeredStatus(networkDown)).toBeNull();
    expect(answeredStatus(timedOut)).toBeNull();
    expect(answeredStatus(new Error('boom'))).toBeNull();
  });
});
