import { createOctokit } from '../../src/github/create-octokit';
import { GitHubUnavailableError, type IssueRef } from '../../src/github/github-client';
import { createOctokitIssueLookups } from '../../src/github/octokit-issue-lookups';
import { createLogger } from '../../src/logger';
import { startFakeGitHub, type FakeGitHub } from '../fakes/fake-github';
import { sendJson, startLoopbackServer } from '../fakes/loopback-server';
import { issueLookupsFor } from '../helpers/blocker-harness';

const KFP = 'kubeflow/pipelines';
const ref = (full: string, number: number): IssueRef => {
  const [owner = '', repo = ''] = full.split('/');
  return { owner, repo, number };
};

describe('GraphQL issue lookups against the fake GitHub', () => {
  let github: FakeGitHub;

  beforeAll(async () => {
    github = await startFakeGitHub();
  });
  beforeEach(() => {
    github.reset();
    github.addRepo(KFP);
    github.addIssue(KFP, 1, {
      title: 'Crash',
      labels: ['kind/bug'],
      assignees: ['octo', 'cat'],
      updatedAt: '2026-05-01T00:00:00Z',
    });
    github.addIssue(KFP, 2, { title: 'Fix crash', state: 'merged', pull_request: true });
  });
  afterAll(() => github.close());

  it('answers issues and pull requests, and null for a missing number or repository', async () => {
    const { issues, requests, cost } = await issueLookupsFor(github).getIssues([
      ref(KFP, 1),
      ref(KFP, 2),
      ref(KFP, 404),
      ref('kubeflow/nope', 1),
    ]);
    expect(requests).toBe(1);
    expect(cost).toBe(1);
    expect(issues.get('kubeflow/pipelines#1')).toEqual({
      ref: ref(KFP, 1),
      title: 'Crash',
      state: 'open',
      isPullRequest: false,
      labels: ['kind/bug'],
      assignees: ['octo', 'cat'],
      url: 'https://github.com/kubeflow/pipelines/issues/1',
      updatedAt: '2026-05-01T00:00:00Z',
    });
    expect(issues.get('kubeflow/pipelines#2')).toMatchObject({
      state: 'merged',
      isPullRequest: true,
      url: 'https://github.com/kubeflow/pipelines/pull/2',
    });
    expect(issues.get('kubeflow/pipelines#404')).toBeNull();
    expect(issues.get('kubeflow/nope#1')).toBeNull();
    github.assertNoUnexpectedRequests();
  });

  it('sends one query per 100 issues, with a fragment per type and the rate limit', async () => {
    const refs = Array.from({ length: 250 }, (_, i) => ref(KFP, i + 1));
    const { issues, requests, cost } = await issueLookupsFor(github).getIssues(refs);
    expect([requests, cost, issues.size]).toEqual([3, 3, 250]);
    const queries = github.requestsTo('POST', '/graphql').map((r) => (r.body as { query: string }).query);
    expect(queries).toHaveLength(3);
    expect(queries[0]).toContain('i99: repository(owner: "kubeflow", name: "pipelines")');
    expect(queries[0]).not.toContain('i100:');
    expect(queries[0]).toContain('rateLimit { cost remaining resetAt }');
    expect(queries[0]).toContain('fragment issueFields on Issue');
    expect(queries[0]).toContain('fragment pullFields on PullRequest');
  });

  it('asks once for a reference given twice, and answers each as given', async () => {
    const { issues, requests } = await issueLookupsFor(github).getIssues([
      ref(KFP, 1),
      ref('Kubeflow/Pipelines', 1),
    ]);
    expect(requests).toBe(1);
    const query = (github.requestsTo('POST', '/graphql')[0]?.body as { query: string }).query;
    expect(query.match(/issueOrPullRequest/g)).toHaveLength(1);
    expect(issues.get('Kubeflow/Pipelines#1')?.ref).toEqual(ref('Kubeflow/Pipelines', 1));
  });

  it('asks nothing for no references, and refuses a reference that could break the query', async () => {
    expect(await issueLookupsFor(github).getIssues([])).toEqual({ issues: new Map(), requests: 0, cost: 0 });
    await expect(issueLookupsFor(github).getIssues([ref('kubeflow/a") { x }', 1)])).rejects.toThrow(
      'not an issue reference',
    );
    expect(github.requests).toHaveLength(0);
  });

  it.each([
    [
      'a 500 after the retries',
      () => [1, 2, 3].forEach(() => github.failNext('/graphql', { status: 500 })),
      500,
    ],
    ['a rate limit', () => github.failNext('/graphql', { rateLimited: true, resetInSeconds: 600 }), 403],
  ])('turns %s into GitHubUnavailableError', async (_case, fail, status) => {
    fail();
    const error = await issueLookupsFor(github)
      .getIssues([ref(KFP, 1)])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubUnavailableError);
    expect((error as GitHubUnavailableError).status).toBe(status);
  });
});

describe('a GraphQL RATE_LIMITED answer', () => {
  it.each([true, false])(
    'becomes GitHubUnavailableError carrying GitHub’s reset (throttle on: %s)',
    async (enabled) => {
      const reset = Math.floor(Date.now() / 1000) + 900;
      const server = await startLoopbackServer((_req, res) =>
        sendJson(
          res,
          200,
          { data: null, errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded' }] },
          { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
        ),
      );
      try {
        const logger = createLogger('silent');
        const octokit = createOctokit({
          baseUrl: `http://127.0.0.1:${server.port}`,
          logger,
          requestTimeoutMs: 2000,
          throttle: { enabled },
          retryDelayUnitMs: 1,
        });
        const error = await createOctokitIssueLookups(octokit, { logger, timeoutMs: 2000 })
          .getIssues([ref(KFP, 1)])
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(GitHubUnavailableError);
        expect((error as GitHubUnavailableError).retryAt?.getTime()).toBe(reset * 1000);
      } finally {
        await server.close();
      }
    },
  );
});
