import { DateTime, IANAZone } from 'luxon';
import type { MilestoneKey, PhaseKey } from './phases';
import type { ReleaseTemplate, TemplateMilestone } from './release-template';
import { formatVersionPattern, type ParsedVersion } from './version';

/**
 * A phase placed on the calendar: whole cycle weeks, from the first day of its first week to the
 * last day of its last (Monday to Sunday when week 1 starts on a Monday).
 */
export interface PhaseDates {
  key: PhaseKey;
  name: string;
  /** ISO calendar date (YYYY-MM-DD) in the release's zone, inclusive. */
  startsOn: string;
  /** ISO calendar date (YYYY-MM-DD) in the release's zone, inclusive. */
  endsOn: string;
}

/** A milestone placed on the calendar, with the branch or tag it should produce. */
export interface MilestoneDate {
  key: MilestoneKey;
  name: string;
  phase: PhaseKey;
  /** ISO calendar date (YYYY-MM-DD) in the release's zone. */
  dueOn: string;
  optional: boolean;
  owner: string;
  /** The release branch, RC tag or release tag this milestone produces, e.g. "v1.10.0-rc.1". */
  artifact: string | null;
}

/** A release template laid out on the calendar from a start date. */
export interface Timeline {
  /** The first day of week 1, any weekday: every cycle week starts on that weekday. */
  startDate: string;
  /** IANA time zone the dates are calendar dates in, e.g. "Europe/Berlin". */
  zone: string;
  phases: PhaseDates[];
  /** Sorted by date, then by template order. */
  milestones: MilestoneDate[];
}

/** How far one phase end or milestone moved between two plans. */
export interface DateSlip {
  key: string;
  kind: 'phase' | 'milestone';
  firstDate: string;
  currentDate: string;
  /** Positive when the current plan is later than the first one. */
  slipDays: number;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for an IANA time zone name luxon can use, e.g. "Europe/Berlin" or "UTC". */
export function isValidTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/**
 * Checks a cycle start date: a real YYYY-MM-DD date in a known zone. Any weekday will do: releases
 * have started mid-week (Kubeflow 1.8's week 1 began on a Wednesday), and every cycle week then
 * starts on that weekday. Returns null when it is fine, otherwise a sentence for the release manager.
 */
export function validateStartDate(startDate: string, zone: string): string | null {
  if (!isValidTimeZone(zone)) {
    return `"${zone}" is not a time zone I know; use an IANA name such as Europe/Berlin or America/Los_Angeles.`;
  }
  if (!ISO_DATE.test(startDate))
    return `"${startDate}" is not a date; write it as YYYY-MM-DD, e.g. 2026-03-02.`;
  const date = DateTime.fromISO(startDate, { zone });
  if (!date.isValid) return `${startDate} is not a real date; check the month and the day.`;
  return null;
}

function calendarDate(isoDate: string, zone: string): DateTime {
  const date = DateTime.fromISO(isoDate, { zone });
  if (!date.isValid) throw new Error(`"${isoDate}" is not a valid date in ${zone}.`);
  return date;
}

/** Adds whole calendar days: luxon keeps the wall-clock time, so a DST change never moves the date. */
function addDays(isoDate: string, days: number, zone: string): string {
  return calendarDate(isoDate, zone).plus({ days }).toISODate() ?? isoDate;
}

/** The first day of cycle week `week`: week 1 starts on the start date, week N 7 * (N - 1) days later. */
function firstDayOfWeek(startDate: string, zone: string, week: number): string {
  return addDays(startDate, 7 * (week - 1), zone);
}

/** The last day of cycle week `week`: the day before the next week starts. */
function lastDayOfWeek(startDate: string, zone: string, week: number): string {
  return addDays(startDate, 7 * week - 1, zone);
}

/**
 * The first day in cycle week `week` with ISO weekday `weekday` (1 = Monday). A week holds each
 * weekday once, so "the Friday of week 12" is one date whatever weekday the cycle starts on; with
 * a Monday start, weekday W is simply the W-th day of the week.
 */
function dateOfWeekday(startDate: string, zone: string, week: number, weekday: number): string {
  const startWeekday = calendarDate(startDate, zone).weekday;
  return addDays(startDate, 7 * (week - 1) + ((weekday - startWeekday + 7) % 7), zone);
}

function milestoneArtifact(template: ReleaseTemplate, version: ParsedVersion, m: TemplateMilestone): string {
  if (m.key === 'release_branch') return formatVersionPattern(template.releaseBranch, version);
  if (m.key === 'release') return formatVersionPattern(template.releaseTag, version);
  return formatVersionPattern(template.rcTag, version, Number(m.key.slice('rc.'.length)));
}

/**
 * Lays a release template on the calendar: week N starts on startDate + 7 * (N - 1) days, whatever
 * weekday the start date is; phases span whole weeks (from the first day of their first week to
 * the day before the week after their last starts) and a milestone falls on the first day of its
 * week with its weekday. Dates are calendar dates in the release's zone, computed with calendar
 * arithmetic so DST changes move nothing.
 * Throws when the start date or zone is invalid: callers check them with validateStartDate first.
 */
export function computeTimeline(params: {
  template: ReleaseTemplate;
  version: ParsedVersion;
  startDate: string;
  zone: string;
}): Timeline {
  const { template, version, startDate, zone } = params;
  const problem = validateStartDate(startDate, zone);
  if (problem) throw new Error(problem);

  const phases = template.phases.map((p) => ({
    key: p.key,
    name: p.name,
    startsOn: firstDayOfWeek(startDate, zone, p.fromWeek),
    endsOn: lastDayOfWeek(startDate, zone, p.toWeek),
  }));
  const milestones = template.milestones
    .map((m, order) => ({
      order,
      milestone: {
        key: m.key,
        name: m.name,
        phase: m.phase,
        dueOn: dateOfWeekday(startDate, zone, m.week, m.weekday),
        optional: m.optional,
        owner: m.owner,
        artifact: milestoneArtifact(template, version, m),
      },
    }))
    .sort((a, b) => a.milestone.dueOn.localeCompare(b.milestone.dueOn) || a.order - b.order)
    .map(({ milestone }) => milestone);
  return { startDate, zone, phases, milestones };
}

/** The calendar date a moment falls on in the release's zone. */
export function localDate(moment: DateTime, zone: string): string {
  const date = moment.setZone(zone).toISODate();
  if (date === null) throw new Error(`Cannot place ${moment.toString()} in time zone "${zone}".`);
  return date;
}

/** Kept answers of a pure function, by key; emptied once it holds MAX_KEPT, so it never grows past it. */
const MAX_KEPT = 4096;
function kept<V>(memo: Map<string, V>, key: string, compute: () => V): V {
  const known = memo.get(key);
  if (known !== undefined) return known;
  const value = compute();
  if (memo.size >= MAX_KEPT) memo.clear();
  memo.set(key, value);
  return value;
}

/** Instants already placed in a zone, by zone and ISO timestamp: the same rows come in every answer. */
const placed = new Map<string, string | null>();

/**
 * The calendar date an ISO timestamp (without an offset: UTC) falls on in `zone`, or null when it
 * is not a timestamp. Kept once worked out: placing an instant in a zone costs Luxon an Intl call.
 */
export function localDateOfInstant(iso: string, zone: string): string | null {
  return kept(placed, `${zone} ${iso}`, () => {
    const moment = DateTime.fromISO(iso, { zone: 'utc' });
    return moment.isValid ? moment.setZone(zone).toISODate() : null;
  });
}

/** Whole calendar days from one ISO date to another; negative when toDate is earlier. */
export function daysUntil(fromDate: string, toDate: string): number {
  return (dayNumber(toDate) - dayNumber(fromDate)) / MS_PER_DAY;
}

const MS_PER_DAY = 86_400_000;

/** Dates already read: an answer compares the same plan dates again and again. */
const dayNumbers = new Map<string, number>();

/** A YYYY-MM-DD date as milliseconds at UTC midnight: plain arithmetic, as status asks for it often. */
function dayNumber(isoDate: string): number {
  return kept(dayNumbers, isoDate, () => readDayNumber(isoDate));
}

function readDayNumber(isoDate: string): number {
  const [year, month, day] = [isoDate.slice(0, 4), isoDate.slice(5, 7), isoDate.slice(8, 10)].map(Number);
  const ms = ISO_DATE.test(isoDate) ? Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 0) : Number.NaN;
  // Date.UTC rolls 2026-02-30 over into March: a date that does not come back unchanged is not real.
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== isoDate)
    throw new Error(`"${isoDate}" is not a valid date.`);
  return ms;
}

