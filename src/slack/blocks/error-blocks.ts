import { apologyFor, type UserError } from '../../errors';
import { md } from '../../text/mrkdwn';
import { answer, context, section, type Block, type SlackAnswer } from './block-kit';

/** A person's mistake: what was wrong, and what to do instead. */
export function userErrorBlocks(error: UserError): SlackAnswer {
  const blocks: Block[] = [section(md`:warning: ${error.text}`)];
  if (error.hint) blocks.push(context(error.hint));
  return answer(error.text, blocks);
}

/** Our mistake: a short apology carrying the id that is also in the log. */
export function unexpectedErrorBlocks(errorId: string): SlackAnswer {
  const text = md`${apologyFor(errorId)}`;
  return answer(text, [section(md`:x: ${text}`)]);
}
