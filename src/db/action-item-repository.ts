import type { Database } from 'better-sqlite3';

export interface ActionItem {
  id: number;
  releaseId: number;
  text: string;
  /** Slack user ID of the owner, if any. */
  owner: string | null;
  createdBy: string;
  createdAt: string;
  doneBy: string | null;
  doneAt: string | null;
}

const COLUMNS = `id, release_id AS releaseId, text, owner, created_by AS createdBy, created_at AS createdAt,
  done_by AS doneBy, done_at AS doneAt`;

/** Action items raised in release team meetings. */
export function createActionItemRepository(db: Database) {
  const insert = db.prepare(
    'INSERT INTO action_items (release_id, text, owner, created_by, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const byId = db.prepare(`SELECT ${COLUMNS} FROM action_items WHERE id = ?`);
  const complete = db.prepare(
    'UPDATE action_items SET done_by = ?, done_at = ? WHERE id = ? AND done_at IS NULL',
  );
  const forAgenda = db.prepare(
    `SELECT ${COLUMNS} FROM action_items WHERE release_id = ? AND (done_at IS NULL OR done_at >= ?) ORDER BY id`,
  );
  const openCount = db
    .prepare('SELECT COUNT(*) FROM action_items WHERE release_id = ? AND done_at IS NULL')
    .pluck();
  const openPage = db.prepare(
    `SELECT ${COLUMNS} FROM action_items WHERE release_id = ? AND done_at IS NULL ORDER BY id LIMIT ? OFFSET ?`,
  );
  return {
    add(item: Pick<ActionItem, 'releaseId' | 'text' | 'owner' | 'createdBy' | 'createdAt'>): number {
      return Number(
        insert.run(item.releaseId, item.text, item.owner, item.createdBy, item.createdAt).lastInsertRowid,
      );
    },
    byId: (id: number) => (byId.get(id) as ActionItem | undefined) ?? null,
    /** Marks an open item done; false when it was done already. */
    complete: (id: number, by: string, at: string) => complete.run(by, at, id).changes === 1,
    /** Open items, and those done at or after `doneSince` (UTC ISO), oldest first. */
    openOrDoneSince: (releaseId: number, doneSince: string) =>
      forAgenda.all(releaseId, doneSince) as ActionItem[],
    /** How many items of a release are still open (on action_items_release). */
    openCount: (releaseId: number) => openCount.get(releaseId) as number,
    /** Open items of a release, oldest first: `limit` of them after `offset`. */
    openPage: (releaseId: number, limit: number, offset: number) =>
      openPage.all(releaseId, limit, offset) as ActionItem[],
  };
}
