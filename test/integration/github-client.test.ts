import { Writable } from 'node:stream';

import pino from 'pino';

import { GitHubUnavailableError, type GitHubClient } from '../../src/github/github-client';
import {
  createOctokitGitHubClient,
  type OctokitGitHubClientParams,
} from '../../src/github/octokit-github-client';
import { startFakeGitHub, type FakeGitHub } from '../fakes/fake-github';
import { fakeSha } from '../fakes/fake-github-model';

const REPO = 'kubeflow/manifests';
const TOKEN = 'ghp_fakeTokenThatMustNeverBeLogged0000';
const A = fakeSha('a');
const B = fakeSha('b');
const C = fakeSha('c');
const D = fakeSha('d');
const TAG_PATH = `/repos/${REPO}/git/ref/tags/v1.10.0`;
const RELEASE_PATH = `/repos/${REPO}/releases/tags/v1.10.0`;

/** A pino logger at trace level writing into memory, so a test can read everything logged. */
function memoryLogger(): { logger: pino.Logger; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { logger: pino({ level: 'trace' }, stream), lines };
}

function seed(github: FakeGitHub): void {
  // A - B - C  master;  A - D  release/v1.10
  github.addRepo(REPO, { defaultBranch: 'master' });
  github.addCommit(REPO, A, [], { message: 'initial' });
  github.addCommit(REPO, B, [A], { message: 'add manifests' });
  github.addCommit(REPO, C, [B], { message: 'bump images' });
  github.addCommit(REPO, D, [A], { message: 'cherry-pick fix' });
  github.addBranch(REPO, 'master', C);
  github.addBranch(REPO, 'release/v1.10', D);
  github.addTag(REPO, 'v1.10.0', B);
  github.addTag(REPO, 'v1.10.1', D, { annotated: true, message: 'Kubeflow v1.10.1' });
  github.addTag(REPO, 'v1.11', B);
  github.addBranch(REPO, 'v1.11', C);
  github.addRelease(REPO, { tag: 'v1.10.0', name: 'Kubeflow v1.10.0', body: 'notes' });
  github.addRelease(REPO, { tag: 'v1.10.1', draft: true });
  github.addPullRequest(REPO, 101, {
    title: 'Add manifests',
    labels: ['release-note', 'area/manifests'],
    commits: [A, B],
  });
  github.addPullRequest(REPO, 102, { title: 'Bump images', labels: [], commits: [C] });
}

