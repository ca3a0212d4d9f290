import { DateTime } from 'luxon';
import { dateLine, icalDocument, textLine, utcLine } from './ical-text';
import type { PublicSchedule } from './public-schedule';

/** How often calendar clients should fetch the feed again (RFC 7986 REFRESH-INTERVAL). */
const REFRESH = 'PT6H';
/** Meetings are set up by weekday and time only; calendars show them as an hour long. */
const MEETING_MINUTES = 60;

/**
 * The release's milestones and team meetings as an iCalendar feed (RFC 5545) a calendar app can
 * subscribe to: each milestone an all-day event on its current date, each meeting a timed event
 * in UTC (computed in the meeting's zone, so daylight-saving changes do not move it). UIDs stay the same across re-plans and
 * SEQUENCE follows the plan revision, so a subscribed calendar moves the event instead of
 * adding a second one.
 */
export function icalFeed(schedule: PublicSchedule): string {
  const stamp = DateTime.fromISO(schedule.generatedAt, { zone: 'utc' });
  const name = `Kubeflow ${schedule.version} release`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Kubeflow//kfrelease//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    textLine('NAME', name),
    textLine('X-WR-CALNAME', name),
    textLine(
      'X-WR-CALDESC',
      `Milestones of the Kubeflow ${schedule.version} release (${schedule.template.name}), dates in ${schedule.timeZone}.`,
    ),
    `REFRESH-INTERVAL;VALUE=DURATION:${REFRESH}`,
    `X-PUBLISHED-TTL:${REFRESH}`,
  ];
  for (const milestone of schedule.milestones) {
    const due = DateTime.fromISO(milestone.dueOn, { zone: 'utc' });
    const details = [
      `Owner: ${milestone.owner}`,
      milestone.artifact ? `Produces: ${milestone.artifact}` : '',
      milestone.optional ? 'Optional: only if needed.' : '',
      milestone.doneOn ? `Done on ${milestone.doneOn}.` : '',
      milestone.slipDays !== 0 ? `First planned for ${milestone.plannedOn}.` : '',
    ].filter(Boolean);
    lines.push(
      'BEGIN:VEVENT',
      textLine('UID', `${schedule.version}-milestone-${milestone.key}@kfrelease.kubeflow.org`),
      utcLine('DTSTAMP', stamp),
      dateLine('DTSTART', milestone.dueOn),
      dateLine('DTEND', due.plus({ days: 1 }).toISODate() ?? milestone.dueOn),
      `SEQUENCE:${Math.max(0, schedule.plan.revision - 1)}`,
      textLine('SUMMARY', `Kubeflow ${schedule.version}: ${milestone.name}`),
      textLine('DESCRIPTION', details.join('\n')),
      'CATEGORIES:Kubeflow release,Milestone',
      `STATUS:${milestone.optional ? 'TENTATIVE' : 'CONFIRMED'}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  for (const meeting of schedule.meetings?.occurrences ?? []) {
    const starts = DateTime.fromISO(meeting.startsAt, { zone: 'utc' });
    lines.push(
      'BEGIN:VEVENT',
      textLine('UID', `${schedule.version}-meeting-${meeting.date}@kfrelease.kubeflow.org`),
      utcLine('DTSTAMP', stamp),
      utcLine('DTSTART', starts),
      utcLine('DTEND', starts.plus({ minutes: MEETING_MINUTES })),
      textLine('SUMMARY', `Kubeflow ${schedule.version} release team meeting`),
      textLine(
        'DESCRIPTION',
        `The weekly meeting of the Kubeflow ${schedule.version} release team, ${schedule.meetings?.weekday ?? ''}s at ${schedule.meetings?.time ?? ''} ${schedule.meetings?.zone ?? ''}.`,
      ),
      'CATEGORIES:Kubeflow release,Meeting',
      'STATUS:CONFIRMED',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return icalDocument(lines);
}
