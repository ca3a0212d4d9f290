import { DateTime } from 'luxon';
import type { ReleaseRow } from '../db/release-repository';
import type { Store } from '../db/store';
import { scheduleOccurrences, type Occurrence, type ReleaseSchedule } from '../domain/due-occurrences';
import { DEFAULT_REMINDER_SETTINGS } from '../domain/reminders';
import { currentPlan } from './current-plan';

const utc = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });

/**
 * Everything the schedule of a release depends on, from the database: its plan as it stands (the
 * latest plan with what actually happened, so meetings follow the real release day), its meeting
 * (if set up) and its reminder settings (the defaults, from the release's creation on, when none
 * were set). A milestone already done needs no reminder, so it is left out; and reminders count
 * only from when the plan they come from was made: a re-plan that pulls a deadline in does not
 * make its earlier reminders look missed. Null when the release has no plan.
 */
export function loadReleaseSchedule(store: Store, release: ReleaseRow): ReleaseSchedule | null {
  if (!store.releases.latestPlan(release)) return null;
  const plan = currentPlan(store, release);
  const meeting = store.meetings.meeting(release.id);
  const reminders = store.meetings.reminders(release.id);
  const remindersSince = utc(reminders?.since ?? release.createdAt);
  const planSince = utc(plan.createdAt);
  return {
    releaseId: release.id,
    zone: release.timeZone,
    timeline: { ...plan.timeline, milestones: plan.timeline.milestones.filter((m) => !m.done) },
    meeting: meeting ? { ...meeting, since: utc(meeting.since) } : null,
    reminders: {
      ...(reminders ?? DEFAULT_REMINDER_SETTINGS),
      since: planSince > remindersSince ? planSince : remindersSince,
    },
  };
}

/** The last occurrences computed per release, with what they were computed from. */
const computed = new Map<number, { fingerprint: string; occurrences: Occurrence[] }>();

/**
 * The release's occurrences over its whole cycle, computed again only when its plan or settings
 * change: placing a hundred local times in a zone costs tens of milliseconds, and the minute tick
 * asks for every active release.
 */
export function occurrencesOf(schedule: ReleaseSchedule): Occurrence[] {
  const { meeting, reminders } = schedule;
  const fingerprint = JSON.stringify([
    schedule.zone,
    schedule.timeline,
    meeting && { ...meeting, since: null },
    { ...reminders, since: null },
  ]);
  const cached = computed.get(schedule.releaseId);
  if (cached?.fingerprint === fingerprint) return cached.occurrences;
  const occurrences = scheduleOccurrences(schedule);
  computed.set(schedule.releaseId, { fingerprint, occurrences });
  return occurrences;
}
