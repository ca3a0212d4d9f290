import { apologyFor, type UserError } from '../../errors';
import { context, section, type SlackAnswer } from './block-kit';

/** A person's mistake: what was wrong, and what to do instead. */
export function userErrorBlocks(error: UserError): SlackAnswer {
  const blocks = [section(`:warning: ${error.message}`)];
  if (error.hint) blocks.push(context(error.hint));
  return { text: error.message, blocks };
}

/** Our mistake: a short apology carrying the id that is also in the log. */
export function unexpectedErrorBlocks(errorId: string): SlackAnswer {
  const text = apologyFor(errorId);
  return { text, blocks: [section(`:x: ${text}`)] };
}
