import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Timeline } from './timeline';

/** A day or days the release team should keep in mind when placing dates: a holiday or a conference. */
export interface CalendarEvent {
  kind: 'holiday' | 'conference';
  name: string;
  /** First day, YYYY-MM-DD. */
  from: string;
  /** Last day, inclusive; equal to `from` for a one-day event. */
  to: string;
  /** Where it applies or takes place, e.g. "United States" or "Amsterdam". */
  where: string | null;
}

/** A date in a plan that people must be there for: a milestone, the first day of a phase, a meeting. */
export interface KeyDate {
  date: string;
  kind: 'milestone' | 'phase_start' | 'meeting';
  label: string;
}

/** A key date that falls on a holiday or during a conference. */
export interface CalendarConflict {
  date: string;
  keyDate: KeyDate;
  event: CalendarEvent;
}

const isoDate = z
  .string('must be a date written YYYY-MM-DD')
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date written YYYY-MM-DD', abort: true })
  .refine((text) => DateTime.fromISO(text, { zone: 'UTC' }).isValid, 'is not a real date');

const entrySchema = z
  .strictObject({
    /** What people call it, e.g. "Good Friday" or "KubeCon + CloudNativeCon Europe 2026". */
    name: z
      .string({ error: (issue) => (issue.input === undefined ? 'is missing' : 'must be text') })
      .min(1, 'must not be empty'),
    /** A one-day event; use from and to for several days. */
    date: isoDate.optional(),
    /** First day of an event lasting several days. */
    from: isoDate.optional(),
    /** Last day, inclusive. */
    to: isoDate.optional(),
    /** Where it applies or takes place; shown next to the warning. */
    where: z.string().optional(),
  })
  .superRefine((entry, ctx) => {
    const oneDay = entry.date !== undefined;
    const range = entry.from !== undefined || entry.to !== undefined;
    if (oneDay && range) ctx.addIssue({ code: 'custom', message: 'give either date, or from and to' });
    if (!oneDay && !range) ctx.addIssue({ code: 'custom', message: 'give a date, or from and to' });
    if (!oneDay && range && (entry.from === undefined || entry.to === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'give both from and to' });
    }
    if (entry.from && entry.to && entry.from > entry.to) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `must not be before from (${entry.from})` });
    }
  });

/** The YAML shape of config/calendar.yml. */
export const calendarFileSchema = z.strictObject({
  /** Public holidays of the countries the release team, WG and distribution representatives live in. */
  holidays: z.array(entrySchema).default([]),
  /** KubeCon and similar events (and associated events) community members may be double-booked by. */
  conferences: z.array(entrySchema).default([]),
});

function pathOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, part) => {
    if (typeof part === 'number') return `${text}[${part}]`;
    return text === '' ? String(part) : `${text}.${String(part)}`;
  }, '');
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    return `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}; use name, date (or from and to), where`;
  }
  if (issue.code === 'invalid_type' && issue.path.length === 0) {
    return 'the file must be a YAML mapping with holidays and conferences lists';
  }
  return issue.message;
}

/**
 * Validates a parsed calendar file. Every problem is reported at once, each as
 * "<source>: <path>: <what is wrong>", so whoever maintains the file can fix it in one go.
 */
export function parseCalendar(
  data: unknown,
  source: string,
): { ok: true; events: CalendarEvent[] } | { ok: false; problems: string[] } {
  const parsed = calendarFileSchema.safeParse(data ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => {
        const path = pathOf(issue.path);
        return `${source}: ${path === '' ? '' : `${path}: `}${describe(issue)}`;
      }),
    };
  }
  const toEvent =
    (kind: CalendarEvent['kind']) =>
    (entry: z.infer<typeof entrySchema>): CalendarEvent => ({
      kind,
      name: entry.name,
      from: entry.date ?? entry.from ?? '',
      to: entry.date ?? entry.to ?? '',
      where: entry.where ?? null,
    });
  return {
    ok: true,
    events: [
      ...parsed.data.holidays.map(toEvent('holiday')),
      ...parsed.data.conferences.map(toEvent('conference')),
    ],
  };
}

/** The dates of a plan that people must be available for: every milestone and each phase's first day. */
export function keyDates(timeline: Timeline): KeyDate[] {
  return [
    ...timeline.phases.map((p) => ({
      date: p.startsOn,
      kind: 'phase_start' as const,
      label: `first day of ${p.name}`,
    })),
    ...timeline.milestones.map((m) => ({
      date: m.dueOn,
      kind: 'milestone' as const,
      label: m.artifact ? `${m.name} (${m.artifact})` : m.name,
    })),
  ].sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * The handbook's timeline criteria: holidays around the world and KubeCon-like events are not hard
 * blocks, but the release team should see every key date that falls on one. Sorted by date.
 */
export function findCalendarConflicts(dates: KeyDate[], events: CalendarEvent[]): CalendarConflict[] {
  const conflicts: CalendarConflict[] = [];
  for (const keyDate of dates) {
    for (const event of events) {
      if (event.from <= keyDate.date && keyDate.date <= event.to) {
        conflicts.push({ date: keyDate.date, keyDate, event });
      }
    }
  }
  return conflicts.sort((a, b) => a.date.localeCompare(b.date));
}

/** Milestones that fall on a Saturday or Sunday: after a re-plan by calendar days this can happen. */
export function weekendMilestones(timeline: Timeline): Timeline['milestones'] {
  return timeline.milestones.filter((m) => DateTime.fromISO(m.dueOn, { zone: 'UTC' }).weekday >= 6);
}
