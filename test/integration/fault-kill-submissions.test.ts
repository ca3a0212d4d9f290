import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { startFakeGitHub, type FakeGitHub } from '../fakes/fake-github';
import { startFakeSlack, type FakeSlack } from '../fakes/fake-slack';
import { killChildren, warmChildApp, type ChildApp } from '../fault/child-app';
import { ensureDistBuilt } from '../fault/dist-build';
import { faultLoops } from '../fault/fault-loops';
import {
  addTeamToSlack,
  checkDatabase,
  childAppEnv,
  eventually,
  expectOutboxCalls,
  postsPerKey,
  readDatabase,
  seedReleaseDatabase,
} from '../fault/fault-world';
import {
  BEFORE_FREEZE,
  GRACE,
  NOTEBOOKS,
  revisionFormSubmission,
  seedGitHub,
  textOf,
  viewAnswer,
} from '../helpers/revision-fixtures';
import { postInteraction } from '../helpers/slack-request';
import { SIGNING_SECRET } from '../helpers/start-app';

const LOOPS = faultLoops(process.env);
/** Submissions in flight at once. */
const SUBMITTERS = 4;
/**
 * When the kill comes: mostly within this long after the first acknowledgement (the app is warm
 * and writing), every fourth round at any moment after it came up (its first requests, recovery).
 */
const KILL_AFTER_FIRST_ACK_MS = 150;
const EARLY_KILL_MS = 400;
/** A round whose app acknowledges nothing by then is killed anyway (and `refused` says why). */
const NO_ACK_TIMEOUT_MS = 5000;
const START = DateTime.fromISO(BEFORE_FREEZE, { zone: 'utc' });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const randomMs = (max: number) => Math.random() * max;

interface OutboxKey {
  key: string;
  status: string;
}

/**
 * Revisions the submitters take in turn: the same revision as the latest is answered "already
 * accepted" and saves nothing new, so each submission names another one.
 */
const ROTATION = ['v1.10.1', 'v1.10.0', 'v1.10.2'];

interface RoundResult {
  /** Notes of the submissions answered as saved. */
  acked: string[];
  /** Submissions answered "already accepted, nothing new was saved": two at once of one revision. */
  repeats: number;
  /** Requests that got something other than a saved answer (should never happen). */
  refused: string[];
  /** Requests on the wire when the process died. */
  inFlightAtKill: number;
}

