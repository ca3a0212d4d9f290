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
        "SELECT name, wr FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all() as { name: string; wr: number }[]
  ).filter(({ name }) => !NOT_STATE.has(name));
  // A WITHOUT ROWID table (wr) has no rowid: its rows come in the order of its primary key.
  return JSON.stringify(
    tables.map(({ name, wr }) => [
      name,
      db.prepare(`SELECT * FROM "${name}"${wr ? '' : ' ORDER BY rowid'}`).all(),
    ]),
  );
}
