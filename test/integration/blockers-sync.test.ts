import { CLI_BLOCKER_COMMANDS } from '../../src/cli/blocker-cli-commands';
import type { ReleaseRow } from '../../src/db/release-repository';
import type { IssueLookups } from '../../src/github/github-client';
import { syncBlockers } from '../../src/workflows/sync-blockers';
import { startFakeGitHub, type FakeGitHub } from '../fakes/fake-github';
import {
  issueLookupsFor,
  outboxRows,
  seedIssues,
  startBlockerApp,
  trackAll,
} from '../helpers/blocker-harness';
import { RELEASE_CHANNEL, type TestApp } from '../helpers/start-app';

/** 10 repositories with 30 tracked issues each: 300 issues, 3 GraphQL queries of 100. */
const REPOS = Array.from({ length: 10 }, (_, i) => `kubeflow/repo-${i}`);

describe('syncing tracked issues from GitHub', () => {
  let github: FakeGitHub;
  let app: TestApp;
  let release: ReleaseRow;
  let lookups: IssueLookups;
  const sync = (options: { limitBatches?: number } = {}) =>
    syncBlockers({ ...app.services, github: lookups }, options);
  const queries = () => github.requestsTo('POST', '/graphql').length;
  const changePosts = () => outboxRows(app).filter((row) => row.key.startsWith(`blocker:${release.id}:`));
  const row = (repo: string, number: number) => {
    const [owner = '', name = ''] = repo.split('/');
    return app.services.store.blockers.byRef(release.id, { owner, repo: name, number });
  };

  beforeEach(async () => {
    github = await startFakeGitHub();
    seedIssues(github, REPOS, 1, 30);
    ({ app, release } = await startBlockerApp(github));
    trackAll(app, github, release);
    lookups = issueLookupsFor(github);
  });
  afterEach(async () => {
    app.slack.assertNoUnexpectedCalls();
    github.assertNoUnexpectedRequests();
    await app.stop();
    await github.close();
  });

  it('refreshes 300 issues in 10 repositories with 3 queries, and an unchanged re-sync costs only those', async () => {
    expect(await sync()).toEqual({
      requests: 3,
      cost: 3,
      changed: 0,
      remaining: 0,
      waitingUntil: null,
      error: null,
    });
    expect(queries()).toBe(3);
    expect(await sync()).toMatchObject({ requests: 3, cost: 3, changed: 0, remaining: 0 });
    expect(queries()).toBe(6);
    expect(changePosts()).toEqual([]);
    expect(
      app.services.store.blockers
        .forRelease(release.id)
        .every((r) => r.lastSyncedAt === '2026-05-12T10:00:00.000Z'),
    ).toBe(true);
  });

  it('marks issues closed, reopened and relabelled, and posts each change once', async () => {
    app.slack.expect('chat.postMessage');
    github.updateIssue('kubeflow/repo-0', 1, { state: 'closed', updatedAt: '2026-05-12T09:00:00Z' });
    github.updateIssue('kubeflow/repo-5', 30, {
      labels: ['kind/bug', 'release-blocker'],
      updatedAt: '2026-05-12T09:01:00Z',
    });
    github.updateIssue('kubeflow/repo-9', 2, { assignees: ['octo'], updatedAt: '2026-05-12T09:02:00Z' });

    expect(await sync()).toMatchObject({ requests: 3, cost: 3, changed: 2, remaining: 0 });
    expect(row('kubeflow/repo-0', 1)).toMatchObject({
      state: 'closed',
      githubUpdatedAt: '2026-05-12T09:00:00Z',
    });
    expect(row('kubeflow/repo-5', 30)?.labels).toEqual(['kind/bug', 'release-blocker']);
    expect(row('kubeflow/repo-9', 2)?.assignees).toEqual(['octo']);
    expect(changePosts().map((p) => p.key)).toEqual([
      `blocker:${release.id}:kubeflow/repo-0#1:closed:2026-05-12T09:00:00Z`,
      `blocker:${release.id}:kubeflow/repo-5#30:open:2026-05-12T09:01:00Z`,
    ]);
    expect(changePosts()[0]?.payload).toContain('closed on GitHub');
    expect(changePosts()[1]?.payload).toContain('labelled release-blocker');

    expect(await sync()).toMatchObject({ requests: 3, changed: 0 });
    await app.deliverOutbox();
    expect(
      app.slack.messages(RELEASE_CHANNEL).filter((m) => String(m.text).includes('on GitHub')),
    ).toHaveLength(1);

    github.updateIssue('kubeflow/repo-0', 1, { state: 'open', updatedAt: '2026-05-13T09:00:00Z' });
    expect(await sync()).toMatchObject({ changed: 1 });
    expect(changePosts().at(-1)?.payload).toContain('reopened on GitHub');
    expect(changePosts()).toHaveLength(3);
  });

  it('keeps the counts every list reads in step with each change of state (the counts of migration 0021)', async () => {
    app.slack.expect('chat.postMessage');
    const { db } = app.services.store;
    const key = 'release_id, wg_id, state, decision, blocks_release';
    const counted = () =>
      db.prepare(`SELECT ${key}, n FROM blocker_counts WHERE n > 0 ORDER BY ${key}`).all();
    const recount = () =>
      db.prepare(`SELECT ${key}, COUNT(*) AS n FROM blockers GROUP BY ${key} ORDER BY ${key}`).all();
    const open = () =>
      app.services.store.blockers
        .openCounts(release.id)
        .reduce((sum, c) => ({ open: sum.open + c.open, undecided: sum.undecided + c.undecided }), {
          open: 0,
          undecided: 0,
        });
    expect(open()).toEqual({ open: 300, undecided: 300 });

    github.updateIssue('kubeflow/repo-0', 1, { state: 'closed', updatedAt: '2026-05-12T09:00:00Z' });
    github.updateIssue('kubeflow/repo-1', 2, { state: 'merged', updatedAt: '2026-05-12T09:00:00Z' });
    await sync();
    expect(open()).toEqual({ open: 298, undecided: 298 });
    expect(counted()).toEqual(recount());

    github.updateIssue('kubeflow/repo-0', 1, { state: 'open', updatedAt: '2026-05-13T09:00:00Z' });
    await sync();
    expect(open()).toEqual({ open: 299, undecided: 299 });
    expect(counted()).toEqual(recount());
    const counts = app.services.store.blockerLists.counts(release.id, null);
    const byGroup = db
      .prepare(
        `SELECT wg.name AS wg, SUM(state = 'open' AND decision <> 'punted') AS active, SUM(state <> 'open') AS closed
         FROM blockers b JOIN working_groups wg ON wg.id = b.wg_id WHERE release_id = ? GROUP BY wg.name`,
      )
      .all(release.id);
    expect(counts.map(({ wg, active, closed }) => ({ wg, active, closed }))).toEqual(
      expect.arrayContaining(byGroup),
    );
    expect(counts).toHaveLength(byGroup.length);
  });

  it('continues an interrupted sync with the batch it had not done yet', async () => {
    expect(await sync({ limitBatches: 2 })).toMatchObject({ requests: 2, cost: 2, remaining: 100 });
    expect(app.services.store.blockers.syncState().cursor).toBe(200);
    app.clock.advance({ minutes: 5 });
    expect(await sync()).toMatchObject({ requests: 1, cost: 1, remaining: 0 });
    expect(queries()).toBe(3);
    const synced = app.services.store.blockers.forRelease(release.id).map((r) => [r.id, r.lastSyncedAt]);
    expect(synced.filter(([, at]) => at === '2026-05-12T10:05:00.000Z').map(([id]) => id)).toEqual(
      Array.from({ length: 100 }, (_, i) => 201 + i),
    );
    expect(app.services.store.blockers.syncState()).toMatchObject({
      cursor: 0,
      passCompletedAt: '2026-05-12T10:05:00.000Z',
    });
  });

  it('survives a GitHub 500 mid-sync: backs off without asking again, then resumes where it stopped', async () => {
    expect(await sync({ limitBatches: 1 })).toMatchObject({ requests: 1 });
    for (let i = 0; i < 3; i++) github.failNext('/graphql', { status: 500 });
    const failed = await sync();
    expect(failed).toMatchObject({ requests: 1, remaining: 200, waitingUntil: '2026-05-12T10:01:00.000Z' });
    expect(failed.error).toContain('GitHub answered 500');
    expect(queries()).toBe(4); // the first batch, then the second one tried 3 times by the retry policy

    for (let i = 0; i < 5; i++) expect(await sync()).toMatchObject({ requests: 0, remaining: 200 });
    app.clock.advance({ seconds: 59 });
    expect(await sync()).toMatchObject({ requests: 0 });
    expect(queries()).toBe(4);

    app.clock.advance({ seconds: 2 });
    expect(await sync()).toMatchObject({ requests: 2, remaining: 0, error: null });
    expect(queries()).toBe(6);
    expect(app.services.store.blockers.syncState()).toMatchObject({
      failures: 0,
      cursor: 0,
      nextAttemptAt: null,
    });
  });

  it('backs off longer after each failure in a row', async () => {
    const waits: string[] = [];
    for (let i = 0; i < 3; i++) {
      for (let attempt = 0; attempt < 3; attempt++) github.failNext('/graphql', { status: 502 });
      waits.push((await sync()).waitingUntil ?? '');
      app.clock.set(waits[i] ?? '');
    }
    expect(waits).toEqual([
      '2026-05-12T10:01:00.000Z',
      '2026-05-12T10:03:00.000Z',
      '2026-05-12T10:07:00.000Z',
    ]);
  });

  it('honours a rate limit until GitHub’s reset, asking nothing before it', async () => {
    github.failNext('/graphql', { rateLimited: true, resetInSeconds: 600 });
    const limited = await sync();
    expect(limited).toMatchObject({ requests: 1, remaining: 300 });
    expect(limited.error).toContain('rate limit');
    const waitSeconds = (Date.parse(limited.waitingUntil ?? '') - Date.parse('2026-05-12T10:00:00Z')) / 1000;
    expect(waitSeconds).toBeGreaterThanOrEqual(598);
    expect(waitSeconds).toBeLessThanOrEqual(603);

    app.clock.advance({ minutes: 9 });
    expect(await sync()).toMatchObject({ requests: 0 });
    expect(queries()).toBe(1);
    app.clock.advance({ minutes: 2 });
    expect(await sync()).toMatchObject({ requests: 3, remaining: 0 });
  });

  it('honours Retry-After of a secondary rate limit', async () => {
    github.failNext('/graphql', { secondaryRateLimit: true, retryAfter: 30 });
    const limited = await sync();
    const waitSeconds = (Date.parse(limited.waitingUntil ?? '') - Date.parse('2026-05-12T10:00:00Z')) / 1000;
    expect(waitSeconds).toBeGreaterThanOrEqual(29);
    expect(waitSeconds).toBeLessThanOrEqual(33);
    expect(await sync()).toMatchObject({ requests: 0 });
  });

  it('leaves issues of finished releases alone, and keeps what it knew of one GitHub no longer shows', async () => {
    github.model.repo('kubeflow/repo-3').issues.delete(7);
    expect(await sync()).toMatchObject({ requests: 3, changed: 0 });
    expect(row('kubeflow/repo-3', 7)).toMatchObject({
      state: 'open',
      lastSyncedAt: '2026-05-12T10:00:00.000Z',
    });
    app.services.store.db.prepare("UPDATE releases SET status = 'released' WHERE id = ?").run(release.id);
    expect(await sync()).toMatchObject({ requests: 0, remaining: 0 });
  });

  it('runs from the command line, saying what it did', async () => {
    const lines: string[] = [];
    const services = { ...app.services, github: { ...app.services.github, ...lookups } };
    const run = CLI_BLOCKER_COMMANDS['blockers sync']?.run;
    await run?.(
      services,
      { positionals: [], flags: { json: false, markdown: false } },
      { out: (l) => lines.push(l) },
    );
    expect(lines).toEqual(['Refreshed the tracked issues with 3 GraphQL queries (cost 3): 0 changed.']);
    github.failNext('/graphql', { rateLimited: true, resetInSeconds: 600 });
    await run?.(
      services,
      { positionals: [], flags: { json: true, markdown: false } },
      { out: (l) => lines.push(l) },
    );
    expect(JSON.parse(lines[1] ?? '{}')).toMatchObject({ requests: 1, remaining: 300 });
    await expect(
      Promise.resolve(
        run?.(
          services,
          { positionals: ['x'], flags: { json: false, markdown: false } },
          { out: () => undefined },
        ),
      ),
    ).rejects.toThrow('blockers sync takes no arguments');
  });
});
