import { randomBytes } from 'node:crypto';

/** The closed vocabulary of errors a person can fix. Anything else is unexpected. */
export type UserErrorCode =
  'bad_argument' | 'not_found' | 'forbidden' | 'conflict' | 'bad_file' | 'unknown_command';

/** An error written for the person who caused it: what happened, and what to do about it. */
export class UserError extends Error {
  constructor(
    readonly code: UserErrorCode,
    message: string,
    /** What to try instead, e.g. an example command. */
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'UserError';
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
