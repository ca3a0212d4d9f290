import type { Database } from 'better-sqlite3';
import type { RevisionReview } from '../domain/revision-policy';

export type RevisionStatus = 'pending_validation' | 'accepted' | 'needs_exception' | 'denied' | 'rejected';

export interface RevisionRow {
  id: number;
  submissionId: number;
  releaseId: number;
  wgId: number;
  wg: string;
  repo: string;
  revision: string;
  kind: 'tag' | 'branch' | 'commit' | null;
  commitSha: string | null;
  version: string | null;
  status: RevisionStatus;
  freeze: boolean;
  warnings: string[];
  review: RevisionReview | null;
  validationAttempts: number;
  nextValidationAt: string | null;
  lastError: string | null;
  submittedBy: string;
  submittedAt: string;
  note: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
}

/** The outcome of validating one revision, as stored. */
export interface RevisionOutcome {
  status: Exclude<RevisionStatus, 'pending_validation'>;
  kind: 'tag' | 'branch' | 'commit' | null;
  commitSha: string | null;
  version: string | null;
  warnings: string[];
  review: RevisionReview | null;
  lastError: string | null;
}

const SELECT = `SELECT r.id, r.submission_id AS submissionId, r.release_id AS releaseId, r.wg_id AS wgId, wg.name AS wg,
  r.repo, r.revision, r.kind, r.commit_sha AS commitSha, r.version, r.status, r.freeze, r.warnings, r.review,
  r.validation_attempts AS validationAttempts, r.next_validation_at AS nextValidationAt, r.last_error AS lastError,
  s.submitted_by AS submittedBy, s.submitted_at AS submittedAt, s.note, r.decided_by AS decidedBy,
  r.decided_at AS decidedAt, r.decision_reason AS decisionReason
  FROM revisions r JOIN revision_submissions s ON s.id = r.submission_id JOIN working_groups wg ON wg.id = r.wg_id`;

type Raw = Omit<RevisionRow, 'freeze' | 'warnings' | 'review'> & {
  freeze: number;
  warnings: string;
  review: string;
};

function toRow(raw: Raw): RevisionRow {
  const review = JSON.parse(raw.review) as Partial<RevisionReview>;
  return {
    ...raw,
    freeze: raw.freeze === 1,
    warnings: JSON.parse(raw.warnings) as string[],
    review: review.reasons ? (review as RevisionReview) : null,
  };
}

/** The accepted revision a repository ships now: the columns the versions table shows. */
export type ShippingRevision = Pick<
  RevisionRow,
  'id' | 'revision' | 'kind' | 'commitSha' | 'version' | 'submittedBy' | 'submittedAt'
>;

/** Where one working group's repository stands in a release. */
export interface RevisionHead {
  wgId: number;
  repo: string;
  /** Its latest accepted revision. */
  accepted: ShippingRevision | null;
  /** Its latest revision, when that one is still waiting (pending validation or held). */
  waiting: { revision: string; status: 'pending_validation' | 'needs_exception' } | null;
}

/** Counts of a release's revisions still waiting, whatever their repository. */
export interface WaitingCounts {
  held: number;
  pending: number;
}

// Per working group and repository, in one pass over revisions_release_latest: the latest
// revision, the latest accepted one and the waiting counts.
const PER_REPOSITORY = `SELECT wg_id, repo, MAX(id) AS latest, MAX(CASE WHEN status = 'accepted' THEN id END) AS accepted,
    SUM(status = 'needs_exception') AS held, SUM(status = 'pending_validation') AS pending
  FROM revisions WHERE release_id = ? GROUP BY wg_id, repo`;

/** How standing() names a working group's repository: its id and the repository, e.g. `3 kubeflow/pipelines`. */
export const standingKey = (wgId: number, repo: string) => `${wgId} ${repo}`;

