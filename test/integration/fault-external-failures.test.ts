import { DateTime } from 'luxon';
import { backoffSeconds } from '../../src/outbox/outbox-sender';
import { revalidatePending } from '../../src/workflows/revalidate-pending';
import { startFakeGitHub, type FakeGitHub, type GitHubFailure } from '../fakes/fake-github';
import { dmChannelId, type SlackFailure } from '../fakes/fake-slack';
import { eventually, expectOutboxCalls } from '../fault/fault-world';
import { startRunningApp, type RunningTestApp } from '../fault/running-app';
import {
  BEFORE_FREEZE,
  GRACE,
  NOTEBOOKS,
  revisionFormSubmission,
  RM,
  seedGitHub,
  textOf,
  viewAnswer,
} from '../helpers/revision-fixtures';
import { RELEASE_CHANNEL } from '../helpers/start-app';

/**
 * Slack and GitHub failing over and over, through the running app: its own outbox sender (woken
 * as requests wake it), release managers looked up from the team, the default attempt limit.
 * Single failures are covered elsewhere and not repeated here: outbox.test.ts and
 * schedule-delivery.test.ts (429, 500, ok:false, dropped connections, give-up reports),
 * github-client.test.ts (502, rate limits), revisions-github-outage.test.ts (timeouts, 500,
 * a primary rate limit), blockers-sync.test.ts and blockers-lookups.test.ts (GraphQL).
 */

const MAX_ATTEMPTS = 6;
const TAG_REF = '/repos/kubeflow/kubeflow/git/ref/tags/v1.10.1';
const iso = (at: DateTime) => at.toUTC().toISO() ?? '';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let github: FakeGitHub;
let app: RunningTestApp;

beforeAll(async () => {
  github = await startFakeGitHub();
  seedGitHub(github);
});
afterAll(() => github.close());
beforeEach(async () => {
  github.requests.length = 0;
  app = await startRunningApp({ githubUrl: github.url, now: BEFORE_FREEZE });
  expectOutboxCalls(app.slack);
});
afterEach(async () => {
  await app.stop();
  app.slack.assertNoUnexpectedCalls();
  github.assertNoUnexpectedRequests();
});

/** Submits Notebooks v1.10.1 through signed HTTP; answers the saved revision. */
async function submit(note: string) {
  const response = await app.interact(revisionFormSubmission(GRACE, NOTEBOOKS, ['v1.10.1'], note));
  expect(response.status).toBe(200);
  expect(response.elapsedMs).toBeLessThan(3000);
  expect(viewAnswer(response).response_action).toBe('update');
  const release = app.services.store.releases.list()[0];
  const row = app.services.store.revisions.forRelease(release?.id ?? 0).at(-1);
  if (!row) throw new Error('nothing saved');
  return { row, answer: textOf(viewAnswer(response).view) };
}

/** Wakes the app's sender many times over a while; answers how many calls Slack heard meanwhile. */
async function wakeRepeatedly(): Promise<number> {
  const before = app.slack.calls.length;
  for (let i = 0; i < 10; i++) {
    app.kick();
    await sleep(10);
  }
  return app.slack.calls.length - before;
}

describe('Slack failing every time', () => {
  it.each<[string, SlackFailure, (attempt: number) => number]>([
    ['429 with Retry-After: 30', { kind: 'rate_limited', retryAfter: 30 }, () => 30],
    ['HTTP 500', { kind: 'http_500' }, backoffSeconds],
    ['ok:false internal_error', { kind: 'not_ok', error: 'internal_error' }, backoffSeconds],
    ['a dropped connection', { kind: 'drop' }, backoffSeconds],
  ])(
    '%s: retried when due and never sooner, then kept as failed and the release manager told',
    async (_case, failure, waitSeconds) => {
      for (let i = 0; i < MAX_ATTEMPTS; i++) app.slack.failNext('chat.postMessage', failure);
      const { row } = await submit('Slack is failing');
      const key = `revision:${row.id}:accepted`;
      const outboxRow = () => app.services.store.outbox.byKey(key);

      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        await app.slack.waitForCall(
          'chat.postMessage',
          () => app.slack.callsTo('chat.postMessage').length >= attempt,
        );
        if (attempt === MAX_ATTEMPTS) break;
        const due = iso(app.clock.now().plus({ seconds: waitSeconds(attempt) }));
        await eventually(
          () => outboxRow()?.attempts === attempt && outboxRow()?.nextAttemptAt === due,
          () => `attempt ${attempt} not recorded: ${JSON.stringify(outboxRow())}`,
        );
        expect(await wakeRepeatedly()).toBe(0);
        app.clock.set(iso(DateTime.fromISO(due).minus({ seconds: 1 })));
        expect(await wakeRepeatedly()).toBe(0);
        app.clock.set(due);
        app.kick();
      }

      await eventually(
        () => outboxRow()?.status === 'failed',
        () => `not given up: ${JSON.stringify(outboxRow())}`,
      );
      expect(outboxRow()).toMatchObject({ attempts: MAX_ATTEMPTS });
      expect(JSON.stringify(outboxRow()?.content)).toContain('v1.10.1');
      app.kick();
      const report = await app.slack.waitForCall(
        'chat.postMessage',
        (call) => call.args.channel === dmChannelId(RM),
      );
      expect(String(report.args.text)).toMatch(
        new RegExp(`could not post a message to <#${RELEASE_CHANNEL}>: .*after ${MAX_ATTEMPTS} attempts`),
      );
      expect(String(report.args.text)).toContain(`outbox entry \`${key}\`, marked failed`);
      expect(await wakeRepeatedly()).toBe(0);
      expect(app.slack.callsTo('chat.postMessage')).toHaveLength(MAX_ATTEMPTS + 1);
      expect(app.slack.callsTo('conversations.history')).toHaveLength(MAX_ATTEMPTS - 1);
      expect(app.slack.messages(RELEASE_CHANNEL)).toEqual([]);
      expect(app.slack.messages(dmChannelId(RM))).toHaveLength(1);
    },
  );
});

