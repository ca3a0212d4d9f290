import { createOctokit } from '../../src/github/create-octokit';
import { GitHubUnavailableError, type RefLookups } from '../../src/github/github-client';
import { createOctokitRefLookups } from '../../src/github/octokit-ref-lookups';
import { createLogger } from '../../src/logger';
import { startFakeGitHub, type FakeGitHub } from '../fakes/fake-github';
import { fakeSha } from '../fakes/fake-github-model';

const REPO = 'kubeflow/manifests';
const A = fakeSha('lookups-a');
const B = fakeSha('lookups-b');

describe('createOctokitRefLookups against a fake GitHub', () => {
  let github: FakeGitHub;
  let refs: RefLookups;

  beforeAll(async () => {
    github = await startFakeGitHub();
    const logger = createLogger('silent');
    const octokit = createOctokit({
      baseUrl: github.url,
      logger,
      requestTimeoutMs: 2000,
      throttle: { enabled: false },
      retryDelayUnitMs: 1,
    });
    refs = createOctokitRefLookups(octokit, { logger, timeoutMs: 2000 });
  });
  beforeEach(() => {
    github.reset();
    github.addRepo(REPO);
    github.addCommit(REPO, A, [], { date: '2026-05-11T08:00:00Z' });
    github.addCommit(REPO, B, [A], { date: '2026-05-22T15:30:00Z' });
    github.addBranch(REPO, 'master', B);
    github.addBranch(REPO, 'v1.10-branch', A);
    github.addBranch(REPO, 'release/26.03', B);
  });
  afterEach(() => github.assertNoUnexpectedRequests());
  afterAll(() => github.close());

  it('lists the tags under a prefix, each with its commit, annotated ones peeled', async () => {
    github.addTag(REPO, 'v1.10.0-rc.0', A);
    github.addTag(REPO, 'v1.10.0-rc.1', B, { annotated: true });
    github.addTag(REPO, 'v1.9.0', A);

    const tags = await refs.listTags(REPO, 'v1.10');

    expect(tags.sort((x, y) => x.name.localeCompare(y.name))).toEqual([
      { name: 'v1.10.0-rc.0', sha: A },
      { name: 'v1.10.0-rc.1', sha: B },
    ]);
    expect(github.requestsTo('GET', '/repos/kubeflow/manifests/git/tags/')).toHaveLength(1);
    expect(await refs.listTags(REPO, '1.10')).toEqual([]);
  });

  it('refuses a prefix that is no tag name, without asking GitHub', async () => {
    await expect(refs.listTags(REPO, '../heads')).rejects.toThrow('not a tag prefix');
    expect(github.requests).toHaveLength(0);
  });

  it('says what is wrong when the repository does not exist', async () => {
    const failure = refs.listTags('kubeflow/no-such-repo', 'v1.10');
    await expect(failure).rejects.toThrow(
      'GitHub rejected the request (404, kubeflow/no-such-repo tags v1.10*)',
    );
    await expect(failure).rejects.not.toBeInstanceOf(GitHubUnavailableError);
  });

  it.each([
    ['v1.10-branch', { name: 'v1.10-branch', sha: A }],
    ['release/26.03', { name: 'release/26.03', sha: B }],
    ['v1.11-branch', null],
  ])('looks up branch %s', async (name, expected) => {
    expect(await refs.getBranch(REPO, name)).toEqual(expected);
  });

  it('answers the committer date of a commit, null for one that does not exist', async () => {
    expect(await refs.commitDate(REPO, B)).toBe('2026-05-22T15:30:00Z');
    expect(await refs.commitDate(REPO, fakeSha('nowhere'))).toBeNull();
    expect(await refs.commitDate(REPO, 'not-a-sha')).toBeNull();
  });

  it('turns an outage and a rate limit into GitHubUnavailableError', async () => {
    for (let i = 0; i < 3; i++)
      github.failNext('/repos/kubeflow/manifests/git/matching-refs', { status: 502 });
    await expect(refs.listTags(REPO, 'v1.10')).rejects.toBeInstanceOf(GitHubUnavailableError);

    github.failNext('/repos/kubeflow/manifests/branches', { rateLimited: true, resetInSeconds: 600 });
    const limited = refs.getBranch(REPO, 'v1.10-branch');
    await expect(limited).rejects.toBeInstanceOf(GitHubUnavailableError);
    await expect(limited).rejects.toMatchObject({ status: 403, retryAt: expect.any(Date) });
  });
});
