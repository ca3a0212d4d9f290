import { DateTime } from 'luxon';
import type { ReleaseRow } from '../../src/db/release-repository';
import { revalidatePending } from '../../src/workflows/revalidate-pending';
import { startFakeGitHub, type FakeGitHub } from '../fakes/fake-github';
import { dmChannelId } from '../fakes/fake-slack';
import {
  DURING_FREEZE,
  GRACE,
  K,
  NOTEBOOKS,
  postedMessage,
  revisionsOf,
  seedGitHub,
  startRevisionApp,
  submitRevisionForm,
  textOf,
  viewAnswer,
} from '../helpers/revision-fixtures';
import { RELEASE_CHANNEL, type TestApp } from '../helpers/start-app';

const DEADLINE_MS = 300;
const TAG_REF = '/repos/kubeflow/kubeflow/git/ref/tags/';
const PENDING_TEXT = ':hourglass: saved, pending validation: GitHub is slow to answer';
const RATE_LIMIT_TEXT = ":hourglass: saved, pending validation: GitHub's rate limit is reached";

describe('revisions when GitHub is slow or down', () => {
  let github: FakeGitHub;
  let app: TestApp;
  let release: ReleaseRow;

  beforeAll(async () => {
    github = await startFakeGitHub();
    seedGitHub(github);
  });
  afterAll(() => github.close());
  beforeEach(async () => {
    github.requests.length = 0;
    ({ app, release } = await startRevisionApp(github, { githubDeadlineMs: DEADLINE_MS }));
    app.slack.expect('chat.postMessage');
    app.slack.expect('conversations.open');
  });
  afterEach(async () => {
    await app.stop();
    app.slack.assertNoUnexpectedCalls();
    github.assertNoUnexpectedRequests();
  });

  /**
   * Submits `revision` for Notebooks and checks it was saved as pending validation, the form
   * saying `told` (by default that GitHub is slow) after the revision.
   */
  async function submitPending(revision: string, told: string = PENDING_TEXT) {
    const response = await submitRevisionForm(app, GRACE, NOTEBOOKS, [revision]);
    expect(response.status).toBe(200);
    expect(response.elapsedMs).toBeLessThan(3000);
    const answer = viewAnswer(response);
    expect(answer.response_action).toBe('update');
    expect(textOf(answer.view)).toContain(`\`${revision}\`: ${told}`);
    const [row] = revisionsOf(app, release);
    expect(row).toMatchObject({ revision, status: 'pending_validation', freeze: true, commitSha: null });
    return row!;
  }

  it.each([
    ['accepted', 'v1.10.0', ':white_check_mark: Your revision was checked and accepted'],
    ['refused', 'v1.10.0-rc.0', 'Tag `v1.10.0-rc.0` has no published GitHub release'],
  ])(
    'saves a revision as pending when GitHub times out, then tells the submitter it was %s',
    async (outcome, revision, told) => {
      github.failNext(`${TAG_REF}${revision}`, { delayMs: 1000 });

      const row = await submitPending(revision);
      expect(row.nextValidationAt).toBe(
        DateTime.fromISO(DURING_FREEZE).plus({ seconds: 60 }).toUTC().toISO(),
      );

      // The check still running after the answer records its verdict and tells the submitter.
      const key = `revision:${row.id}:${outcome === 'accepted' ? 'accepted' : 'rejected'}:${GRACE}`;
      const dm = await postedMessage(app, dmChannelId(GRACE), key, 4000);
      expect(textOf(dm.blocks)).toContain(told);
      expect(app.services.store.revisions.byId(row.id)).toMatchObject({
        status: outcome === 'accepted' ? 'accepted' : 'rejected',
        nextValidationAt: null,
      });
      expect(app.services.store.audit.forRelease(release.id).at(-1)).toMatchObject({
        actor: 'kfrelease',
        action: `revision.${outcome === 'accepted' ? 'accepted' : 'rejected'}`,
        details: { id: row.id, after: 'pending_validation' },
      });
    },
  );

  it('answers well within Slack’s 3 s while GitHub takes 5 s', async () => {
    github.failNext(`${TAG_REF}v1.10.0`, { delayMs: 5000 });

    const row = await submitPending('v1.10.0');

    const dm = await postedMessage(app, dmChannelId(GRACE), `revision:${row.id}:accepted:${GRACE}`, 8000);
    expect(textOf(dm.blocks)).toContain('Your revision was checked and accepted');
    await postedMessage(app, RELEASE_CHANNEL, `revision:${row.id}:accepted`);
  }, 15_000);

  it('keeps a revision pending when GitHub answers 500 after retries, and a later validation decides it', async () => {
    for (let attempt = 0; attempt < 3; attempt++) github.failNext(`${TAG_REF}v1.10.0`, { status: 500 });

    const row = await submitPending('v1.10.0');

    // The check carries on after the answer: wait for its two retries (1 s, then 4 s) to fail too.
    while (github.requestsTo('GET', `${TAG_REF}v1.10.0`).length < 3) await sleep(50);
    await sleep(200);
    expect(app.services.store.revisions.byId(row.id)).toMatchObject({ status: 'pending_validation' });

    // Not due yet: a validation run leaves it alone and asks GitHub nothing.
    const asked = github.requests.length;
    expect(await revalidatePending(app.services)).toEqual({ decided: 0, stillPending: 0 });
    expect(github.requests.length).toBe(asked);

    app.clock.advance({ minutes: 2 });
    expect(await revalidatePending(app.services)).toEqual({ decided: 1, stillPending: 0 });
    expect(app.services.store.revisions.byId(row.id)).toMatchObject({ status: 'accepted', commitSha: K.k1 });

    await app.deliverOutbox();
    const dm = await postedMessage(app, dmChannelId(GRACE), `revision:${row.id}:accepted:${GRACE}`);
    expect(textOf(dm.blocks)).toContain('Your revision was checked and accepted');
  }, 15_000);

  it('keeps a revision pending while GitHub is rate limited, for as long as GitHub asks', async () => {
    github.failNext(`${TAG_REF}v1.10.0`, { rateLimited: true, resetInSeconds: 3600 });

    const row = await submitPending('v1.10.0', RATE_LIMIT_TEXT);

    // An hour from now on the app's clock, whatever the machine's clock says.
    const wait = DateTime.fromISO(row.nextValidationAt ?? '').diff(app.clock.now(), 'seconds').seconds;
    expect(wait).toBeGreaterThan(3590);
    expect(wait).toBeLessThanOrEqual(3601);
    app.clock.advance({ minutes: 30 });
    expect(await revalidatePending(app.services)).toEqual({ decided: 0, stillPending: 0 });
    app.clock.advance({ minutes: 31 });
    expect(await revalidatePending(app.services)).toEqual({ decided: 1, stillPending: 0 });
    expect(app.services.store.revisions.byId(row.id)?.status).toBe('accepted');
  });
});

