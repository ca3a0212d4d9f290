import { DateTime } from 'luxon';
import { escapeMrkdwn } from './block-kit';

/** "Mon 2 Mar 2026" for a calendar date. */
export function formatDate(isoDate: string): string {
  return DateTime.fromISO(isoDate).toFormat('ccc d LLL yyyy');
}

/** "today", "tomorrow", "in 5 days", "3 days ago". */
export function formatCountdown(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

/** "+7 days late", "2 days early", or "" when on plan. */
export function formatSlip(days: number): string {
  if (days === 0) return '';
  return days > 0
    ? `${days} day${days === 1 ? '' : 's'} later than first planned`
    : `${-days} day${days === -1 ? '' : 's'} earlier than first planned`;
}

/** A person as a Slack mention when their Slack ID is known, else their name. */
export function mention(person: { name: string; slackId: string | null }): string {
  return person.slackId ? `<@${person.slackId}>` : escapeMrkdwn(person.name);
}

export function listOrNone(items: string[], none = '_nobody yet_'): string {
  return items.length > 0 ? items.join(', ') : none;
}
