import { CLI_RC_COMMANDS } from '../../src/cli/rc-cli-commands';
import type { ReleaseRow } from '../../src/db/release-repository';
import { dueMissingArtifacts } from '../../src/workflows/rc-status';
import { startFakeGitHub, type FakeGitHub } from '../fakes/fake-github';
import { fakeSha } from '../fakes/fake-github-model';
import { outboxDelivered, postedMessage, seedRelease } from '../helpers/revision-fixtures';
import { answerText, RELEASE_CHANNEL, startTestApp, type TestApp } from '../helpers/start-app';

const MANIFESTS = 'kubeflow/manifests';
const LIAISON = 'U0ALAN001';
/** Commits of kubeflow/manifests, dated as the release branch and the RCs were cut. */
const M = { m0: fakeSha('m-0'), m1: fakeSha('m-1'), m2: fakeSha('m-2'), m3: fakeSha('m-3') };

/** Waits until the check started at the clock's current time has been recorded. */
async function checkRecorded(app: TestApp, release: ReleaseRow): Promise<void> {
  const at = app.clock.now().toUTC().toISO();
  const deadline = Date.now() + 3000;
  while (app.services.store.rcTags.lastCheck(release.id)?.checkedAt !== at) {
    if (Date.now() > deadline) throw new Error(`no check recorded at ${at}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('/kfrelease rcs against the manifests repository', () => {
  let github: FakeGitHub;
  let app: TestApp;
  let release: ReleaseRow;
  const rcs = async () => answerText(await app.command('rcs', LIAISON));
  const checkedRcs = async () => {
    const first = await rcs();
    await checkRecorded(app, release);
    return { first, then: await rcs() };
  };

  beforeAll(async () => {
    github = await startFakeGitHub();
    github.addRepo(MANIFESTS, { defaultBranch: 'master' });
    github.addCommit(MANIFESTS, M.m0, [], { date: '2026-05-01T12:00:00Z' });
    github.addCommit(MANIFESTS, M.m1, [M.m0], { date: '2026-05-11T08:00:00Z' });
    github.addCommit(MANIFESTS, M.m2, [M.m1], { date: '2026-05-22T15:00:00Z' });
    github.addCommit(MANIFESTS, M.m3, [M.m2], { date: '2026-05-31T10:00:00Z' });
    github.addBranch(MANIFESTS, 'master', M.m0);
    github.addTag(MANIFESTS, 'v1.9.0-rc.2', M.m0);
    // Tuesday of week 11: the release branch and rc.0 were due yesterday.
    app = await startTestApp({ now: '2026-05-12T10:00:00Z', env: { GITHUB_API_URL: github.url } });
    release = seedRelease(app);
    app.slack.expect('chat.postMessage');
  });
  afterAll(async () => {
    await app.stop();
    await github.close();
    app.slack.assertNoUnexpectedCalls();
    github.assertNoUnexpectedRequests();
  });

  it('says what is due and missing before anything is cut', async () => {
    const { first, then } = await checkedRcs();

    expect(first).toContain('Checking the manifests repository for the first time now');
    expect(then).toContain(':rotating_light: Due and not found: `v1.10-branch`, `v1.10.0-rc.0`');
    expect(then).toContain(
      '*release_branch* `v1.10-branch`: *missing*, due Mon 11 May 2026, 1 day late · Manifests WG',
    );
    expect(then).toContain('*rc.0* `v1.10.0-rc.0`: *missing*, due Mon 11 May 2026, 1 day late');
    expect(then).toContain('*rc.1* `v1.10.0-rc.1`: not yet due, due Fri 22 May 2026, in 10 days');
    expect(then).toContain('*rc.3* _(optional)_');
    expect(then).toContain('kubeflow/manifests · checked Tue 12 May 2026, 12:00 (Europe/Berlin)');
    expect(then).not.toContain('checking GitHub again');
    expect(dueMissingArtifacts(app.services, release, '2026-05-12')).toEqual([
      { key: 'release_branch', artifact: 'v1.10-branch', dueOn: '2026-05-11', owner: 'Manifests WG' },
      { key: 'rc.0', artifact: 'v1.10.0-rc.0', dueOn: '2026-05-11', owner: 'Manifests WG' },
    ]);
    const listed = github.requestsTo('GET', '/repos/kubeflow/manifests/git/matching-refs').map((r) => r.path);
    expect(listed.sort()).toEqual([
      '/repos/kubeflow/manifests/git/matching-refs/tags/1.10',
      '/repos/kubeflow/manifests/git/matching-refs/tags/v1.10',
    ]);
  });

  it('finds the branch and an RC tagged v1.10.0-rc0, notes the odd name and announces them once', async () => {
    github.addBranch(MANIFESTS, 'v1.10-branch', M.m1);
    github.addTag(MANIFESTS, 'v1.10.0-rc0', M.m1, { annotated: true });
    github.addTag(MANIFESTS, 'v1.10.1-rc.0', M.m1);
    app.clock.set('2026-05-13T10:00:00Z');

    const { first, then } = await checkedRcs();
    const key = `artifacts-found:${release.id}:rc.0,release_branch`;
    const announcement = await postedMessage(app, RELEASE_CHANNEL, key);

    expect(first).toContain('checking GitHub again now');
    expect(announcement.text).toBe(
      'New in kubeflow/manifests for Kubeflow v1.10.0: v1.10-branch, v1.10.0-rc0',
    );
    expect(JSON.stringify(announcement.blocks)).toContain('read as v1.10.0-rc.0');
    expect(then).toContain('Latest RC: `v1.10.0-rc.0`');
    expect(then).toMatch(/\*release_branch\* `v1.10-branch`: commit `[0-9a-f]{7}` of Mon 11 May 2026, 10:00/);
    expect(then).toContain('*rc.0* `v1.10.0-rc0`: commit');
    expect(then).toContain(
      ':warning: Found as "v1.10.0-rc0" (no dot before the RC number), read as v1.10.0-rc.0.',
    );
    expect(then).not.toContain('late_');
    expect(then).not.toContain('v1.10.1-rc.0');
    expect(dueMissingArtifacts(app.services, release, '2026-05-13')).toEqual([]);
    const [found] = app.services.store.rcTags.forRelease(release.id).filter((r) => r.milestone === 'rc.0');
    expect(found).toMatchObject({
      name: 'v1.10.0-rc0',
      normalized: 'v1.10.0-rc.0',
      commitSha: M.m1,
      commitDate: '2026-05-11T08:00:00Z',
      firstSeenAt: '2026-05-13T10:00:00.000Z',
    });

    app.clock.set('2026-05-13T11:00:00Z');
    await checkedRcs();
    await outboxDelivered(app);
    const announcements = app.slack
      .messages(RELEASE_CHANNEL)
      .filter((m) => String(m.metadata?.event_payload.key).startsWith('artifacts-found'));
    expect(announcements).toHaveLength(1);
  });

  it("accepts the handbook's v1.10-rc.1 and says when the next RC is due", async () => {
    github.addTag(MANIFESTS, 'v1.10-rc.1', M.m2);
    app.clock.set('2026-05-27T10:00:00Z');

    const { then } = await checkedRcs();

    expect(then).toContain('Latest RC: `v1.10.0-rc.1`');
    expect(then).toContain(
      `:warning: Found as "v1.10-rc.1" (no patch number, the handbook's vX.Y-rc.N form), read as v1.10.0-rc.1.`,
    );
    expect(then).toContain('*rc.2* `v1.10.0-rc.2`: not yet due, due Fri 29 May 2026, in 2 days');
    await postedMessage(app, RELEASE_CHANNEL, `artifacts-found:${release.id}:rc.1`);
  });

  it('checks from the command line: 1.10.0-rc.2 found two days late', async () => {
    github.addTag(MANIFESTS, '1.10.0-rc.2', M.m3);
    app.clock.set('2026-06-01T08:00:00Z');
    const out: string[] = [];
    const io = { out: (line: string) => out.push(line) };
    const flags = { json: false, markdown: false };

    await CLI_RC_COMMANDS['rcs check']?.run(app.services, { positionals: ['v1.10.0'], flags }, io);
    expect(out).toEqual([
      `Found 1.10.0-rc.2 (rc.2) at ${M.m3.slice(0, 12)}.`,
      'note: Found as "1.10.0-rc.2" (no leading v), read as v1.10.0-rc.2.',
      'The running app announces it in the release channel.',
    ]);

    out.length = 0;
    await CLI_RC_COMMANDS.rcs?.run(app.services, { positionals: [], flags: { ...flags, json: true } }, io);
    const view = JSON.parse(out.join('\n')) as {
      artifacts: { key: string; state: string; daysLate: number }[];
    };
    expect(view.artifacts.find((a) => a.key === 'rc.2')).toMatchObject({ state: 'found', daysLate: 2 });
    expect(view.artifacts.find((a) => a.key === 'release')).toMatchObject({ state: 'upcoming' });

    const text = answerText(await app.command('rcs v1.10.0', LIAISON));
    expect(text).toContain('*rc.2* `1.10.0-rc.2`');
    expect(text).toContain('_2 days late_');
  });

  it('says when the last check failed and keeps what was found', async () => {
    github.failNext('/repos/kubeflow/manifests/git/matching-refs', {
      rateLimited: true,
      resetInSeconds: 3600,
    });
    app.clock.set('2026-06-01T09:00:00Z');

    const { then } = await checkedRcs();

    expect(then).toContain(':warning: the last check failed (GitHub rate limit reached until');
    expect(then).toContain('the last good one was Mon 1 Jun 2026, 10:00');
    expect(then).toContain('Latest RC: `v1.10.0-rc.2`');
    expect(app.services.store.rcTags.lastCheck(release.id)?.succeededAt).toBe('2026-06-01T08:00:00.000Z');
  });

  it('refuses a bad version with the usage', async () => {
    const response = await app.command('rcs v1.10.0 v1.9.0', LIAISON);
    expect(response.json<{ response_type: string }>()?.response_type).toBe('ephemeral');
    expect(answerText(response)).toContain('rcs takes at most one argument');
  });
});
