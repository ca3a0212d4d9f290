import type { Database } from 'better-sqlite3';
import type { Notice } from '../workflows/notice';

/** A message to post, as a workflow hands it over: what to tell, in data (rendered when posted). */
export interface OutboxMessage {
  /** Unique per message: enqueueing the same key again does nothing. Also sent as message metadata. */
  key: string;
  releaseId: number | null;
  /** A channel ID (C..., G..., D...) or a user ID (U..., W...) for a direct message. */
  channel: string;
  notice: Notice;
  /** The key of a message posted earlier that this one edits in place, instead of posting anew. */
  replaces?: string | null;
}

/**
 * What a row holds: a notice, or (rows written before notices existed) the message as it was
 * rendered then.
 */
export type OutboxContent = { notice: Notice } | { text: string; blocks: unknown[] };

export type OutboxStatus = 'pending' | 'sent' | 'failed';

export interface OutboxRow extends Omit<OutboxMessage, 'notice' | 'replaces'> {
  id: number;
  content: OutboxContent;
  replaces: string | null;
  status: OutboxStatus;
  /** Delivery attempts started so far; counted before posting, so a crash mid-post still counts. */
  attempts: number;
  nextAttemptAt: string;
  createdAt: string;
  sentAt: string | null;
  /** The conversation it landed in (a D... for a direct message). */
  postedChannel: string | null;
  messageTs: string | null;
  lastError: string | null;
  /** How often it was retried by hand after it failed (migration 0015). */
  retries: number;
  /** The last retry by hand: when (ISO), and by whom (a Slack user ID, or `cli:<name>`). */
  retriedAt: string | null;
  retriedBy: string | null;
}

export interface PostedAt {
  postedChannel: string;
  ts: string;
}

interface DbRow extends Omit<OutboxRow, 'content'> {
  payload: string;
}

const COLUMNS = `id, key, release_id AS releaseId, channel, payload, replaces, status, attempts,
  next_attempt_at AS nextAttemptAt, created_at AS createdAt, sent_at AS sentAt,
  posted_channel AS postedChannel, message_ts AS messageTs, last_error AS lastError,
  retries, retried_at AS retriedAt, retried_by AS retriedBy`;

function toRow({ payload, ...row }: DbRow): OutboxRow {
  return { ...row, content: JSON.parse(payload) as OutboxContent };
}

/**
 * Messages waiting to be posted to Slack, and what became of them. Times are ISO timestamps in
 * UTC, all written the same way (`clock.now().toUTC().toISO()`), so they compare as text.
 * Nothing here opens a transaction: workflows enqueue inside their own, next to the change the
 * message reports.
 */
