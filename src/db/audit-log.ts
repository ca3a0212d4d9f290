import type { Database, Statement } from 'better-sqlite3';

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
  type Raw = Omit<AuditEntry, 'details'> & { details: string };
  const parse = (rows: Raw[]): AuditEntry[] =>
    rows.map((row) => ({ ...row, details: JSON.parse(row.details) as Record<string, unknown> }));
  // One pair of statements per number of actions asked for (the list of decision actions is fixed).
  const byActions = new Map<number, { count: Statement; page: Statement }>();
  const statementsFor = (actions: readonly string[]) => {
    let found = byActions.get(actions.length);
    if (!found) {
      const where = `release_id = ? AND action IN (${actions.map(() => '?').join(', ')})`;
      found = {
        count: db.prepare(`SELECT COUNT(*) FROM audit_log WHERE ${where}`).pluck(),
        page: db.prepare(
          // Only the entries with those actions, sorted: left to itself SQLite walks every entry of
          // the release in id order (audit_log_release) to skip the sort.
          `SELECT at, actor, release_id AS releaseId, action, details FROM audit_log
           INDEXED BY audit_log_release_action WHERE ${where} ORDER BY id LIMIT ? OFFSET ?`,
        ),
      };
      byActions.set(actions.length, found);
    }
    return found;
  };
  return {
    record(entry: AuditEntry): void {
      insert.run(entry.at, entry.actor, entry.releaseId, entry.action, JSON.stringify(entry.details));
    },
    forRelease: (releaseId: number): AuditEntry[] => parse(forRelease.all(releaseId) as Raw[]),
    /** How many entries of a release have one of `actions` (on audit_log_release_action). */
    countActions: (releaseId: number, actions: readonly string[]): number =>
      statementsFor(actions).count.get(releaseId, ...actions) as number,
    /** Entries of a release with one of `actions`, oldest first, `limit` of them after `offset`. */
    withActions: (
      releaseId: number,
      actions: readonly string[],
      limit: number,
      offset: number,
    ): AuditEntry[] => parse(statementsFor(actions).page.all(releaseId, ...actions, limit, offset) as Raw[]),
  };
}
