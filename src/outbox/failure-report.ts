import type { OutboxMessage, OutboxRow } from './outbox-repository';

/** Key prefix of the messages that report an undeliverable message: these are never reported. */
export const FAILURE_REPORT_PREFIX = 'failed:';

/** What a release manager can do about a Slack error, in words. */
const ADVICE: Record<string, string> = {
  channel_not_found:
    'the channel does not exist, or kfrelease cannot see it (a private channel it is not in)',
  not_in_channel: 'kfrelease is not a member of the channel: invite it with `/invite @kfrelease`',
  is_archived: 'the channel is archived',
  invalid_blocks: 'Slack refused the layout of the message (a kfrelease bug: please report it)',
  msg_too_long: 'the message is too long for Slack (a kfrelease bug: please report it)',
  user_not_found: 'Slack does not know that user',
  missing_scope: 'the Slack app lacks a permission: reinstall it from its manifest',
};

export function isFailureReport(key: string): boolean {
  return key.startsWith(FAILURE_REPORT_PREFIX);
}

function where(channel: string): string {
  return /^[UW]/.test(channel) ? `a direct message to <@${channel}>` : `<#${channel}>`;
}

function excerpt(text: string): string {
  // Quoted, not re-sent: a special mention such as <!channel> would notify people again.
  const line = text
    .replace(/<!(\w+)[^>]*>/g, '@$1')
    .replace(/\s+/g, ' ')
    .trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

/**
 * The direct message that tells a release manager a message could not be posted: what, where,
 * why, and that it is still in the database.
 */
export function failureReport(
  row: Pick<OutboxRow, 'key' | 'releaseId' | 'channel' | 'text' | 'attempts'>,
  error: { code: string; message: string },
  releaseManager: string,
): OutboxMessage {
  const why = ADVICE[error.code] ?? `${error.message} (after ${row.attempts} attempts)`;
  const text =
    `kfrelease could not post a message to ${where(row.channel)}: ${why}.\n` +
    `> ${excerpt(row.text)}\n` +
    `It is kept in the kfrelease database as outbox entry \`${row.key}\`, marked failed.`;
  return {
    key: `${FAILURE_REPORT_PREFIX}${row.key}:${releaseManager}`,
    releaseId: row.releaseId,
    channel: releaseManager,
    text,
    blocks: [],
  };
}