export function createOutboxRepository(db: Database) {
  const insert = db.prepare(
    `INSERT INTO outbox (key, release_id, channel, payload, replaces, next_attempt_at, created_at)
     VALUES (@key, @releaseId, @channel, @payload, @replaces, @now, @now)
     ON CONFLICT(key) DO NOTHING`,
  );
  // A row waits while an older pending row of the same conversation is backing off, so messages
  // arrive in the order they were enqueued and a rate-limited channel is left alone until then.
  const due = db.prepare(
    `SELECT ${COLUMNS} FROM outbox o
     WHERE o.status = 'pending' AND o.next_attempt_at <= @now
       AND NOT EXISTS (SELECT 1 FROM outbox e WHERE e.status = 'pending' AND e.channel = o.channel
                       AND e.id < o.id AND e.next_attempt_at > @now)
     ORDER BY o.id LIMIT @limit`,
  );
  // Atomic: of two senders that read the same row, only the one whose attempt count still
  // matches claims it; the other skips it.
  const claim = db.prepare(
    `UPDATE outbox SET attempts = attempts + 1, next_attempt_at = @retryAt
     WHERE id = @id AND status = 'pending' AND attempts = @attempts
     RETURNING attempts`,
  );
  const markSent = db.prepare(
    `UPDATE outbox SET status = 'sent', sent_at = ?, posted_channel = ?, message_ts = ?
     WHERE id = ? AND status = 'pending'`,
  );
  const markAttemptFailed = db.prepare(
    `UPDATE outbox SET last_error = ?, next_attempt_at = ? WHERE id = ? AND status = 'pending'`,
  );
  const markFailed = db.prepare(
    `UPDATE outbox SET status = 'failed', last_error = ?, next_attempt_at = ?
     WHERE id = ? AND status = 'pending'`,
  );
  const byKey = db.prepare(`SELECT ${COLUMNS} FROM outbox o WHERE key = ?`);
  const pending = db.prepare(`SELECT ${COLUMNS} FROM outbox o WHERE status = 'pending' ORDER BY id`);
  const nextAttempt = db.prepare(
    "SELECT MIN(next_attempt_at) FROM outbox WHERE status = 'pending' AND next_attempt_at > ?",
  );
  const newest = db.prepare(
    `SELECT ${COLUMNS} FROM outbox o WHERE @status IS NULL OR status = @status ORDER BY id DESC LIMIT @limit`,
  );
  const failedKeys = db.prepare("SELECT key FROM outbox WHERE status = 'failed' ORDER BY id");
  // attempts = 1 (0 only for a row never attempted): the next attempt is not the first, so it
  // looks for the message in Slack before posting, and the sender, which gives up at its maximum,
  // gives the row as many attempts again as after a first failed one.
  const retry = db.prepare(
    `UPDATE outbox SET status = 'pending', attempts = MIN(attempts, 1), next_attempt_at = @now,
       last_error = NULL, retries = retries + 1, retried_at = @now, retried_by = @by
     WHERE key = @key AND status = 'failed'
     RETURNING ${COLUMNS}`,
  );
  const sentOf = db.prepare(
    "SELECT COUNT(*) FROM outbox WHERE status = 'sent' AND replaces IS NULL AND created_at > ? AND created_at <= ?",
  );
  const withPrefix = db.prepare(
    `SELECT ${COLUMNS} FROM outbox o WHERE substr(key, 1, length(@prefix)) = @prefix AND replaces IS NULL
     ORDER BY id`,
  );

  return {
    /** Adds a message unless one with the same key exists; answers whether it was new. */
    enqueue(message: OutboxMessage, now: string): boolean {
      const { notice, replaces, ...fields } = message;
      const payload = JSON.stringify({ notice });
      return insert.run({ ...fields, replaces: replaces ?? null, payload, now }).changes === 1;
    },
    /** Pending rows whose next attempt is due, oldest first, at most `limit`. */
    due: (now: string, limit: number) => (due.all({ now, limit }) as DbRow[]).map(toRow),
    /**
     * Claims a row for one attempt and counts the attempt before it is made: answers the attempt's
     * number, or null when the row is no longer pending with `attempts` attempts (another sender
     * took it). `retryAt` is when to try again should this attempt never report back (the process
     * died); the next attempt then looks in Slack first.
     */
    claim(id: number, attempts: number, retryAt: string): number | null {
      const row = claim.get({ id, attempts, retryAt }) as { attempts: number } | undefined;
      return row ? row.attempts : null;
    },
    markSent(id: number, at: PostedAt, now: string): void {
      markSent.run(now, at.postedChannel, at.ts, id);
    },
    /** The attempt (already counted by `beginAttempt`) failed; try again at `nextAttemptAt`. */
    markAttemptFailed(id: number, error: string, nextAttemptAt: string): void {
      markAttemptFailed.run(error, nextAttemptAt, id);
    },
    /** Gives up: the row stays, with the error, and `next_attempt_at` set to when it was given up. */
    markFailed(id: number, error: string, now: string): void {
      markFailed.run(error, now, id);
    },
    byKey: (key: string) => {
      const row = byKey.get(key) as DbRow | undefined;
      return row ? toRow(row) : null;
    },
    pending: () => (pending.all() as DbRow[]).map(toRow),
    /**
     * When the next pending row comes due after `now` (ISO), or null. Rows already due but held
     * behind a row backing off in their conversation go with it, so it is the moment that counts.
     */
    nextAttemptAt: (now: string): string | null => (nextAttempt.pluck().get(now) as string | null) ?? null,
    /** The newest rows first, of one status or any, at most `limit`. */
    list: (options: { status?: OutboxStatus; limit: number }) =>
      (newest.all({ status: options.status ?? null, limit: options.limit }) as DbRow[]).map(toRow),
    /** The keys of every failed row, oldest first. */
    failedKeys: () => failedKeys.pluck().all() as string[],
    /**
     * Sends a failed row again: pending and due at `now`, with no error until an attempt after the
     * retry reports one. The next attempt looks in Slack before posting (an attempt given up after a
     * lost answer may have posted), and the row gets the sender's attempts again: `attempts` goes
     * back to 1 (the count and error before are the caller's to record). Answers the row as it is
     * now, or null when it is not failed (sent, pending, or unknown): then nothing changed.
     */
    retry(key: string, now: string, by: string): OutboxRow | null {
      const row = retry.get({ key, now, by }) as DbRow | undefined;
      return row ? toRow(row) : null;
    },
    /** How many messages (not edits) enqueued in (after, until] are in Slack now, whoever posted them. */
    sentEnqueuedIn: (after: string, until: string): number => sentOf.pluck().get(after, until) as number,
    /** The messages (not edits) whose key starts with `prefix`: every post of one occurrence. */
    postsWithPrefix: (prefix: string) => (withPrefix.all({ prefix }) as DbRow[]).map(toRow),
  };
}

export type OutboxRepository = ReturnType<typeof createOutboxRepository>;
