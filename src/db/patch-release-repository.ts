import type { Database } from 'better-sqlite3';
import type { PatchCriterion } from '../domain/patch-criteria';
import { objectRows } from './object-rows';

export interface PatchReleaseRow {
  id: number;
  releaseId: number;
  version: string;
  patch: number;
  targetOn: string | null;
  releasedOn: string | null;
  openedBy: string;
  openedAt: string;
}

export interface PatchChangeRow {
  owner: string;
  repo: string;
  number: number;
  criterion: PatchCriterion;
  note: string;
  addedBy: string;
  addedAt: string;
}

const PATCH_COLUMNS = `id, release_id AS releaseId, version, patch, target_on AS targetOn,
  released_on AS releasedOn, opened_by AS openedBy, opened_at AS openedAt`;

/** Patch releases of each minor release and the changes each includes. */
export function createPatchReleaseRepository(db: Database) {
  const byVersion = db.prepare(`SELECT ${PATCH_COLUMNS} FROM patch_releases WHERE version = ?`);
  const forRelease = objectRows(
    db.prepare(`SELECT ${PATCH_COLUMNS} FROM patch_releases WHERE release_id = ? ORDER BY patch`),
  );
  const insertPatch = db.prepare(
    `INSERT INTO patch_releases (release_id, version, patch, target_on, opened_by, opened_at)
     VALUES (@releaseId, @version, @patch, @targetOn, @openedBy, @openedAt)`,
  );
  const markReleased = db.prepare(
    'UPDATE patch_releases SET released_on = ? WHERE id = ? AND released_on IS NULL',
  );
  const changes = db.prepare(
    `SELECT owner, repo, number, criterion, note, added_by AS addedBy, added_at AS addedAt
     FROM patch_changes WHERE patch_id = ? ORDER BY id`,
  );
  const insertChange = db.prepare(
    `INSERT INTO patch_changes (patch_id, owner, repo, number, criterion, note, added_by, added_at)
     VALUES (@patchId, @owner, @repo, @number, @criterion, @note, @addedBy, @addedAt)
     ON CONFLICT (patch_id, owner, repo, number) DO NOTHING`,
  );
  return {
    findByVersion: (version: string) => (byVersion.get(version) as PatchReleaseRow | undefined) ?? null,
    forRelease: (releaseId: number) => forRelease.all(releaseId) as PatchReleaseRow[],
    open: (patch: Omit<PatchReleaseRow, 'id' | 'releasedOn'>) =>
      Number(insertPatch.run(patch).lastInsertRowid),
    /** Marks a patch release as shipped; false when it already was. */
    markReleased: (id: number, on: string) => markReleased.run(on, id).changes > 0,
    changes: (patchId: number) => changes.all(patchId) as PatchChangeRow[],
    /** Adds a change; false when the patch release already includes that issue or pull request. */
    addChange: (patchId: number, change: PatchChangeRow) =>
      insertChange.run({ patchId, ...change }).changes > 0,
  };
}
