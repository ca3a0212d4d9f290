import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { buildServices } from '../../src/app';
import { fixedClock } from '../../src/clock';
import { loadConfig } from '../../src/config';
import { openDatabase } from '../../src/db/open-database';
import { createLogger } from '../../src/logger';
import { createRelease } from '../../src/workflows/create-release';
import { importTeam } from '../../src/workflows/import-team';
import type { FakeSlack } from '../fakes/fake-slack';
import { RELEASE } from '../helpers/revision-fixtures';
import { ADMIN, RELEASE_CHANNEL, SIGNING_SECRET } from '../helpers/start-app';

const TEAM_FILE = join(__dirname, '..', '..', 'examples', 'team.yml');

/** Every Slack user of examples/team.yml, so that direct messages to them can be opened. */
export function addTeamToSlack(slack: FakeSlack): void {
  const ids = new Set(readFileSync(TEAM_FILE, 'utf8').match(/\bU0[A-Z0-9]{5,}\b/g) ?? []);
  for (const id of ids) slack.addUser({ id, name: id.toLowerCase() });
}

/** The Slack methods the app calls on its own: posting through the outbox, and finding lost posts. */
export function expectOutboxCalls(slack: FakeSlack): void {
  for (const method of ['chat.postMessage', 'conversations.open', 'conversations.history'])
    slack.expect(method);
}

/**
 * A database file with release v1.10.0 (handbook-17w, Europe/Berlin) in the release channel and the
 * example team, written by this process before any child opens it.
 */
export function seedReleaseDatabase(databasePath: string, now: string): void {
  const loaded = loadConfig({ DATABASE_PATH: databasePath, LOG_LEVEL: 'silent' });
  if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
  const services = buildServices(loaded.config, { clock: fixedClock(now), logger: createLogger('silent') });
  try {
    createRelease(services, {
      version: RELEASE,
      startDate: '2026-03-02',
      template: 'handbook-17w',
      timeZone: 'Europe/Berlin',
      channel: RELEASE_CHANNEL,
      actor: { kind: 'cli', name: 'fault test' },
    });
    importTeam(services, {
      yaml: readFileSync(TEAM_FILE, 'utf8'),
      source: 'team.yml',
      actor: { kind: 'cli', name: 'fault test' },
    });
  } finally {
    services.store.db.close();
  }
}

/** The environment of an app child process: the Slack and GitHub fakes, a clock starting at `now`. */
export function childAppEnv(input: {
  databasePath: string;
  slackUrl: string;
  githubUrl: string;
  now: string;
}): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: 'xoxb-fault-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: input.slackUrl,
    GITHUB_API_URL: input.githubUrl,
    DATABASE_PATH: input.databasePath,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'error',
    KFRELEASE_ADMINS: ADMIN,
    KFRELEASE_NOW: input.now,
  };
}

/** Reads a database file through a connection of this process, beside (or after) the app's. */
export function readDatabase<T>(databasePath: string, read: (db: Database.Database) => T): T {
  const db = openDatabase(databasePath, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** What PRAGMA integrity_check and foreign_key_check say of a database file: `['ok']` and `[]` when sound. */
export function checkDatabase(databasePath: string): { integrity: string[]; foreignKeys: unknown[] } {
  return readDatabase(databasePath, (db) => ({
    integrity: (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check),
    foreignKeys: db.pragma('foreign_key_check') as unknown[],
  }));
}

/** How many times each outbox key was posted, over every conversation of the fake Slack. */
export function postsPerKey(slack: FakeSlack): Map<string, number> {
  const counts = new Map<string, number>();
  for (const messages of slack.state.messages.values()) {
    for (const message of messages) {
      const key = message.metadata?.event_payload.key;
      if (typeof key === 'string') counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

/** Polls `read` until it answers true; fails with `describe()` after `timeoutMs`. */
export async function eventually(read: () => boolean, describe: () => string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!read()) {
    if (Date.now() > deadline) throw new Error(`${describe()} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