describe('revisions when GitHub’s rate limit is reached', () => {
  let github: FakeGitHub;
  let app: TestApp;
  let release: ReleaseRow;

  beforeAll(async () => {
    github = await startFakeGitHub();
    seedGitHub(github);
  });
  afterAll(() => github.close());
  beforeEach(async () => {
    github.requests.length = 0;
    ({ app, release } = await startRevisionApp(github, { githubDeadlineMs: DEADLINE_MS }));
  });
  afterEach(async () => {
    await app.stop();
    app.slack.assertNoUnexpectedCalls();
    github.assertNoUnexpectedRequests();
  });

  it('the form says the rate limit is reached and when the check runs again (was: "GitHub is slow to answer")', async () => {
    github.failNext(`${TAG_REF}v1.10.0`, { rateLimited: true, resetInSeconds: 1800 });

    const response = await submitRevisionForm(app, GRACE, NOTEBOOKS, ['v1.10.0']);
    const text = textOf(viewAnswer(response).view);

    const [row] = revisionsOf(app, release);
    expect(row).toMatchObject({ revision: 'v1.10.0', status: 'pending_validation', commitSha: null });
    const checkAt = DateTime.fromISO(row?.nextValidationAt ?? '', { zone: 'utc' });
    expect(checkAt.diff(app.clock.now(), 'minutes').minutes).toBeCloseTo(30, 0);
    const fallback = checkAt.toFormat("d LLL yyyy 'at' HH:mm 'UTC'");
    expect(text).toContain(
      `\`v1.10.0\`: ${RATE_LIMIT_TEXT}; it will be checked again <!date^${checkAt.toSeconds()}^{date_short_pretty} at {time}|${fallback}> and you will be told the result`,
    );
    // Half an hour after the app's 10:00, whatever the machine's clock says (a second either way).
    expect(fallback).toMatch(/^12 May 2026 at 10:(29|30) UTC$/);
    expect(text).not.toContain('slow to answer');
  });

  it('the form says GitHub asked to slow down on a secondary rate limit (was: "GitHub is slow to answer")', async () => {
    // Octokit waits out a short Retry-After once, beyond the form's deadline: a long one it does not.
    github.failNext(`${TAG_REF}v1.10.0`, { secondaryRateLimit: true, retryAfter: 600 });

    const text = textOf(viewAnswer(await submitRevisionForm(app, GRACE, NOTEBOOKS, ['v1.10.0'])).view);

    expect(text).toContain('GitHub asked kfrelease to slow down (a secondary rate limit)');
    expect(text).toMatch(
      /checked again <!date\^\d+\^\{date_short_pretty\} at \{time\}\|12 May 2026 at 10:(09|10) UTC>/,
    );
    expect(revisionsOf(app, release)[0]).toMatchObject({ status: 'pending_validation' });
  });
});

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
