import { userInfo } from 'node:os';
import { DateTime } from 'luxon';
import { UserError } from '../errors';
import type { OutboxRow } from '../outbox/outbox-repository';
import { md } from '../text/mrkdwn';
import { readWholeNumber } from '../text/numbers';
import { listOutboxEntries, OUTBOX_LIST_LIMIT, retryFailedPost } from '../workflows/outbox-retry';
import { JSON_OPTION, type CliCommand } from './cli-command';

const LIST_USAGE = 'kfrelease outbox list [--failed] [--limit N] [--json]';
const RETRY_USAGE = 'kfrelease outbox retry KEY | --all-failed';
/** More than this is a page no one reads: a bigger limit is refused. */
const MAX_LIST_LIMIT = 1000;

function limitOf(raw: string | undefined): number {
  if (raw === undefined) return OUTBOX_LIST_LIMIT;
  const read = readWholeNumber(raw, 'a number of entries', { min: 1, max: MAX_LIST_LIMIT });
  if (!read.ok) throw new UserError('bad_argument', md`${read.problem}`, md`Usage: ${LIST_USAGE}`);
  return read.value;
}

/** "2026-05-12 10:00:05 UTC": stored times are UTC, and a terminal says so. */
function when(iso: string | null): string {
  return iso ? DateTime.fromISO(iso, { zone: 'utc' }).toFormat("yyyy-MM-dd HH:mm:ss 'UTC'") : '-';
}

function whoRetried(id: string): string {
  return id.startsWith('cli:') ? `${id.slice(4)} (command line)` : id;
}

/** One entry in two or three lines: what and where, when, and what went wrong last. */
function entryLines(row: OutboxRow): string[] {
  const next =
    row.status === 'sent'
      ? `sent ${when(row.sentAt)}`
      : row.status === 'failed'
        ? `given up ${when(row.nextAttemptAt)}`
        : `next attempt ${when(row.nextAttemptAt)}`;
  const retried =
    row.retries > 0 && row.retriedBy
      ? `; retried ${row.retries}x, last by ${whoRetried(row.retriedBy)} ${when(row.retriedAt)}`
      : '';
  return [
    `${row.key}  ${row.status}  ${row.channel}${row.replaces ? ` (edits ${row.replaces})` : ''}`,
    `    ${row.attempts} attempt(s); created ${when(row.createdAt)}; ${next}${retried}`,
    ...(row.lastError ? [`    last error: ${row.lastError}`] : []),
  ];
}

/** An entry as `--json` prints it: the row without its message. */
function entryJson({ content: _content, id: _id, ...row }: OutboxRow) {
  return row;
}

/** The command line's outbox commands: see and resend what kfrelease could not post. */
export const CLI_OUTBOX_COMMANDS: Record<string, CliCommand> = {
  'outbox list': {
    usage: LIST_USAGE,
    summary: 'The posts kfrelease queued for Slack, newest first: sent, waiting, or given up on.',
    options: {
      failed: 'Only the posts kfrelease gave up on.',
      limit: `Show at most N entries (default ${OUTBOX_LIST_LIMIT}, at most ${MAX_LIST_LIMIT}).`,
      ...JSON_OPTION,
    },
    example: 'kfrelease outbox list --failed',
    readsOnly: true,
    run: (s, { positionals, flags }, io) => {
      if (positionals.length > 0)
        throw new UserError('bad_argument', md`outbox list takes no arguments.`, md`Usage: ${LIST_USAGE}`);
      const limit = limitOf(flags.limit);
      const rows = listOutboxEntries(s, { status: flags.failed ? 'failed' : undefined, limit: limit + 1 });
      const shown = rows.slice(0, limit);
      if (flags.json) return io.out(JSON.stringify(shown.map(entryJson), null, 2));
      const which = `${flags.failed ? 'failed ' : ''}outbox ${shown.length === 1 ? 'entry' : 'entries'}`;
      if (shown.length === 0) return io.out(`No ${which}.`);
      io.out(`${shown.length} ${which}, newest first:`);
      for (const row of shown) for (const line of entryLines(row)) io.out(line);
      if (rows.length > limit) io.out(`Only the newest ${limit} are shown: see more with --limit N.`);
      if (shown.some((row) => row.status === 'failed'))
        io.out(`Send a failed one again with: ${RETRY_USAGE}`);
    },
  },
  'outbox retry': {
    usage: RETRY_USAGE,
    summary:
      'Send a post kfrelease gave up on again (or every one); the running bot posts it, looking in Slack first.',
    options: { 'all-failed': 'Every post kfrelease gave up on.', ...JSON_OPTION },
    example: 'kfrelease outbox retry --all-failed',
    run: (s, { positionals, flags }, io) => {
      const [key] = positionals;
      if (positionals.length > 1 || (key === undefined) === !flags.allFailed)
        throw new UserError(
          'bad_argument',
          md`Give one outbox key, or --all-failed.`,
          md`Usage: ${RETRY_USAGE}. See the keys with: kfrelease outbox list --failed`,
        );
      const actor = { kind: 'cli' as const, name: userInfo().username || 'operator' };
      const target = key === undefined ? { allFailed: true as const } : { key };
      const { retried } = retryFailedPost(s, { ...target, actor });
      if (flags.json) return io.out(JSON.stringify(retried.map(entryJson), null, 2));
      if (retried.length === 0) return io.out('No failed outbox entries: nothing to retry.');
      const keys = retried.map((row) => row.key).join(', ');
      io.out(
        `Retried ${retried.length === 1 ? 'outbox entry' : `${retried.length} outbox entries`} ${keys}. The running bot posts ${retried.length === 1 ? 'it' : 'them'} on its next delivery run; it looks in Slack first, so nothing already posted is posted again.`,
      );
    },
  },
};
