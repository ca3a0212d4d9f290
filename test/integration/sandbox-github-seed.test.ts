import { DateTime } from 'luxon';
import { loadDemoSetup } from '../../src/sandbox/demo-workspace';
import { startGitHubStandIn, type GitHubStandIn } from '../../src/sandbox/github-stand-in';
import { seedGitHub } from '../../src/sandbox/seed-github';

describe("the sandbox's seeded GitHub", () => {
  let github: GitHubStandIn;
  const now = DateTime.fromISO('2026-05-07T08:00:00Z', { zone: 'utc' });

  beforeAll(async () => {
    github = await startGitHubStandIn();
    seedGitHub(github, loadDemoSetup().workspace, [], now);
  });
  afterAll(() => github.close());

  const commitDate = async (repo: string, ref: string) => {
    const response = await fetch(`${github.url}/repos/${repo}/commits/${ref}`);
    const body = (await response.json()) as { commit: { committer: { date: string } } };
    return body.commit.committer.date;
  };

  // Was: every repository's history counted on from 1 Oct 2025, so the demo's manifests rc.0 was
  // "tagged Sat 29 Nov 2025, 163 days earlier than first planned".
  it("dates the demo's tags in the days before the sandbox clock starts", async () => {
    expect(await commitDate('kubeflow/manifests', 'v1.11.0-rc.0')).toBe('2026-05-02T08:00:00.000Z');
    expect(await commitDate('kubeflow/manifests', 'v1.10.0')).toBe('2026-04-30T08:00:00.000Z');
  });

  it('ends each history the day before the clock starts', async () => {
    expect(await commitDate('kubeflow/kubeflow', 'main')).toBe('2026-05-06T08:00:00.000Z');
  });
});
