import { z } from 'zod';
import { UserError } from '../../errors';
import { code, md } from '../../text/mrkdwn';
import { commandWords, tokenizeCommandText, type CommandWord } from './command-tokens';

/** Slack caps command text well below this; anything longer is not a command a person typed. */
const MAX_TEXT = 1000;

const textSchema = z
  .string()
  .max(MAX_TEXT, `That command is too long (over ${MAX_TEXT} characters).`)
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  .refine((text) => !/[\u0000-\u0008\u000b-\u001f]/.test(text), 'That command contains control characters.');

export interface CommandText {
  /** The subcommand and its words; `release create` is two words. */
  words: CommandWord[];
  /** `--share` posts the answer to the channel instead of only to you. */
  share: boolean;
  /** `--release <version>` (or `--release=<version>`) names the release, for any subcommand. */
  release?: string;
}

/**
 * Reads slash-command text as Slack sends it (escaped, with mentions, channels and links as
 * tokens) into words, and the flags every subcommand understands.
 */
export function parseCommandText(raw: string): CommandText {
  const parsed = textSchema.safeParse(raw);
  if (!parsed.success) {
    throw new UserError(
      'bad_argument',
      md`${parsed.error.issues[0]?.message ?? 'That command cannot be read.'}`,
      md`Try \`/kfrelease help\`.`,
    );
  }
  const all = commandWords(tokenizeCommandText(parsed.data));
  const words: CommandWord[] = [];
  let share = false;
  let release: string | undefined;
  for (let i = 0; i < all.length; i += 1) {
    const text = all[i]?.text ?? '';
    if (text === '--share') share = true;
    else if (text === '--release' || text.startsWith('--release=')) {
      const value = text === '--release' ? all[(i += 1)]?.text : text.slice('--release='.length);
      if (!value || value.startsWith('--')) {
        throw new UserError(
          'bad_argument',
          md`Say which release after ${code('--release')}, e.g. ${code('--release v1.11.0')}.`,
        );
      }
      if (release !== undefined && release !== value)
        throw new UserError('bad_argument', md`Name one release: ${release} or ${value}.`);
      release = value;
    } else words.push(all[i] as CommandWord);
  }
  return { words, share, ...(release === undefined ? {} : { release }) };
}