/** The cycle week a date is in: week 1 is the start date and the six days after; the week before is 0. */
export function cycleWeek(startDate: string, date: string): number {
  return Math.floor(daysUntil(startDate, date) / 7) + 1;
}

/** "Week 3 of 17", "2 week(s) before week 1", "Week 19, after release day": a cycle week as people read it. */
export function weekLabel(week: number, releaseWeek: number): string {
  if (week < 1) return `${1 - week} week(s) before week 1`;
  return week <= releaseWeek ? `Week ${week} of ${releaseWeek}` : `Week ${week}, after release day`;
}

/**
 * A phase the release manager moved past on the day it started has no days: it ends the day
 * before it starts. It stays in the plan, so the record shows it was skipped and when.
 */
export function isSkipped(phase: { startsOn: string; endsOn: string }): boolean {
  return phase.endsOn < phase.startsOn;
}

/** The last day of a plan: the latest end of any of its phases (Post Release, as templates go). */
export function lastDayOf(timeline: Timeline): string {
  return timeline.phases.reduce((last, p) => (p.endsOn > last ? p.endsOn : last), timeline.startDate);
}

/** Every phase that contains the date; phases overlap (feature freeze and documentation, say). */
export function phasesOn(timeline: Timeline, date: string): PhaseDates[] {
  return timeline.phases.filter((phase) => phase.startsOn <= date && date <= phase.endsOn);
}

/** The earliest milestone due on or after the date, or null when all are past. */
export function nextMilestone(timeline: Timeline, date: string): MilestoneDate | null {
  const upcoming = timeline.milestones.filter((m) => m.dueOn >= date);
  return upcoming.reduce<MilestoneDate | null>(
    (best, m) => (best === null || m.dueOn < best.dueOn ? m : best),
    null,
  );
}

/**
 * How far the current plan moved from the first one: for each phase (by its end) and each milestone
 * present in both plans, the days the current date is after the first one (negative when earlier).
 */
export function timelineSlip(first: Timeline, current: Timeline): DateSlip[] {
  const slips: DateSlip[] = [];
  for (const phase of first.phases) {
    const now = current.phases.find((p) => p.key === phase.key);
    if (!now) continue;
    slips.push({
      key: phase.key,
      kind: 'phase',
      firstDate: phase.endsOn,
      currentDate: now.endsOn,
      slipDays: daysUntil(phase.endsOn, now.endsOn),
    });
  }
  for (const milestone of first.milestones) {
    const now = current.milestones.find((m) => m.key === milestone.key);
    if (!now) continue;
    slips.push({
      key: milestone.key,
      kind: 'milestone',
      firstDate: milestone.dueOn,
      currentDate: now.dueOn,
      slipDays: daysUntil(milestone.dueOn, now.dueOn),
    });
  }
  return slips;
}
