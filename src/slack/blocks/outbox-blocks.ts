import { DateTime } from 'luxon';
import { channel, code, lines, md, quote, slackDate, user, type Mrkdwn } from '../../text/mrkdwn';
import { actions, answer, button, context, section, type Block, type SlackAnswer } from './block-kit';

/** The Retry button of the failure message; its value is the failed outbox entry's key. */
export const RETRY_FAILED_POST = 'outbox_retry';

/** Slack's limit on a button's value: a longer key gets no button (the command line retries it). */
const MAX_BUTTON_VALUE = 2000;

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
  const command = code(`kfrelease outbox retry ${failure.key}`);
  const retry = md`Once the cause is fixed, *Retry* sends it again (or ${command}).`;
  const blocks: Block[] = [
    section(lines(md`:warning: ${headline}`, quote(failure.excerpt))),
    context(md`${kept} ${retry}`),
  ];
  if (failure.key.length <= MAX_BUTTON_VALUE)
    blocks.push(
      actions('outbox_retry', [
        button({ actionId: RETRY_FAILED_POST, text: 'Retry', value: failure.key, style: 'primary' }),
      ]),
    );
  return answer(md`${headline} ${kept}`, blocks);
}

/**
 * The failure message once a release manager pressed *Retry*: who retried it and when, instead of
 * the button, so it cannot be pressed twice by mistake.
 */
export function postRetriedBlocks(retried: {
  key: string;
  channel: string;
  excerpt: string;
  by: string;
  at: string;
}): SlackAnswer {
  const at = DateTime.fromISO(retried.at, { zone: 'utc' });
  const when = slackDate(
    at.toSeconds(),
    '{date_short_pretty} at {time}',
    at.toFormat("d LLL yyyy, HH:mm 'UTC'"),
  );
  const headline = md`kfrelease could not post a message to ${where(retried.channel)}.`;
  const done = md`Retried by ${user(retried.by)} ${when}; kfrelease posts it once Slack takes it.`;
  return answer(md`${headline} ${done}`, [
    section(lines(md`:arrows_counterclockwise: ${headline}`, quote(retried.excerpt))),
    context(md`${done} Outbox entry ${code(retried.key)}.`),
  ]);
}
