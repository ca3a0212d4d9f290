import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Database } from 'better-sqlite3';

/** The lease every process's background work competes for. */
const BACKGROUND = 'background';

export interface LeaseHolder {
  owner: string;
  acquiredAt: number;
  renewedAt: number;
  expiresAt: number;
}

/** This process, as the lease names it: host, pid and a random part (a pid can be reused). */
export function leaseOwnerId(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

/**
 * Whether an owner is a process of this machine that no longer runs (killed, crashed): its lease
 * need not be waited out. Owners on other machines, or still running here, count as alive.
 */
export function isDeadHere(owner: string): boolean {
  const [host, pid] = owner.split(':');
  if (host !== hostname() || !pid || !/^\d+$/.test(pid) || Number(pid) === process.pid) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * The background-work lease in SQLite: `acquire` takes it when it is free or expired and renews
 * it when this owner holds it, in one statement, so two processes can never both hold it.
 */
export function createWorkerLease(db: Database, owner: string, ttlMs: number) {
  const take = db.prepare(
    `INSERT INTO background_lease (name, owner, acquired_at, renewed_at, expires_at)
     VALUES (@name, @owner, @now, @now, @expires)
     ON CONFLICT (name) DO UPDATE SET
       acquired_at = CASE WHEN owner = @owner THEN acquired_at ELSE @now END,
       owner = @owner, renewed_at = @now, expires_at = @expires
     WHERE owner = @owner OR expires_at <= @now`,
  );
  const drop = db.prepare('DELETE FROM background_lease WHERE name = ? AND owner = ?');
  const takeFrom = db.prepare(
    `UPDATE background_lease SET owner = @owner, acquired_at = @now, renewed_at = @now, expires_at = @expires
     WHERE name = @name AND owner = @dead`,
  );
  const read = db.prepare(
    `SELECT owner, acquired_at AS acquiredAt, renewed_at AS renewedAt, expires_at AS expiresAt
     FROM background_lease WHERE name = ?`,
  );
  return {
    owner,
    /**
     * Takes or renews the lease at `now` (ms); answers whether this owner holds it. A holder that
     * died on this machine is replaced at once rather than when its lease expires.
     */
    acquire(now: number): boolean {
      const times = { name: BACKGROUND, owner, now, expires: now + ttlMs };
      if (take.run(times).changes > 0) return true;
      const holder = read.get(BACKGROUND) as LeaseHolder | undefined;
      return holder !== undefined && isDeadHere(holder.owner)
        ? takeFrom.run({ ...times, dead: holder.owner }).changes > 0
        : false;
    },
    /** Gives the lease up, so another process takes over at once. */
    release(): void {
      drop.run(BACKGROUND, owner);
    },
    holder: (): LeaseHolder | null => (read.get(BACKGROUND) as LeaseHolder | undefined) ?? null,
  };
}

export type WorkerLease = ReturnType<typeof createWorkerLease>;
