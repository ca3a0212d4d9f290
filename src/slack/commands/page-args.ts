import { UserError } from '../../errors';
import { code, md } from '../../text/mrkdwn';
import { readWholeNumber } from '../../text/numbers';
import type { CommandWord } from './command-tokens';

/**
 * A list command's words with `page N` taken off the end: the words before it, and the page asked
 * for (1 when none is). `page` anywhere but second to last, or without a whole number, is refused
 * with the usage.
 */
export function takePage(args: readonly CommandWord[], usage: string): { rest: CommandWord[]; page: number } {
  const at = args.findIndex((word) => word.text.toLowerCase() === 'page');
  if (at === -1) return { rest: [...args], page: 1 };
  const words = args.slice(at + 1);
  const read = words.length === 1 ? readWholeNumber(words[0]?.text ?? '', 'a page number', { min: 1 }) : null;
  if (!read?.ok) {
    throw new UserError(
      'bad_argument',
      md`${read ? read.problem : 'Say which page at the end, e.g. page 2.'}`,
      md`Usage: ${code(usage)}`,
    );
  }
  return { rest: args.slice(0, at), page: read.value };
}
