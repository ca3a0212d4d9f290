import { UserError } from '../errors';
import { md } from '../text/mrkdwn';

/**
 * How long a Slack request waits for another program's write lock in all: Slack gives up on an
 * answer after 3 s, and the rest of the request needs the remaining time.
 */
export const REQUEST_LOCK_BUDGET_MS = 1000;

/**
 * How long one statement waits for a lock by blocking (SQLite's busy timeout) in a serving process:
 * short, so a lock held elsewhere never stalls the event loop and `/healthz` answers at once; longer
 * waits happen between attempts (retryWhileBusy), with the event loop free.
 */
export const SERVING_BUSY_TIMEOUT_MS = 50;

/** Pause between attempts while the database is locked. */
const PAUSE_MS = 40;

/** SQLite answered that another connection holds the lock it needs (SQLITE_BUSY, SQLITE_LOCKED). */
export function isDatabaseBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/** What a person hears when the lock outlasted the budget: nothing was changed, try again. */
export function databaseBusyError(): UserError {
  return new UserError(
    'busy',
    md`kfrelease is busy: another program is writing to its database right now, so nothing was changed.`,
    md`Try again in a moment.`,
  );
}

/**
 * Runs `work` (whose writes are all in one transaction, so a failed attempt changed nothing), and
 * again after a short pause while the database is locked by another program, until `budgetMs` has
 * passed; then refuses with databaseBusyError. The pauses leave the event loop free.
 */
export async function retryWhileBusy<T>(
  work: () => T | Promise<T>,
  budgetMs: number = REQUEST_LOCK_BUDGET_MS,
): Promise<T> {
  const deadline = Date.now() + budgetMs;
  for (;;) {
    try {
      return await work();
    } catch (error) {
      if (!isDatabaseBusy(error)) throw error;
      if (Date.now() + PAUSE_MS > deadline) throw databaseBusyError();
      await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    }
  }
}
