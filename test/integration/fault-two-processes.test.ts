import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { buildServices } from '../../src/app';
import { fixedClock } from '../../src/clock';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { setMeetingSettings } from '../../src/workflows/meeting-settings';
import { rehearse } from '../../src/workflows/rehearse';
import { startFakeGitHub, type FakeGitHub } from '../fakes/fake-github';
import { startFakeSlack, type FakeSlack } from '../fakes/fake-slack';
import { killChildren, warmChildApp, type ChildApp } from '../fault/child-app';
import { ensureDistBuilt } from '../fault/dist-build';
import {
  addTeamToSlack,
  childAppEnv,
  eventually,
  expectOutboxCalls,
  postsPerKey,
  readDatabase,
  seedReleaseDatabase,
} from '../fault/fault-world';
import { RELEASE } from '../helpers/revision-fixtures';

/** The whole cycle of v1.10.0 (week 1 Mon 2 Mar 2026): Preparation from 2 Feb to Post Release. */
const FROM = '2026-02-02';
const TO = '2026-07-26';
const SEEDED_AT = '2026-02-01T12:00:00Z';

/** Each child renews the background lease often, so one that dies is replaced within a second. */
const FAST_LEASE = { FAULT_LEASE_TTL_MS: '3000', FAULT_LEASE_RENEW_MS: '200' };

/**
 * The defect: two bot processes on one database (a rolling deploy, a second `npm start`) posted
 * scheduled messages twice, because both ran the scheduler and the outbox sender. Here two real
 * processes share one SQLite file at every due time of a whole rehearsed cycle, and one of them
 * is killed in the middle of some of those times: every message is posted exactly once.
 */
describe('two processes on one database (was: both posted every scheduled message)', () => {
  let github: FakeGitHub;
  let slack: FakeSlack;
  let dir: string;
  let databasePath: string;
  let planned: { at: string; key: string }[];

  beforeAll(async () => {
    await ensureDistBuilt();
    github = await startFakeGitHub();
    slack = await startFakeSlack({ firstTs: DateTime.fromISO(SEEDED_AT).toSeconds() });
    expectOutboxCalls(slack);
    addTeamToSlack(slack);
    dir = mkdtempSync(join(tmpdir(), 'kfrelease-fault-two-'));
    databasePath = join(dir, 'kfrelease.db');
    seedReleaseDatabase(databasePath, SEEDED_AT);
    const loaded = loadConfig({ DATABASE_PATH: databasePath, LOG_LEVEL: 'silent' });
    if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
    const services = buildServices(loaded.config, {
      clock: fixedClock(SEEDED_AT),
      logger: createLogger('silent'),
    });
    try {
      setMeetingSettings(services, {
        version: RELEASE,
        words: ['tue', '16:00', 'Europe/Berlin'],
        actor: { kind: 'cli', name: 'fault test' },
      });
      planned = rehearse(services, { version: RELEASE, from: FROM, to: TO }).posts.map((p) => ({
        at: p.at,
        key: p.key,
      }));
    } finally {
      services.store.db.close();
    }
  }, 180_000);

  afterAll(async () => {
    await killChildren();
    await slack?.close();
    await github?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const startAt = (at: string): Promise<ChildApp> =>
    warmChildApp({
      ...childAppEnv({ databasePath, slackUrl: slack.url, githubUrl: github.url, now: at }),
      ...FAST_LEASE,
      LOG_LEVEL: 'warn',
    }).start();

  const pending = () =>
    readDatabase(databasePath, (db) =>
      db.prepare("SELECT key FROM outbox WHERE status = 'pending'").pluck().all(),
    ) as string[];
  const queued = () =>
    readDatabase(databasePath, (db) => db.prepare('SELECT key FROM outbox').pluck().all()) as string[];

  it('posts every message of the cycle exactly once, with one of the two killed at some of the due times', async () => {
    const times = [...new Set(planned.map((p) => p.at))].sort();
    expect(times.length).toBeGreaterThanOrEqual(40);
    for (const [step, at] of times.entries()) {
      const due = planned.filter((p) => p.at <= at).map((p) => p.key);
      const [one, two] = await Promise.all([startAt(at), startAt(at)]);
      // Every other time, the first one dies at once: the other takes the background work over.
      if (step % 2 === 0) await one.kill();
      await eventually(
        () => due.every((key) => queued().includes(key)) && pending().length === 0,
        () =>
          `at ${at}: queued ${queued().join(', ')}; pending ${pending().join(', ')}\n` +
          `${JSON.stringify(readDatabase(databasePath, (db) => db.prepare('SELECT key, attempts, next_attempt_at, last_error FROM outbox').all()))}\n` +
          `${JSON.stringify(readDatabase(databasePath, (db) => db.prepare('SELECT * FROM background_lease').all()))}\n` +
          `one: ${one.output()}\ntwo: ${two.output()}`,
        15_000,
      );
      await Promise.all([one.kill(), two.kill()]);
    }

    const sent = queued();
    expect(sent.sort()).toEqual(planned.map((p) => p.key).sort());
    const posts = postsPerKey(slack);
    expect(sent.filter((key) => posts.get(key) !== 1).map((key) => [key, posts.get(key) ?? 0])).toEqual([]);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(sent.length);
    slack.assertNoUnexpectedCalls();
  }, 240_000);
});
