import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeGitHub, type FakeGitHub } from '../fakes/fake-github';
import { startFakeSlack, type FakeSlack } from '../fakes/fake-slack';
import {
  captureOutput,
  forkChild,
  killChildren,
  messageFrom,
  warmChildApp,
  type ChildApp,
} from '../fault/child-app';
import { ensureDistBuilt } from '../fault/dist-build';
import {
  addTeamToSlack,
  childAppEnv,
  expectOutboxCalls,
  readDatabase,
  seedReleaseDatabase,
} from '../fault/fault-world';
import {
  BEFORE_FREEZE,
  GRACE,
  NOTEBOOKS,
  revisionFormSubmission,
  seedGitHub,
  viewAnswer,
} from '../helpers/revision-fixtures';
import { postInteraction, postSlashCommand, type SlackHttpResponse } from '../helpers/slack-request';
import { ADMIN, answerText, RELEASE_CHANNEL, SIGNING_SECRET } from '../helpers/start-app';

const LOCK_HOLDER_SCRIPT = join(__dirname, '..', 'fault', 'lock-holder.cjs');
/** Longer than the app connection's busy timeout (2 s), shorter than Slack's 3 s. */
const LOCK_MS = 2500;
const SLACK_DEADLINE_MS = 3000;

/**
 * The app runs in its own process, so that the time to answer is measured from outside it:
 * better-sqlite3 waits for a lock synchronously, and a wait stalls every request of the process.
 */
describe('the database locked by another process for 2.5 s', () => {
  let github: FakeGitHub;
  let slack: FakeSlack;
  let dir: string;
  let databasePath: string;
  let app: ChildApp;

  beforeAll(async () => {
    await ensureDistBuilt();
    github = await startFakeGitHub();
    seedGitHub(github);
    slack = await startFakeSlack();
    expectOutboxCalls(slack);
    addTeamToSlack(slack);
    dir = mkdtempSync(join(tmpdir(), 'kfrelease-fault-lock-'));
    databasePath = join(dir, 'kfrelease.db');
    seedReleaseDatabase(databasePath, BEFORE_FREEZE);
    const env = childAppEnv({ databasePath, slackUrl: slack.url, githubUrl: github.url, now: BEFORE_FREEZE });
    app = await warmChildApp(env).start();
  }, 180_000);

  afterAll(async () => {
    await killChildren();
    await slack?.close();
    await github?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Another process takes the write lock; answers once it holds it, with when it lets go. */
  async function lockDatabase(): Promise<{ released: Promise<number> }> {
    const child = forkChild(LOCK_HOLDER_SCRIPT, [databasePath, String(LOCK_MS)], {});
    const output = captureOutput(child);
    await messageFrom<number>(child, 'locked', output);
    return { released: messageFrom<number>(child, 'released', output) };
  }

  const status = () =>
    postSlashCommand(app.url, SIGNING_SECRET, {
      command: '/kfrelease',
      text: 'status',
      user_id: ADMIN,
      channel_id: RELEASE_CHANNEL,
    });
  const submit = (note: string) =>
    postInteraction(app.url, SIGNING_SECRET, revisionFormSubmission(GRACE, NOTEBOOKS, ['v1.10.1'], note));

  const savedNotes = () =>
    readDatabase(databasePath, (db) => db.prepare('SELECT note FROM revision_submissions').pluck().all());

  function expectStatusAnswer(response: SlackHttpResponse): void {
    expect(response.status).toBe(200);
    expect(response.elapsedMs).toBeLessThan(SLACK_DEADLINE_MS);
    expect(answerText(response)).toContain('v1.10.0');
  }

  it('answers /kfrelease status while another process holds the write lock', async () => {
    const lock = await lockDatabase();
    expectStatusAnswer(await status());
    await lock.released;
  });

  // The app's connection waits up to 2.8 s for a lock (src/app.ts), so the write goes through.
  it('saves a revision submitted while the lock is held, and answers within 3 s', async () => {
    const lock = await lockDatabase();
    const response = await submit('while locked');
    await lock.released;
    expect(response.status).toBe(200);
    expect(response.elapsedMs).toBeLessThan(SLACK_DEADLINE_MS);
    expect(viewAnswer(response).errors).toBeUndefined();
    expect(viewAnswer(response).response_action).toBe('update');
    expect(savedNotes()).toContain('while locked');
  });

  // better-sqlite3 waits for a lock synchronously: a status asked meanwhile waits with it.
  it('answers a status asked while a submission waits for the lock', async () => {
    const lock = await lockDatabase();
    const submission = submit('waiting beside a status');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expectStatusAnswer(await status());
    const answered = await submission;
    await lock.released;
    expect(answered.status).toBe(200);
  });
});
