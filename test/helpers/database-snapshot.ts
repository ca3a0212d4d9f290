import type { Database } from 'better-sqlite3';

/**
 * Bookkeeping, not what people did: the background lease (renewed every few seconds) and the
 * answers kept for replayed form submissions.
 */
const NOT_STATE = new Set(['background_lease', 'view_submissions']);

/** Every row of every table, as one string: equal snapshots mean nothing changed. */
export function databaseSnapshot(db: Database): string {
  const tables = (
    db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all() as { name: string }[]
  ).filter(({ name }) => !NOT_STATE.has(name));
  return JSON.stringify(
    tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]),
  );
}
