import type { Database } from 'better-sqlite3';

/** A form submission kfrelease acted on, and what it answered (null: a plain acknowledgement). */
export interface ViewSubmission {
  viewId: string;
  /** A digest of the view's hash and of what was filled in (see submissionDigest). */
  submission: string;
  callbackId: string;
  userId: string;
  response: unknown;
  at: string;
}

/** Form submissions already answered, so the same one again is answered alike (migration 0014). */
export function createViewSubmissionRepository(db: Database) {
  const find = db.prepare(
    `SELECT view_id AS viewId, submission, callback_id AS callbackId, user_id AS userId,
            response, at
     FROM view_submissions WHERE view_id = ? AND submission = ?`,
  );
  const insert = db.prepare(
    `INSERT INTO view_submissions (view_id, submission, callback_id, user_id, response, at)
     VALUES (@viewId, @submission, @callbackId, @userId, @response, @at)
     ON CONFLICT (view_id, submission) DO NOTHING`,
  );
  const prune = db.prepare('DELETE FROM view_submissions WHERE at < ?');
  return {
    find(viewId: string, submission: string): ViewSubmission | null {
      const row = find.get(viewId, submission) as
        (Omit<ViewSubmission, 'response'> & { response: string | null }) | undefined;
      return row
        ? { ...row, response: row.response === null ? null : (JSON.parse(row.response) as unknown) }
        : null;
    },
    /** Records the answer; false when that submission was already recorded. */
    record(s: ViewSubmission): boolean {
      const response = s.response === null || s.response === undefined ? null : JSON.stringify(s.response);
      return insert.run({ ...s, response }).changes > 0;
    },
    /** Forgets submissions answered before `before` (ISO): Slack replays come within minutes. */
    prune: (before: string): number => prune.run(before).changes,
  };
}
