import type { Database } from 'better-sqlite3';

export type ManifestsPullState = 'open' | 'closed' | 'merged';

export interface ManifestsPullRow {
  releaseId: number;
  component: string;
  manifestsRepo: string;
  branch: string;
  upstreamRepo: string | null;
  revisionId: number | null;
  revision: string | null;
  /** Null until the pull request exists. */
  number: number | null;
  url: string | null;
  state: ManifestsPullState | null;
  headSha: string | null;
  openedBy: string | null;
  writtenAt: string | null;
  syncedAt: string | null;
  writingSince: string | null;
}

const COLUMNS = `release_id AS releaseId, component, manifests_repo AS manifestsRepo, branch,
  upstream_repo AS upstreamRepo, revision_id AS revisionId, revision, number, url, state, head_sha AS headSha,
  opened_by AS openedBy, written_at AS writtenAt, synced_at AS syncedAt, writing_since AS writingSince`;

/** The manifests sync pull requests of each release, one per component, and who is writing one now. */
export function createManifestsPullRepository(db: Database) {
  const forRelease = db.prepare(
    `SELECT ${COLUMNS} FROM manifests_pulls WHERE release_id = ? ORDER BY component`,
  );
  const find = db.prepare(`SELECT ${COLUMNS} FROM manifests_pulls WHERE release_id = ? AND component = ?`);
  const claim = db.prepare(
    `INSERT INTO manifests_pulls (release_id, component, manifests_repo, branch, writing_since)
     VALUES (@releaseId, @component, @manifestsRepo, @branch, @at)
     ON CONFLICT (release_id, component) DO UPDATE SET writing_since = excluded.writing_since
     WHERE manifests_pulls.writing_since IS NULL OR manifests_pulls.writing_since < @staleBefore`,
  );
  const release = db.prepare(
    'UPDATE manifests_pulls SET writing_since = NULL WHERE release_id = ? AND component = ? AND writing_since = ?',
  );
  const forget = db.prepare(
    'DELETE FROM manifests_pulls WHERE release_id = ? AND component = ? AND number IS NULL AND writing_since = ?',
  );
  const written = db.prepare(
    `UPDATE manifests_pulls SET manifests_repo = @manifestsRepo, branch = @branch, upstream_repo = @upstreamRepo,
       revision_id = @revisionId, revision = @revision, number = @number, url = @url, state = @state,
       head_sha = @headSha, opened_by = @openedBy, written_at = @at, synced_at = @at, writing_since = NULL
     WHERE release_id = @releaseId AND component = @component`,
  );
  const synced = db.prepare(
    'UPDATE manifests_pulls SET state = ?, synced_at = ? WHERE release_id = ? AND component = ? AND number = ?',
  );
  const toSync = db.prepare(
    `SELECT ${COLUMNS} FROM manifests_pulls m WHERE number IS NOT NULL
       AND EXISTS (SELECT 1 FROM releases r WHERE r.id = m.release_id AND r.status = 'active')
     ORDER BY release_id, component`,
  );

  return {
    forRelease: (releaseId: number) => forRelease.all(releaseId) as ManifestsPullRow[],
    find: (releaseId: number, component: string) =>
      (find.get(releaseId, component) as ManifestsPullRow | undefined) ?? null,
    /** Claims a component for writing; false while another request is writing it. */
    claim: (
      row: { releaseId: number; component: string; manifestsRepo: string; branch: string },
      at: string,
      staleBefore: string,
    ) => claim.run({ ...row, at, staleBefore }).changes === 1,
    /** Gives up a claim after a failure: a row that never had a pull request goes. */
    unclaim(releaseId: number, component: string, at: string): void {
      forget.run(releaseId, component, at);
      release.run(releaseId, component, at);
    },
    /** Records the branch and pull request as written, and ends the claim. */
    recordWritten(row: Omit<ManifestsPullRow, 'writtenAt' | 'syncedAt' | 'writingSince'>, at: string): void {
      written.run({ ...row, at });
    },
    /** The state GitHub answered for a pull request; true when it changed. */
    recordState(row: ManifestsPullRow, state: ManifestsPullState, at: string): boolean {
      synced.run(state, at, row.releaseId, row.component, row.number);
      return row.state !== state;
    },
    /** Pull requests of live releases, whose state the sync keeps up to date. */
    toSync: () => toSync.all() as ManifestsPullRow[],
  };
}

export type ManifestsPullRepository = ReturnType<typeof createManifestsPullRepository>;
