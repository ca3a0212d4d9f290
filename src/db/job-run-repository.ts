import type { Database } from 'better-sqlite3';

export type JobOutcome = 'posted' | 'nothing_to_say' | 'skipped';

export interface JobRun {
  key: string;
  releaseId: number | null;
  kind: string;
  dueAt: string;
  ranAt: string;
  outcome: JobOutcome;
  posts: number;
}

/**
 * The record of every scheduled job occurrence that ran or was skipped. `key` is unique: recording
 * an occurrence twice does nothing, so the transaction that records it is the one that posts.
 */
export function createJobRunRepository(db: Database) {
  const insert = db.prepare(
    `INSERT INTO job_runs (key, release_id, kind, due_at, ran_at, outcome, posts)
     VALUES (@key, @releaseId, @kind, @dueAt, @ranAt, @outcome, @posts)
     ON CONFLICT (key) DO NOTHING`,
  );
  const keys = db.prepare('SELECT key FROM job_runs WHERE release_id = ?');
  const byKey = db.prepare(
    `SELECT key, release_id AS releaseId, kind, due_at AS dueAt, ran_at AS ranAt, outcome, posts
     FROM job_runs WHERE key = ?`,
  );
  const all = db.prepare(
    `SELECT key, release_id AS releaseId, kind, due_at AS dueAt, ran_at AS ranAt, outcome, posts
     FROM job_runs ORDER BY id`,
  );
  return {
    /** Records an occurrence; false when it was recorded before (call inside the job's transaction). */
    record: (run: JobRun): boolean => insert.run(run).changes === 1,
    /** Keys of the release's recorded occurrences. */
    doneKeys: (releaseId: number) => new Set((keys.all(releaseId) as { key: string }[]).map((r) => r.key)),
    byKey: (key: string) => (byKey.get(key) as JobRun | undefined) ?? null,
    all: () => all.all() as JobRun[],
  };
}