describe('SIGKILL while revision submissions are being written', () => {
  let github: FakeGitHub;
  let slack: FakeSlack;
  let dir: string;
  let databasePath: string;
  /** Submissions sent so far, over every round: which revision of ROTATION the next one names. */
  let submitted = 0;

  beforeAll(async () => {
    await ensureDistBuilt();
    github = await startFakeGitHub();
    seedGitHub(github);
    // Each restart moves the app's frozen clock a minute on (so retries come due); Slack's clock
    // stays ahead of the app's, as the real one is ahead of any moment a post was queued.
    slack = await startFakeSlack({ firstTs: START.plus({ minutes: LOOPS + 10 }).toSeconds() });
    expectOutboxCalls(slack);
    addTeamToSlack(slack);
    dir = mkdtempSync(join(tmpdir(), 'kfrelease-fault-kill-'));
    databasePath = join(dir, 'kfrelease.db');
    seedReleaseDatabase(databasePath, BEFORE_FREEZE);
  }, 180_000);

  afterAll(async () => {
    await killChildren();
    await slack?.close();
    await github?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const envAt = (round: number) =>
    childAppEnv({
      databasePath,
      slackUrl: slack.url,
      githubUrl: github.url,
      now: START.plus({ minutes: round }).toISO() ?? '',
    });

  /** Submits as fast as the app answers until it is killed: early, or soon after the first answer. */
  async function round(app: ChildApp, round: number, early: boolean): Promise<RoundResult> {
    const result: RoundResult = { acked: [], repeats: 0, refused: [], inFlightAtKill: 0 };
    let inFlight = 0;
    let dead = false;
    let acknowledged!: () => void;
    const firstAck = new Promise<void>((resolve) => (acknowledged = resolve));
    const submitter = async (worker: number) => {
      for (let n = 0; !dead; n++) {
        const note = `fault ${round}.${worker}.${n}`;
        inFlight++;
        try {
          const revision = ROTATION[submitted++ % ROTATION.length] ?? 'v1.10.1';
          const form = revisionFormSubmission(GRACE, NOTEBOOKS, [revision], note);
          const response = await postInteraction(app.url, SIGNING_SECRET, form);
          const answer = viewAnswer(response);
          if (response.status === 200 && answer.response_action === 'update') {
            if (textOf(answer.view).includes('nothing new was saved')) result.repeats += 1;
            else result.acked.push(note);
            acknowledged();
          } else result.refused.push(`${response.status} ${response.text.slice(0, 300)}\n${app.output()}`);
        } catch {
          // The connection died with the process: not acknowledged, so nothing is promised.
        } finally {
          inFlight--;
        }
      }
    };
    const workers = Array.from({ length: SUBMITTERS }, (_, worker) => submitter(worker));
    if (early) await sleep(randomMs(EARLY_KILL_MS));
    else {
      let timer: NodeJS.Timeout | undefined;
      const noAck = new Promise((resolve) => (timer = setTimeout(resolve, NO_ACK_TIMEOUT_MS)));
      await Promise.race([firstAck, noAck]);
      clearTimeout(timer);
      await sleep(randomMs(KILL_AFTER_FIRST_ACK_MS));
    }
    result.inFlightAtKill = inFlight;
    await app.kill();
    dead = true;
    await Promise.all(workers);
    return result;
  }

  /** Every acknowledged submission is in the database, with its revision, and the file is sound. */
  function expectDurable(acked: readonly string[]): void {
    expect(checkDatabase(databasePath)).toEqual({ integrity: ['ok'], foreignKeys: [] });
    const saved = new Set(
      readDatabase(databasePath, (db) =>
        db
          .prepare('SELECT s.note FROM revision_submissions s JOIN revisions r ON r.submission_id = s.id')
          .pluck()
          .all(),
      ),
    );
    expect(acked.filter((note) => !saved.has(note))).toEqual([]);
  }

  it(
    `keeps every acknowledged submission through ${LOOPS} kills, and posts each notice once`,
    async () => {
      const acked: string[] = [];
      let repeats = 0;
      const refused: string[] = [];
      let inFlightAtKills = 0;
      let warm = warmChildApp(envAt(0));
      for (let i = 0; i < LOOPS; i++) {
        const app = await warm.start();
        expectDurable(acked); // after the restart: what the crash left, recovered by the app
        warm = warmChildApp(envAt(i + 1)); // loads its modules while this one is under fire
        const result = await round(app, i, i % 4 === 3);
        acked.push(...result.acked);
        repeats += result.repeats;
        refused.push(...result.refused);
        inFlightAtKills += result.inFlightAtKill;
      }

      const last = await warm.start();
      expectDurable(acked);
      expect(refused).toEqual([]);
      // Answered under fire: saved, or "already accepted" when two named one revision at once.
      expect(acked.length + repeats).toBeGreaterThanOrEqual(Math.ceil(LOOPS / 2));
      expect(acked.length).toBeGreaterThan(0);
      expect(inFlightAtKills).toBeGreaterThan(0);

      // The last app delivers what the kills interrupted: every queued notice exactly once.
      const pending = () =>
        readDatabase(databasePath, (db) =>
          db.prepare("SELECT key FROM outbox WHERE status = 'pending'").pluck().all(),
        );
      await eventually(
        () => pending().length === 0,
        () => `outbox still holds ${pending().join(', ')}`,
      );
      await last.kill();
      const sent = readDatabase(databasePath, (db) =>
        db.prepare('SELECT key, status FROM outbox').all(),
      ) as OutboxKey[];
      expect(sent.filter((row) => row.status !== 'sent')).toEqual([]);
      const posts = postsPerKey(slack);
      expect(
        sent.filter((row) => posts.get(row.key) !== 1).map((row) => [row.key, posts.get(row.key) ?? 0]),
      ).toEqual([]);
      expect(posts.size).toBe(sent.length);
      slack.assertNoUnexpectedCalls();
      github.assertNoUnexpectedRequests();
    },
    60_000 + LOOPS * 4000,
  );
});
