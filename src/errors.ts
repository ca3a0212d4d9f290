import { randomBytes } from 'node:crypto';
import { toPlainText, type Mrkdwn } from './text/mrkdwn';

/** The closed vocabulary of errors a person can fix. Anything else is unexpected. */
export type UserErrorCode =
  | 'bad_argument'
  | 'not_found'
  | 'forbidden'
  | 'conflict'
  | 'bad_file'
  | 'unknown_command'
  /** Allowed, but only once the person confirms it (a release with dates in the past). */
  | 'unconfirmed'
  /** The database is locked by another program longer than a Slack answer can wait. */
  | 'busy';

/**
 * An error written for the person who caused it: what happened, and what to do about it. The words
 * are mrkdwn (md`…`), so what they echo of the input is escaped once; `message` is the same as plain
 * text, for logs and terminals.
 */
export class UserError extends Error {
  constructor(
    readonly code: UserErrorCode,
    readonly text: Mrkdwn,
    /** What to try instead, e.g. an example command. */
    readonly hint?: Mrkdwn,
  ) {
    super(toPlainText(text));
    this.name = 'UserError';
  }

  /** The hint as plain text, or undefined. */
  get plainHint(): string | undefined {
    return this.hint ? toPlainText(this.hint) : undefined;
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

/** A short id shown to the user and written to the log, so an operator can find the failure. */
export function newErrorId(): string {
  return randomBytes(4).toString('hex');
}

export function apologyFor(errorId: string): string {
  return `Sorry, something went wrong on our side (error id ${errorId}). Nothing was changed. Try again in a minute; if it keeps failing, give the error id to whoever runs kfrelease.`;
}
