import { mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { loadMigrations, migrate, MIGRATIONS_DIR } from '../../src/db/migrate';
import { openDatabase } from '../../src/db/open-database';
import { createWorkerLease, isDeadHere } from '../../src/jobs/worker-lease';

const TTL = 30_000;
let dir: string;
let first: Database.Database;
let second: Database.Database;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kfrelease-lease-'));
  const file = join(dir, 'kfrelease.db');
  first = openDatabase(file);
  migrate(first, loadMigrations(MIGRATIONS_DIR), () => '2026-05-12T10:00:00Z');
  second = openDatabase(file);
});
afterEach(() => {
  first.close();
  second.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The pid of a process that has exited: a holder that died on this machine. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

describe('the background lease (two processes on one database post twice: was no lease)', () => {
  it('is held by one process at a time: the second is refused while the first renews', () => {
    const a = createWorkerLease(first, `${hostname()}:${process.pid}:aaaa`, TTL);
    const b = createWorkerLease(second, 'other-host:4242:bbbb', TTL);
    expect(a.acquire(1_000)).toBe(true);
    expect(b.acquire(1_001)).toBe(false);
    expect(a.acquire(11_000)).toBe(true);
    expect(b.acquire(39_000)).toBe(false);
    expect(a.holder()).toMatchObject({
      owner: a.owner,
      acquiredAt: 1_000,
      renewedAt: 11_000,
      expiresAt: 41_000,
    });
  });

  it('is taken over once it expired, and the old holder then knows it lost it', () => {
    const a = createWorkerLease(first, 'host-a:1:aaaa', TTL);
    const b = createWorkerLease(second, 'host-b:2:bbbb', TTL);
    expect(a.acquire(0)).toBe(true);
    expect(b.acquire(TTL)).toBe(true);
    expect(a.acquire(TTL + 1)).toBe(false);
    expect(b.holder()?.owner).toBe(b.owner);
  });

  it('is given up on stop, so another process takes over at once', () => {
    const a = createWorkerLease(first, 'host-a:1:aaaa', TTL);
    const b = createWorkerLease(second, 'host-b:2:bbbb', TTL);
    a.acquire(0);
    a.release();
    expect(b.acquire(1)).toBe(true);
  });

  it('is taken from a holder that died on this machine without waiting for it to expire', () => {
    const dead = `${hostname()}:${deadPid()}:dead`;
    expect(isDeadHere(dead)).toBe(true);
    expect(isDeadHere(`${hostname()}:${process.pid}:self`)).toBe(false);
    expect(isDeadHere('elsewhere:1:x')).toBe(false);
    const gone = createWorkerLease(first, dead, TTL);
    const b = createWorkerLease(second, `${hostname()}:${process.pid}:bbbb`, TTL);
    expect(gone.acquire(0)).toBe(true);
    expect(b.acquire(1)).toBe(true);
  });
});
