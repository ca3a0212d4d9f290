import { channel, code, lines, md, quote, user, type Mrkdwn } from '../../text/mrkdwn';
import { answer, context, section, type SlackAnswer } from './block-kit';

/** What a release manager can do about a Slack error, in words. */
const ADVICE: Record<string, Mrkdwn> = {
  channel_not_found: md`the channel does not exist, or kfrelease cannot see it (a private channel it is not in)`,
  not_in_channel: md`kfrelease is not a member of the channel: invite it with \`/invite @kfrelease\``,
  is_archived: md`the channel is archived`,
  invalid_blocks: md`Slack refused the layout of the message (a kfrelease bug: please report it)`,
  msg_too_long: md`the message is too long for Slack (a kfrelease bug: please report it)`,
  user_not_found: md`Slack does not know that user`,
  missing_scope: md`the Slack app lacks a permission: reinstall it from its manifest`,
  render_failed: md`kfrelease could not write the message (a kfrelease bug: please report it)`,
};

function where(id: string): Mrkdwn {
  return /^[UW]/.test(id) ? md`a direct message to ${user(id)}` : channel(id);
}

/** To a release manager: a message could not be posted; what, where, why, and that it is kept. */
export function postFailedBlocks(failure: {
  key: string;
  channel: string;
  code: string;
  error: string;
  attempts: number;
  excerpt: string;
}): SlackAnswer {
  const why = ADVICE[failure.code] ?? md`${failure.error} (after ${failure.attempts} attempts)`;
  const headline = md`kfrelease could not post a message to ${where(failure.channel)}: ${why}.`;
  const kept = md`It is kept in the kfrelease database as outbox entry ${code(failure.key)}, marked failed.`;
  return answer(md`${headline} ${kept}`, [
    section(lines(md`:warning: ${headline}`, quote(failure.excerpt))),
    context(kept),
  ]);
}
