import type { Database } from 'better-sqlite3';
import { objectRows } from './object-rows';

/** A release branch, RC tag or final tag found in the manifests repository. */
export interface ReleaseArtifactRow {
  id: number;
  releaseId: number;
  /** The plan's milestone key: release_branch, rc.N or release. */
  milestone: string;
  kind: 'branch' | 'tag';
  rc: number | null;
  /** As found in the repository. */
  name: string;
  /** As the plan spells it. */
  normalized: string;
  /** The commit the tag points at; a branch's head when first seen. */
  commitSha: string;
  commitDate: string | null;
  firstSeenAt: string;
  note: string | null;
}

/** The last check of a release's manifests repository. */
export interface ArtifactCheckRow {
  releaseId: number;
  repo: string;
  checkedAt: string;
  succeededAt: string | null;
  lastError: string | null;
}

const COLUMNS = `id, release_id AS releaseId, milestone, kind, rc, name, normalized, commit_sha AS commitSha,
  commit_date AS commitDate, first_seen_at AS firstSeenAt, note`;

/** What kfrelease found of each release's branch and tags, and when it last looked. */
export function createRcTagRepository(db: Database) {
  const forRelease = objectRows(
    db.prepare(`SELECT ${COLUMNS} FROM release_artifacts WHERE release_id = ? ORDER BY COALESCE(rc, -1), id`),
  );
  const insert = db.prepare(
    `INSERT INTO release_artifacts
       (release_id, milestone, kind, rc, name, normalized, commit_sha, commit_date, first_seen_at, note)
     VALUES (@releaseId, @milestone, @kind, @rc, @name, @normalized, @commitSha, @commitDate, @firstSeenAt, @note)
     ON CONFLICT (release_id, milestone) DO NOTHING`,
  );
  const latestRc = db.prepare(
    `SELECT ${COLUMNS} FROM release_artifacts WHERE release_id = ? AND rc IS NOT NULL ORDER BY rc DESC LIMIT 1`,
  );
  const lastCheck = objectRows(
    db.prepare(
      `SELECT release_id AS releaseId, repo, checked_at AS checkedAt, succeeded_at AS succeededAt,
            last_error AS lastError
     FROM artifact_checks WHERE release_id = ?`,
    ),
  );
  const recordCheck = db.prepare(
    `INSERT INTO artifact_checks (release_id, repo, checked_at, succeeded_at, last_error)
     VALUES (@releaseId, @repo, @at, CASE WHEN @error IS NULL THEN @at END, @error)
     ON CONFLICT (release_id) DO UPDATE SET repo = excluded.repo, checked_at = excluded.checked_at,
       succeeded_at = COALESCE(excluded.succeeded_at, succeeded_at), last_error = excluded.last_error`,
  );

  return {
    /** Everything found for a release: the branch and final tag, then RCs by number. */
    forRelease: (releaseId: number) => forRelease.all(releaseId) as ReleaseArtifactRow[],
    /** Records an artifact the first time it is found; false when it was already recorded. */
    insert: (row: Omit<ReleaseArtifactRow, 'id'>): boolean => insert.run(row).changes > 0,
    /** The RC with the highest number found so far. */
    latestRc: (releaseId: number) => (latestRc.get(releaseId) as ReleaseArtifactRow | undefined) ?? null,
    lastCheck: (releaseId: number) => (lastCheck.get(releaseId) as ArtifactCheckRow | undefined) ?? null,
    /** Records a check; `error` null when it succeeded. */
    recordCheck(check: { releaseId: number; repo: string; at: string; error: string | null }): void {
      recordCheck.run(check);
    },
  };
}
