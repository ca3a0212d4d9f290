import type { Database } from 'better-sqlite3';

export interface AuditEntry {
  at: string;
  /** A Slack user ID, or `cli:<name>` for the command line. */
  actor: string;
  releaseId: number | null;
  action: string;
  details: Record<string, unknown>;
}

/** The record of every change: who, what, when. Written in the same transaction as the change. */
export function createAuditLog(db: Database) {
  const insert = db.prepare(
    'INSERT INTO audit_log (at, actor, release_id, action, details) VALUES (?, ?, ?, ?, ?)',
  );
  const forRelease = db.prepare(
    `SELECT at, actor, release_id AS releaseId, action, details FROM audit_log
     WHERE release_id = ? ORDER BY id`,
  );
  return {
    record(entry: AuditEntry): void {
      insert.run(entry.at, entry.actor, entry.releaseId, entry.action, JSON.stringify(entry.details));
    },
    forRelease(releaseId: number): AuditEntry[] {
      return (forRelease.all(releaseId) as (Omit<AuditEntry, 'details'> & { details: string })[]).map(
        (row) => ({
          ...row,
          details: JSON.parse(row.details) as Record<string, unknown>,
        }),
      );
    },
  };
}