/** Submitted revisions and their validation and decisions. */
export function createRevisionRepository(db: Database) {
  const insertSubmission = db.prepare(
    'INSERT INTO revision_submissions (release_id, wg_id, submitted_by, submitted_at, note) VALUES (?, ?, ?, ?, ?)',
  );
  const insertRevision = db.prepare(
    `INSERT INTO revisions (submission_id, release_id, wg_id, repo, revision, kind, commit_sha, version, status, freeze,
       warnings, review, next_validation_at, last_error, updated_at)
     VALUES (@submissionId, @releaseId, @wgId, @repo, @revision, @kind, @commitSha, @version, @status, @freeze,
       @warnings, @review, @nextValidationAt, @lastError, @now)`,
  );
  const byId = db.prepare(`${SELECT} WHERE r.id = ?`);
  const forRelease = db.prepare(`${SELECT} WHERE r.release_id = ? ORDER BY r.id`);
  const waitingCounts = db.prepare(
    `SELECT COALESCE(SUM(status = 'needs_exception'), 0) AS held,
            COALESCE(SUM(status = 'pending_validation'), 0) AS pending
     FROM revisions WHERE release_id = ?`,
  );
  const latestPerRepo = db.prepare(
    `${SELECT} WHERE r.id IN (
       SELECT MAX(id) FROM revisions WHERE release_id = @release GROUP BY wg_id, repo
       UNION
       SELECT MAX(id) FROM revisions WHERE release_id = @release AND status = 'accepted' GROUP BY wg_id, repo)
     ORDER BY r.id`,
  );
  const heads = db.prepare(
    `SELECT h.wg_id AS wgId, h.repo, h.held, h.pending, a.id, a.revision, a.kind, a.commit_sha AS commitSha,
       a.version, s.submitted_by AS submittedBy, s.submitted_at AS submittedAt,
       CASE WHEN l.status IN ('pending_validation', 'needs_exception') THEN l.revision END AS waitingRevision,
       l.status AS latestStatus
     FROM (${PER_REPOSITORY}) h
     JOIN revisions l ON l.id = h.latest
     LEFT JOIN revisions a ON a.id = h.accepted
     LEFT JOIN revision_submissions s ON s.id = a.submission_id`,
  );
  // One row for the whole release: what status says about revisions costs one short string, and
  // the same however many revisions the release has. Per repository with components, one seek
  // on revisions_release_latest for an accepted revision; the waiting ones through
  // revisions_pending (by status: only the few waiting anywhere, not the release's every row).
  const standing = db.prepare(
    `SELECT
       (SELECT json_group_array(c.wg_id || ' ' || c.repo) FROM (SELECT DISTINCT wg_id, repo FROM wg_components) c
        WHERE EXISTS (SELECT 1 FROM revisions r WHERE r.release_id = @release AND r.wg_id = c.wg_id
          AND r.repo = c.repo AND r.status = 'accepted')) AS accepted,
       (SELECT COUNT(*) FROM revisions WHERE status = 'needs_exception' AND +release_id = @release) AS held,
       (SELECT COUNT(*) FROM revisions WHERE status = 'pending_validation' AND +release_id = @release) AS pending`,
  );
  // The few waiting revisions through revisions_pending, each kept only when no later revision of
  // its repository came after it (revisions_release_latest).
  const waitingLatest = db
    .prepare(
      `SELECT DISTINCT w.wg_id || ' ' || w.repo FROM revisions w
       WHERE w.status IN ('pending_validation', 'needs_exception') AND +w.release_id = @release
         AND w.id = (SELECT MAX(l.id) FROM revisions l
                     WHERE l.release_id = @release AND l.wg_id = w.wg_id AND l.repo = w.repo)`,
    )
    .pluck();
  const lastAcceptedFreeze = db.prepare(
    `${SELECT} WHERE r.release_id = ? AND r.repo = ? AND r.status = 'accepted' AND r.freeze = 1 ORDER BY r.id DESC LIMIT 1`,
  );
  const duePending = db.prepare(
    `${SELECT} WHERE r.status = 'pending_validation' AND (r.next_validation_at IS NULL OR r.next_validation_at <= ?)
     ORDER BY r.id LIMIT ?`,
  );
  const complete = db.prepare(
    `UPDATE revisions SET status = @status, kind = @kind, commit_sha = @commitSha, version = @version,
       warnings = @warnings, review = @review, last_error = @lastError, next_validation_at = NULL, updated_at = @now
     WHERE id = @id AND status = 'pending_validation'`,
  );
  const retryLater = db.prepare(
    `UPDATE revisions SET validation_attempts = validation_attempts + 1, next_validation_at = ?, last_error = ?, updated_at = ?
     WHERE id = ? AND status = 'pending_validation'`,
  );
  const decide = db.prepare(
    `UPDATE revisions SET status = ?, decided_by = ?, decided_at = ?, decision_reason = ?, updated_at = ?
     WHERE id = ? AND status = 'needs_exception'`,
  );

  return {
    /** Saves a submission with one row per repository; returns the new revision ids in order. */
    insertSubmission(
      submission: { releaseId: number; wgId: number; submittedBy: string; submittedAt: string; note: string },
      rows: ({ repo: string; revision: string; freeze: boolean; nextValidationAt: string | null } & (
        RevisionOutcome | { status: 'pending_validation' }
      ))[],
    ): number[] {
      const submissionId = Number(
        insertSubmission.run(
          submission.releaseId,
          submission.wgId,
          submission.submittedBy,
          submission.submittedAt,
          submission.note,
        ).lastInsertRowid,
      );
      return rows.map((row) => {
        const outcome = row.status === 'pending_validation' ? null : (row as RevisionOutcome);
        return Number(
          insertRevision.run({
            submissionId,
            releaseId: submission.releaseId,
            wgId: submission.wgId,
            repo: row.repo,
            revision: row.revision,
            kind: outcome?.kind ?? null,
            commitSha: outcome?.commitSha ?? null,
            version: outcome?.version ?? null,
            status: row.status,
            freeze: row.freeze ? 1 : 0,
            warnings: JSON.stringify(outcome?.warnings ?? []),
            review: JSON.stringify(outcome?.review ?? {}),
            nextValidationAt: row.nextValidationAt,
            lastError: outcome?.lastError ?? null,
            now: submission.submittedAt,
          }).lastInsertRowid,
        );
      });
    },
    byId: (id: number) => {
      const raw = byId.get(id) as Raw | undefined;
      return raw ? toRow(raw) : null;
    },
    forRelease: (releaseId: number) => (forRelease.all(releaseId) as Raw[]).map(toRow),
    /** How many of a release's revisions are held for the release manager, and pending validation. */
    waitingCounts: (releaseId: number) => waitingCounts.get(releaseId) as { held: number; pending: number },
    /** Per working group and repository: the latest revision and the latest accepted one, oldest first. */
    latestPerRepo: (releaseId: number) => (latestPerRepo.all({ release: releaseId }) as Raw[]).map(toRow),
    /**
     * Per working group and repository with any revision in the release: its latest accepted
     * revision and the waiting one after it; and the release's waiting counts. Only what the
     * versions table shows, in one statement.
     */
    heads(releaseId: number): { heads: RevisionHead[] } & WaitingCounts {
      const rows = heads.all(releaseId) as (ShippingRevision & {
        wgId: number;
        repo: string;
        held: number;
        pending: number;
        id: number | null;
        waitingRevision: string | null;
        latestStatus: RevisionStatus;
      })[];
      let held = 0;
      let pending = 0;
      const list = rows.map((row): RevisionHead => {
        held += row.held;
        pending += row.pending;
        const { wgId, repo, id, revision, kind, commitSha, version, submittedBy, submittedAt } = row;
        return {
          wgId,
          repo,
          accepted: id === null ? null : { id, revision, kind, commitSha, version, submittedBy, submittedAt },
          waiting:
            row.waitingRevision === null
              ? null
              : {
                  revision: row.waitingRevision,
                  status: row.latestStatus as 'pending_validation' | 'needs_exception',
                },
        };
      });
      return { heads: list, held, pending };
    },
    /**
     * The working group repositories with components that have an accepted revision in the
     * release, as keys `<wg id> <repo>` (see standingKey), and the release's waiting counts: what
     * status says.
     */
    standing(releaseId: number): { accepted: ReadonlySet<string> } & WaitingCounts {
      const row = standing.get({ release: releaseId }) as { accepted: string } & WaitingCounts;
      return {
        accepted: new Set(JSON.parse(row.accepted) as string[]),
        held: row.held,
        pending: row.pending,
      };
    },
    /**
     * The working group repositories whose latest revision is still waiting (pending validation
     * or held for the release manager), as keys `<wg id> <repo>`: what a liaison's Home tab owes.
     */
    waitingRepositories: (releaseId: number): ReadonlySet<string> =>
      new Set(waitingLatest.all({ release: releaseId }) as string[]),
    lastAcceptedFreeze: (releaseId: number, repo: string) => {
      const raw = lastAcceptedFreeze.get(releaseId, repo) as Raw | undefined;
      return raw ? toRow(raw) : null;
    },
    duePending: (now: string, limit: number) => (duePending.all(now, limit) as Raw[]).map(toRow),
    /** Records a validation result; false when the row was no longer pending (someone got there first). */
    complete(id: number, outcome: RevisionOutcome, now: string): boolean {
      const result = complete.run({
        id,
        status: outcome.status,
        kind: outcome.kind,
        commitSha: outcome.commitSha,
        version: outcome.version,
        warnings: JSON.stringify(outcome.warnings),
        review: JSON.stringify(outcome.review ?? {}),
        lastError: outcome.lastError,
        now,
      });
      return result.changes === 1;
    },
    retryLater: (id: number, at: string, error: string, now: string) =>
      retryLater.run(at, error, now, id).changes === 1,
    /** The release manager's decision on a held revision; false when it was not held (any more). */
    decide: (id: number, status: 'accepted' | 'denied', by: string, at: string, reason: string | null) =>
      decide.run(status, by, at, reason, at, id).changes === 1,
  };
}

export type RevisionRepository = ReturnType<typeof createRevisionRepository>;
