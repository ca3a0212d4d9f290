import type { Database } from 'better-sqlite3';
import { objectRows } from './object-rows';

export interface TrackingIssueRow {
  releaseId: number;
  repo: string;
  /** Null while the issue is being created. */
  issueNumber: number | null;
  url: string | null;
  bodyHash: string | null;
  createdBy: string;
  createdAt: string;
  syncedAt: string | null;
}

const COLUMNS = `release_id AS releaseId, repo, issue_number AS issueNumber, url, body_hash AS bodyHash,
  created_by AS createdBy, created_at AS createdAt, synced_at AS syncedAt`;

/** The release tracking issue of each release, and the hash of the body GitHub last got. */
export function createTrackingIssueRepository(db: Database) {
  const find = objectRows(db.prepare(`SELECT ${COLUMNS} FROM tracking_issues WHERE release_id = ?`));
  // A claim left by a creation that never finished (the process died) may be taken over once stale.
  const claim = db.prepare(
    `INSERT INTO tracking_issues (release_id, repo, created_by, created_at)
     VALUES (@releaseId, @repo, @createdBy, @createdAt)
     ON CONFLICT (release_id) DO UPDATE SET repo = excluded.repo, created_by = excluded.created_by,
       created_at = excluded.created_at
     WHERE tracking_issues.issue_number IS NULL AND tracking_issues.created_at < @staleBefore`,
  );
  const unclaim = db.prepare(
    'DELETE FROM tracking_issues WHERE release_id = ? AND issue_number IS NULL AND created_at = ?',
  );
  const created = db.prepare(
    `UPDATE tracking_issues SET issue_number = @issueNumber, url = @url, body_hash = @bodyHash, synced_at = @at
     WHERE release_id = @releaseId AND issue_number IS NULL`,
  );
  const synced = db.prepare(
    'UPDATE tracking_issues SET body_hash = ?, synced_at = ? WHERE release_id = ? AND issue_number IS NOT NULL',
  );

  return {
    find: (releaseId: number) => (find.get(releaseId) as TrackingIssueRow | undefined) ?? null,
    /**
     * Reserves the release for one issue being created; false when it already has one, or another
     * creation started after `staleBefore`.
     */
    claim: (
      row: { releaseId: number; repo: string; createdBy: string; createdAt: string },
      staleBefore: string,
    ) => claim.run({ ...row, staleBefore }).changes === 1,
    /** Gives a claim back after the creation failed, so setup can be run again at once. */
    unclaim: (releaseId: number, createdAt: string) => unclaim.run(releaseId, createdAt).changes === 1,
    recordCreated: (
      releaseId: number,
      issue: { issueNumber: number; url: string; bodyHash: string },
      at: string,
    ) => created.run({ releaseId, ...issue, at }).changes === 1,
    recordSynced: (releaseId: number, bodyHash: string, at: string) =>
      synced.run(bodyHash, at, releaseId).changes === 1,
  };
}
