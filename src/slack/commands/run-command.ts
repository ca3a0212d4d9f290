import { isDatabaseBusy } from '../../db/database-busy';
import { isUserError, newErrorId, UserError } from '../../errors';
import { answer, context, type ModalView, type SlackAnswer } from '../blocks/block-kit';
import { unexpectedErrorBlocks, userErrorBlocks } from '../blocks/error-blocks';
import { helpBlocks } from '../blocks/help-blocks';
import { closestMatch } from '../../text/closest-match';
import { parseCommandText } from './command-text';
import { wordTexts } from './command-tokens';
import { SUBCOMMAND_GROUPS, SUBCOMMANDS, type CommandContext } from './subcommands';
import { code, md, type Mrkdwn } from '../../text/mrkdwn';
import { cachedAnswer } from './answer-cache';

export interface CommandResult {
  answer: SlackAnswer;
  /** Set when the command opens a modal instead of answering. */
  view?: ModalView;
  share: boolean;
  outcome: 'ok' | 'user_error' | 'unexpected';
}

/**
 * Read-only subcommands whose whole result (which release, the answer and its notes) depends only
 * on the command text, the channel, the database and the minute: asked again in the same channel
 * before anything changes, the result is given again without choosing the release or parsing the
 * arguments again. That choice cost more than the rest of a repeated `/kfrelease status`.
 */
const REMEMBERED_BY_TEXT = new Set(['status']);

/**
 * Runs one `/kfrelease` command text and comes back with something to show the user; only a
 * database locked by another program is thrown, for the caller to wait and run it again.
 */
export function runCommand(ctx: Omit<CommandContext, 'notes' | 'release'>, rawText: string): CommandResult {
  const log = ctx.services.logger;
  const notes: Mrkdwn[] = [];
  let share = false;
  try {
    const text = parseCommandText(rawText);
    share = text.share;
    const [first = 'help', second] = wordTexts(text.words);
    if (first === 'help') return { answer: helpBlocks(SUBCOMMAND_GROUPS), share: false, outcome: 'ok' };
    const twoWords = second !== undefined ? `${first} ${second}`.toLowerCase() : null;
    const byTwo = SUBCOMMANDS.find((s) => s.name === twoWords);
    const byOne = SUBCOMMANDS.find((s) => s.name === first.toLowerCase());
    const sub = byTwo ?? byOne;
    if (!sub) return { answer: unknownCommand(wordTexts(text.words)), share: false, outcome: 'user_error' };
    const run = (): CommandResult => {
      const args = text.words.slice(sub === byTwo ? 2 : 1);
      const withRelease: CommandContext = {
        ...ctx,
        notes,
        ...(text.release ? { release: text.release } : {}),
      };
      const outcome = sub.run(withRelease, args);
      if ('view' in outcome)
        return { answer: answer(md``, []), view: outcome.view, share: false, outcome: 'ok' };
      const noted =
        notes.length > 0 ? { ...outcome, blocks: [...outcome.blocks, context(...notes)] } : outcome;
      return { answer: noted, share, outcome: 'ok' };
    };
    if (!REMEMBERED_BY_TEXT.has(sub.name)) return run();
    const { db } = ctx.services.store;
    return cachedAnswer({ db, clock: ctx.services.clock }, `command:${ctx.channelId ?? ''}:${rawText}`, run);
  } catch (error) {
    // The caller waits for the lock and runs the command again (retryWhileBusy).
    if (isDatabaseBusy(error)) throw error;
    if (isUserError(error)) return { answer: userErrorBlocks(error), share: false, outcome: 'user_error' };
    const errorId = newErrorId();
    log.error({ err: error, errorId, user: ctx.userId }, 'command failed');
    return { answer: unexpectedErrorBlocks(errorId), share: false, outcome: 'unexpected' };
  }
}

function unknownCommand(words: string[]): SlackAnswer {
  const typed = words.slice(0, 2).join(' ');
  const names = SUBCOMMANDS.map((s) => s.name);
  const guess = closestMatch(words.slice(0, 2).join(' '), names) ?? closestMatch(words[0] ?? '', names);
  const error = new UserError(
    'unknown_command',
    md`There is no ${code(`/kfrelease ${typed}`)}.${guess ? md` Did you mean ${code(`/kfrelease ${guess}`)}?` : ''}`,
  );
  const help = helpBlocks(SUBCOMMAND_GROUPS);
  return answer(error.text, [...userErrorBlocks(error).blocks, ...help.blocks]);
}
