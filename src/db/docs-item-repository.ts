import type { Database } from 'better-sqlite3';
import type { DocsItem, DocsStatus } from '../domain/docs-items';

export interface DocsItemRow extends DocsItem {
  releaseId: number;
  wgId: number;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
}

const SELECT = `SELECT d.id, d.release_id AS releaseId, d.wg_id AS wgId, wg.name AS wg, d.feature, d.pages,
  d.owner, d.status, d.created_by AS createdBy, d.created_at AS createdAt, d.updated_by AS updatedBy,
  d.updated_at AS updatedAt
  FROM docs_items d JOIN working_groups wg ON wg.id = d.wg_id`;

/** Features that need documentation changes, per release. */
export function createDocsItemRepository(db: Database) {
  const insert = db.prepare(
    `INSERT INTO docs_items (release_id, wg_id, feature, pages, owner, status, created_by, created_at, updated_by, updated_at)
     VALUES (@releaseId, @wgId, @feature, @pages, @owner, @status, @by, @at, @by, @at)`,
  );
  const byId = db.prepare(`${SELECT} WHERE d.id = ?`);
  const forRelease = db.prepare(`${SELECT} WHERE d.release_id = ? ORDER BY wg.name, d.id`);
  // Open items (needed or in progress) of a release, of one owner or working group or all of them.
  const OPEN = `d.release_id = @releaseId AND d.status IN ('needed', 'in_progress')
    AND (@owner IS NULL OR d.owner = @owner) AND (@wg IS NULL OR wg.name = @wg)`;
  const openFirst = db.prepare(`${SELECT} WHERE ${OPEN} ORDER BY wg.name, d.id LIMIT @limit`);
  const openCount = db
    .prepare(`SELECT COUNT(*) FROM docs_items d JOIN working_groups wg ON wg.id = d.wg_id WHERE ${OPEN}`)
    .pluck();
  const setStatus = db.prepare(
    'UPDATE docs_items SET status = ?, updated_by = ?, updated_at = ? WHERE id = ? AND status <> ?',
  );

  return {
    insert: (item: {
      releaseId: number;
      wgId: number;
      feature: string;
      pages: string;
      owner: string | null;
      status: DocsStatus;
      by: string;
      at: string;
    }) => Number(insert.run(item).lastInsertRowid),
    byId: (id: number) => (byId.get(id) as DocsItemRow | undefined) ?? null,
    forRelease: (releaseId: number) => forRelease.all(releaseId) as DocsItemRow[],
    /**
     * The first `limit` open items of a release in forRelease's order, and how many are open in
     * all: of one owner, one working group, or (both null) every one.
     */
    open(
      releaseId: number,
      scope: { owner: string | null; wg: string | null },
      limit: number,
    ): { items: DocsItemRow[]; total: number } {
      const params = { releaseId, ...scope };
      return {
        items: openFirst.all({ ...params, limit }) as DocsItemRow[],
        total: openCount.get(params) as number,
      };
    },
    /** False when the item already had this status. */
    setStatus: (id: number, status: DocsStatus, by: string, at: string) =>
      setStatus.run(status, by, at, id, status).changes === 1,
  };
}
