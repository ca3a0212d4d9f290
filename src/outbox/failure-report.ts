import type { OutboxMessage, OutboxRow } from './outbox-repository';

/** Key prefix of the messages that report an undeliverable message: these are never reported. */
export const FAILURE_REPORT_PREFIX = 'failed:';

export function isFailureReport(key: string): boolean {
  return key.startsWith(FAILURE_REPORT_PREFIX);
}

/** The start of a message as plain text, to quote it: never re-sent as mrkdwn, so it pings nobody. */
export function excerptOf(text: string): string {
  const line = text
    .replace(/<([@#!])([^|>]*)(?:\|([^>]*))?>/g, (_, sigil: string, id: string, label?: string) =>
      label ? label : sigil === '!' ? `@${id.split('^')[0] ?? ''}` : `${sigil}${id}`,
    )
    .replace(/<([^|>]+)\|([^>]*)>/g, '$2')
    .replace(/<([^>]*)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

/**
 * The direct message that tells a release manager a message could not be posted: what, where,
 * why, and that it is still in the database. A message retried by hand and given up again is
 * reported again: its report is keyed by the retry.
 */
export function failureReport(
  row: Pick<OutboxRow, 'key' | 'releaseId' | 'channel' | 'attempts'> & { retries?: number },
  error: { code: string; message: string },
  releaseManager: string,
  excerpt: string,
): OutboxMessage {
  return {
    key: `${FAILURE_REPORT_PREFIX}${row.key}:${row.retries ? `retry${row.retries}:` : ''}${releaseManager}`,
    releaseId: row.releaseId,
    channel: releaseManager,
    notice: {
      kind: 'post_failed',
      key: row.key,
      channel: row.channel,
      code: error.code,
      error: error.message,
      attempts: row.attempts,
      excerpt,
    },
  };
}