describe('Octokit GitHub client against the fake GitHub', () => {
  let github: FakeGitHub;
  let lines: string[];
  let client: GitHubClient;
  const connect = (options: Partial<OctokitGitHubClientParams> = {}): GitHubClient => {
    const memory = memoryLogger();
    lines = memory.lines;
    return createOctokitGitHubClient({
      baseUrl: github.url,
      token: TOKEN,
      logger: memory.logger,
      requestTimeoutMs: 2000,
      retryDelayUnitMs: 5,
      ...options,
    });
  };

  beforeAll(async () => {
    github = await startFakeGitHub();
  });
  beforeEach(() => {
    github.reset();
    seed(github);
    client = connect();
  });
  afterEach(() => github.assertNoUnexpectedRequests());
  afterAll(() => github.close());

  describe('resolveRevision', () => {
    it.each([
      ['a lightweight tag', 'v1.10.0', { kind: 'tag', name: 'v1.10.0', sha: B }],
      ['an annotated tag, peeled', 'v1.10.1', { kind: 'tag', name: 'v1.10.1', sha: D }],
      ['a branch', 'master', { kind: 'branch', name: 'master', sha: C }],
      ['a branch with a slash', 'release/v1.10', { kind: 'branch', name: 'release/v1.10', sha: D }],
      ['a tag before a branch of the same name', 'v1.11', { kind: 'tag', name: 'v1.11', sha: B }],
      ['a short SHA', B.slice(0, 7), { kind: 'commit', name: B, sha: B }],
      ['a full SHA in capitals', C.toUpperCase(), { kind: 'commit', name: C, sha: C }],
      ['an unknown name', 'v9.9.9', null],
      ['an unknown SHA', 'deadbeef', null],
    ])('resolves %s', async (_case, revision, expected) => {
      await expect(client.resolveRevision(REPO, revision)).resolves.toEqual(expected);
    });

    it('asks for tags, then branches, then commits, encoding slashes', async () => {
      await client.resolveRevision(REPO, 'release/v1.10');
      await client.resolveRevision(REPO, 'deadbeef');
      expect(github.requests.map((request) => request.rawPath)).toEqual([
        `/repos/${REPO}/git/ref/tags%2Frelease%2Fv1.10`,
        `/repos/${REPO}/git/ref/heads%2Frelease%2Fv1.10`,
        `/repos/${REPO}/git/ref/tags%2Fdeadbeef`,
        `/repos/${REPO}/git/ref/heads%2Fdeadbeef`,
        `/repos/${REPO}/commits/deadbeef`,
      ]);
    });

    it('peels an annotated tag through its tag object', async () => {
      await client.resolveRevision(REPO, 'v1.10.1');
      expect(github.requests.map((request) => request.path)).toEqual([
        `/repos/${REPO}/git/ref/tags/v1.10.1`,
        `/repos/${REPO}/git/tags/${fakeSha(`tag:${REPO}:v1.10.1`)}`,
      ]);
    });

    it.each(['', 'a..b', 'with space', 'trailing/', 'x~1'])(
      'answers null for %p without asking',
      async (name) => {
        await expect(client.resolveRevision(REPO, name)).resolves.toBeNull();
        expect(github.requests).toHaveLength(0);
      },
    );
  });

  it.each([
    ['published', 'v1.10.0', { tag: 'v1.10.0', name: 'Kubeflow v1.10.0', body: 'notes', draft: false }],
    ['draft', 'v1.10.1', null],
    ['missing', 'v9.9.9', null],
  ])('getReleaseByTag: %s', async (_case, tag, expected) => {
    const release = await client.getReleaseByTag(REPO, tag);
    if (expected === null) expect(release).toBeNull();
    else {
      expect(release).toEqual({
        ...expected,
        prerelease: false,
        url: `https://github.com/${REPO}/releases/tag/${tag}`,
      });
    }
  });

  it.each([
    ['ahead', A, 'v1.10.0', { aheadBy: 1, behindBy: 0, commits: [{ sha: B, message: 'add manifests' }] }],
    ['behind', 'master', 'v1.10.0', { aheadBy: 0, behindBy: 1, commits: [] }],
    [
      'diverged',
      'master',
      'release/v1.10',
      { aheadBy: 1, behindBy: 2, commits: [{ sha: D, message: 'cherry-pick fix' }] },
    ],
    ['identical', 'v1.10.1', 'release/v1.10', { aheadBy: 0, behindBy: 0, commits: [] }],
  ])('compare: %s', async (status, base, head, expected) => {
    await expect(client.compare(REPO, base, head)).resolves.toEqual({ status, ...expected });
  });

  it('compare: lists commits oldest first, and answers null for an unknown ref', async () => {
    const comparison = await client.compare(REPO, A, 'master');
    expect(comparison?.commits.map((commit) => commit.sha)).toEqual([B, C]);
    await expect(client.compare(REPO, 'master', 'v9.9.9')).resolves.toBeNull();
  });

  it('pullRequestsForCommit: the pull requests a commit came through, with labels', async () => {
    await expect(client.pullRequestsForCommit(REPO, B)).resolves.toEqual([
      {
        number: 101,
        title: 'Add manifests',
        url: `https://github.com/${REPO}/pull/101`,
        labels: ['release-note', 'area/manifests'],
      },
    ]);
    await expect(client.pullRequestsForCommit(REPO, D)).resolves.toEqual([]);
    await expect(client.pullRequestsForCommit(REPO, 'f'.repeat(40))).resolves.toEqual([]);
  });

  describe('when GitHub fails', () => {
    const expectUnavailable = async (promise: Promise<unknown>): Promise<GitHubUnavailableError> => {
      const error: unknown = await promise.then(
        () => new Error('expected a GitHubUnavailableError'),
        (thrown: unknown) => thrown,
      );
      expect(error).toBeInstanceOf(GitHubUnavailableError);
      return error as GitHubUnavailableError;
    };
    const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

    it('retries a 500 and answers once', async () => {
      github.failNext(TAG_PATH, { status: 500 });
      await expect(client.resolveRevision(REPO, 'v1.10.0')).resolves.toMatchObject({ sha: B });
      expect(github.requestsTo('GET', TAG_PATH)).toHaveLength(2);
    });

    it('gives up on a 502 after two retries', async () => {
      for (let i = 0; i < 4; i++) github.failNext(RELEASE_PATH, { status: 502 });
      const error = await expectUnavailable(client.getReleaseByTag(REPO, 'v1.10.0'));
      expect(error).toMatchObject({ status: 502, retryAt: null });
      expect(github.requests).toHaveLength(3);
    });

    it.each([
      ['throttled', { enabled: true }],
      ['unthrottled', { enabled: false }],
    ])('%s: a primary rate limit two hours away fails at once with retryAt', async (_case, throttle) => {
      client = connect({ throttle });
      github.failNext(RELEASE_PATH, { rateLimited: true, resetInSeconds: 7200 });
      const error = await expectUnavailable(client.getReleaseByTag(REPO, 'v1.10.0'));
      expect(error.status).toBe(403);
      expect((error.retryAt?.getTime() ?? 0) - Date.now()).toBeGreaterThan(7190_000);
      expect((error.retryAt?.getTime() ?? 0) - Date.now()).toBeLessThan(7210_000);
      await settle(100);
      expect(github.requests).toHaveLength(1);
    });

    it('waits out a rate limit a moment away once, not twice', async () => {
      github.failNext(RELEASE_PATH, { rateLimited: true, resetInSeconds: 1 });
      await expect(client.getReleaseByTag(REPO, 'v1.10.0')).resolves.toMatchObject({ tag: 'v1.10.0' });
      expect(github.requests).toHaveLength(2);

      github.requests.length = 0;
      github.failNext(RELEASE_PATH, { rateLimited: true, resetInSeconds: 1 });
      github.failNext(RELEASE_PATH, { rateLimited: true, resetInSeconds: 1 });
      await expectUnavailable(client.getReleaseByTag(REPO, 'v1.10.0'));
      await settle(100);
      expect(github.requests).toHaveLength(2);
    });

    it('fails on a secondary rate limit with a long Retry-After, and retries a short one once', async () => {
      github.failNext(RELEASE_PATH, { secondaryRateLimit: true, retryAfter: 3600 });
      const error = await expectUnavailable(client.getReleaseByTag(REPO, 'v1.10.0'));
      expect(error.status).toBe(403);
      expect((error.retryAt?.getTime() ?? 0) - Date.now()).toBeGreaterThan(3590_000);
      await settle(100);
      expect(github.requests).toHaveLength(1);

      github.failNext(RELEASE_PATH, { secondaryRateLimit: true, retryAfter: 1 });
      await expect(client.getReleaseByTag(REPO, 'v1.10.0')).resolves.toMatchObject({ tag: 'v1.10.0' });
      expect(github.requests).toHaveLength(3);
    });

    it('gives up quickly when GitHub is slower than the timeout, without retrying', async () => {
      client = connect({ requestTimeoutMs: 200 });
      github.failNext(TAG_PATH, { delayMs: 1000 });
      const started = Date.now();
      const error = await expectUnavailable(client.resolveRevision(REPO, 'v1.10.0'));
      expect(Date.now() - started).toBeLessThan(800);
      expect(error).toMatchObject({ status: null, retryAt: null });
      expect(error.message).toMatch(/did not answer within 200 ms/);
      expect(github.requests).toHaveLength(1);
      await settle(1000); // let the fake finish its delayed answer before the server closes
    });

    it('reports an unreachable GitHub after the retries', async () => {
      const closed = await startFakeGitHub();
      const url = closed.url;
      await closed.close();
      client = connect({ baseUrl: url });
      const error = await expectUnavailable(client.resolveRevision(REPO, 'v1.10.0'));
      expect(error).toMatchObject({ status: null, message: expect.stringMatching(/Could not reach GitHub/) });
    });

    it('rejects a repository that is not owner/name before asking', async () => {
      await expect(client.getReleaseByTag('manifests', 'v1.10.0')).rejects.toThrow(/owner\/name/);
      expect(github.requests).toHaveLength(0);
    });
  });

  it('sends the token to GitHub and never writes it to the log', async () => {
    github.failNext(TAG_PATH, { status: 500 });
    await client.resolveRevision(REPO, 'v1.10.0');
    await client.resolveRevision(REPO, 'v1.10.1');
    await client.resolveRevision(REPO, 'nope');
    await client.pullRequestsForCommit(REPO, B);

    for (const request of github.requests) {
      expect(request.headers.authorization).toMatch(new RegExp(`^(token|bearer) ${TOKEN}$`, 'i'));
    }
    const log = lines.map((line) => JSON.parse(line) as { level: number; msg: string });
    expect(github.requests).toHaveLength(7);
    expect(log.length).toBeGreaterThan(7);
    expect(lines.join('')).not.toContain(TOKEN);
    expect(lines.join('')).not.toContain(TOKEN.slice(4, 20));
    // Octokit reports the 404s of the probing above as errors; they are ours to judge, at debug.
    expect(log.filter((entry) => entry.level > 20)).toEqual([]);
  });
});