describe('GitHub failing while revisions are checked', () => {
  const fail =
    (failure: GitHubFailure, times = 1) =>
    () => {
      for (let i = 0; i < times; i++) github.failNext(TAG_REF, failure);
    };
  /** A 502 is tried three times (two retries) before the check gives up. */
  const badGateway = fail({ status: 502 }, 3);
  const secondary = fail({ secondaryRateLimit: true, retryAfter: 120 });
  const primary = fail({ rateLimited: true, resetInSeconds: 900 });

  // [case, failure on submission, requests it costs, failure on the next check, requests, then the wait]
  it.each<[string, () => void, number, () => void, number, number]>([
    ['502, and 502 again when checked later', badGateway, 3, badGateway, 3, 60],
    ['a secondary rate limit, twice', secondary, 1, secondary, 1, 120],
    ['502, then the primary rate limit (x-ratelimit-remaining: 0)', badGateway, 3, primary, 1, 900],
  ])(
    '%s: saved as pending, asked again only when due, then accepted and the submitter told',
    async (_case, failSubmission, submissionRequests, failRecheck, recheckRequests, waitSeconds) => {
      failSubmission();
      const { row, answer } = await submit('GitHub is failing');
      expect(answer).toContain('pending validation');
      expect(row).toMatchObject({ status: 'pending_validation', commitSha: null });
      expect(github.requestsTo('GET', TAG_REF)).toHaveLength(submissionRequests);

      const revisions = app.services.store.revisions;
      const waitFor = async (requestsSoFar: number) => {
        const next = revisions.byId(row.id)?.nextValidationAt ?? '';
        for (let i = 0; i < 10; i++) await revalidatePending(app.services);
        app.clock.set(iso(DateTime.fromISO(next).minus({ seconds: 1 })));
        expect(await revalidatePending(app.services)).toEqual({ decided: 0, stillPending: 0 });
        expect(github.requests).toHaveLength(requestsSoFar);
        app.clock.set(next);
      };

      await waitFor(submissionRequests);
      failRecheck();
      expect(await revalidatePending(app.services)).toEqual({ decided: 0, stillPending: 1 });
      const requests = submissionRequests + recheckRequests;
      expect(github.requests).toHaveLength(requests);
      const wait = DateTime.fromISO(revisions.byId(row.id)?.nextValidationAt ?? '')
        .diff(app.clock.now())
        .as('seconds');
      expect(wait).toBeGreaterThanOrEqual(waitSeconds - 2);
      expect(wait).toBeLessThanOrEqual(waitSeconds + 2);

      await waitFor(requests);
      expect(await revalidatePending(app.services)).toEqual({ decided: 1, stillPending: 0 });
      expect(revisions.byId(row.id)).toMatchObject({ status: 'accepted' });
      app.kick();
      const dm = await app.slack.waitForCall(
        'chat.postMessage',
        (call) => call.args.channel === dmChannelId(GRACE),
      );
      expect(textOf(dm.args.blocks)).toContain('Your revision was checked and accepted');
      await app.slack.waitForCall('chat.postMessage', (call) => call.args.channel === RELEASE_CHANNEL);
      expect(await wakeRepeatedly()).toBe(0);
      expect(app.slack.callsTo('chat.postMessage')).toHaveLength(2);
    },
  );
});
