import { DateTime } from 'luxon';
import type { Clock } from '../clock';
import type { Store } from '../db/store';
import { UserError } from '../errors';
import type { OutboxRow, OutboxStatus } from '../outbox/outbox-repository';
import { code, md, slackDate, text, user, type Mrkdwn } from '../text/mrkdwn';
import { actorId, type Actor } from './actor';
import { refuse } from './authority';
import { requireReleaseManager } from './decision-log';

export interface OutboxRetryDeps {
  store: Store;
  clock: Clock;
  admins: string[];
}

export type RetryTarget = { key: string } | { allFailed: true };

export interface RetryResult {
  /** The rows sent again, as they are now: pending, due at once. */
  retried: OutboxRow[];
}

/** What the command line lists at most, unless told otherwise. */
export const OUTBOX_LIST_LIMIT = 50;

/** The newest outbox entries first, every one or only the failed ones, at most `limit`. */
export function listOutboxEntries(
  deps: { store: Store },
  params: { status?: OutboxStatus; limit?: number },
): OutboxRow[] {
  return deps.store.outbox.list({ status: params.status, limit: params.limit ?? OUTBOX_LIST_LIMIT });
}

/** A moment as Slack shows it in each reader's time zone; a terminal reads the UTC fallback. */
function moment(iso: string): Mrkdwn {
  const at = DateTime.fromISO(iso, { zone: 'utc' });
  return slackDate(at.toSeconds(), '{date_short_pretty} at {time}', at.toFormat("d LLL yyyy, HH:mm 'UTC'"));
}

function who(id: string): Mrkdwn {
  return id.startsWith('cli:') ? md`${text(id.slice(4))} at the command line` : user(id);
}

/** Why a row cannot be retried: it is not failed. Says what became of it instead. */
function notFailed(row: OutboxRow): UserError {
  const retried =
    row.retriedAt && row.retriedBy ? md` by ${who(row.retriedBy)} (${moment(row.retriedAt)})` : null;
  const state =
    row.status === 'sent'
      ? md`it was posted${row.sentAt ? md` (${moment(row.sentAt)})` : ''}`
      : md`kfrelease posts it once Slack takes it`;
  return new UserError(
    'conflict',
    retried
      ? md`Outbox entry ${code(row.key)} was already retried${retried}: ${state}. Nothing changed.`
      : md`Outbox entry ${code(row.key)} is not failed: ${state}. Nothing changed.`,
  );
}

/**
 * An edit alone is retried only once the message it edits is posted or on its way: the sender
 * gives up at once on an edit of a message that was never posted.
 */
function requirePostedOriginal(store: Store, row: OutboxRow): void {
  if (!row.replaces) return;
  const original = store.outbox.byKey(row.replaces);
  if (original && original.status !== 'failed') return;
  throw new UserError(
    'conflict',
    md`Outbox entry ${code(row.key)} edits ${code(row.replaces)}, which was never posted: retry that first. Nothing changed.`,
    original
      ? md`Run \`kfrelease outbox retry ${row.replaces}\`, then this one again; or \`kfrelease outbox retry --all-failed\` for both.`
      : undefined,
  );
}

/**
 * Who may send a failed message again: anyone at the command line (they hold the database); in
 * Slack the release manager of the message's release or an admin, and for a message of no
 * release an admin.
 */
function requireRetryRight(deps: OutboxRetryDeps, row: OutboxRow, actor: Actor): void {
  if (actor.kind === 'cli' || deps.admins.includes(actor.userId)) return;
  const release = row.releaseId === null ? null : deps.store.releases.findById(row.releaseId);
  if (!release) return refuse('retry a failed post that belongs to no release', 'an admin');
  requireReleaseManager(deps, release, actor.userId, 'retry a failed post');
}

/**
 * Sends failed outbox messages again: one by its key, or every failed one. Each goes back to
 * pending, due at once; its next attempt looks for it in Slack before posting (an attempt given
 * up after a lost answer may have posted), so a retry never posts a message twice. Only failed
 * rows are retried: a key that is sent or pending is refused, saying what became of it, and
 * nothing changes. An edit (`replaces`) is retried the same way. Each retry is audited
 * ('outbox.retried', with the attempts and error it had). The caller delivers soon after.
 */
export function retryFailedPost(deps: OutboxRetryDeps, params: RetryTarget & { actor: Actor }): RetryResult {
  const { store, clock } = deps;
  const now = clock.now().toUTC().toISO() ?? '';
  const by = actorId(params.actor);
  return store.transaction(() => {
    const keys = 'key' in params ? [params.key] : store.outbox.failedKeys();
    const rows = keys.map((key) => {
      const row = store.outbox.byKey(key);
      if (!row)
        throw new UserError(
          'not_found',
          md`There is no outbox entry ${code(key)}.`,
          md`See the failed ones with \`kfrelease outbox list --failed\`.`,
        );
      return row;
    });
    for (const row of rows) requireRetryRight(deps, row, params.actor);
    for (const row of rows) if (row.status !== 'failed') throw notFailed(row);
    if ('key' in params) for (const row of rows) requirePostedOriginal(store, row);
    const retried = rows.map((before) => {
      const row = store.outbox.retry(before.key, now, by);
      if (!row) throw notFailed(store.outbox.byKey(before.key) ?? before);
      store.audit.record({
        at: now,
        actor: by,
        releaseId: row.releaseId,
        action: 'outbox.retried',
        details: {
          key: row.key,
          channel: row.channel,
          replaces: row.replaces,
          attempts: before.attempts,
          lastError: before.lastError,
          failedAt: before.nextAttemptAt,
          retries: row.retries,
        },
      });
      return row;
    });
    return { retried };
  });
}
