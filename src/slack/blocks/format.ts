import { DateTime } from 'luxon';
import { join, md, text, user, type MdValue, type Mrkdwn } from '../../text/mrkdwn';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * "Mon 2 Mar 2026" for a calendar date. A calendar date has no time zone: plain arithmetic on
 * its day number, as lists format one per row; anything but YYYY-MM-DD goes through Luxon.
 */
export function formatDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const day = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!day || day.toISOString().slice(0, 10) !== isoDate)
    return DateTime.fromISO(isoDate).toFormat('ccc d LLL yyyy');
  return `${WEEKDAYS[day.getUTCDay()]} ${day.getUTCDate()} ${MONTHS[day.getUTCMonth()]} ${match?.[1]}`;
}

/** "today", "tomorrow", "in 5 days", "3 days ago". */
export function formatCountdown(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

/** "7 days later than first planned", "2 days earlier than first planned", or "" when on plan. */
export function formatSlip(days: number): string {
  if (days === 0) return '';
  return days > 0
    ? `${days} day${days === 1 ? '' : 's'} later than first planned`
    : `${-days} day${days === -1 ? '' : 's'} earlier than first planned`;
}

/** "1 day", "3 days". */
export function plural(n: number, word: string, words = `${word}s`): string {
  return `${n} ${n === 1 ? word : words}`;
}

/** A person as a Slack mention when their Slack ID is known, else their name. */
export function mention(person: { name: string; slackId: string | null }): Mrkdwn {
  return person.slackId ? user(person.slackId) : text(person.name);
}

/** Who did something: a Slack user, or `cli:<name>` for someone at the command line. */
export function actor(id: string): Mrkdwn {
  return id.startsWith('cli:') ? text(id.slice(4)) : user(id);
}

/** Items joined with commas, or "_nobody yet_". */
export function listOrNone(items: readonly MdValue[], none: Mrkdwn = md`_nobody yet_`): Mrkdwn {
  const joined = join(items);
  return joined.value === '' ? none : joined;
}
