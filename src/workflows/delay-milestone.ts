import { DateTime } from 'luxon';
import type { Clock } from '../clock';
import {
  findCalendarConflicts,
  keyDates,
  weekendMilestones,
  type CalendarConflict,
  type CalendarEvent,
} from '../domain/calendar-conflicts';
import { planDelay, type PlanItem } from '../domain/replan';
import { localDate, type Timeline } from '../domain/timeline';
import type { Store } from '../db/store';
import { UserError } from '../errors';
import { code, md } from '../text/mrkdwn';
import { announceDecision, requireReleaseManager } from './decision-log';
import { requireLive } from './release-lifecycle';
import { findRelease } from './find-release';
import { meetingFor, meetingKeyDates } from './plan-release';

export const DELAY_USAGE =
  '/kfrelease delay <milestone> <new-date> <reason>, e.g. /kfrelease delay rc.1 2026-05-29 Pipelines needs a week for the backend fix';

/** One phase or milestone date the re-plan moved. */
export interface MovedDate {
  kind: 'phase' | 'milestone';
  key: string;
  name: string;
  from: string;
  to: string;
}

export interface DelayResult {
  version: string;
  item: PlanItem;
  newDate: string;
  days: number;
  reason: string;
  planRevision: number;
  moved: MovedDate[];
  /** Milestones the shift by calendar days put on a Saturday or Sunday. */
  weekend: Timeline['milestones'];
  /** Moved dates that now fall on a holiday or during a conference. */
  conflicts: CalendarConflict[];
}

function movedDates(before: Timeline, after: Timeline): MovedDate[] {
  const phases = after.phases.flatMap((p) => {
    const old = before.phases.find((b) => b.key === p.key);
    if (!old || (old.startsOn === p.startsOn && old.endsOn === p.endsOn)) return [];
    const what = old.startsOn === p.startsOn ? 'ends' : 'starts';
    const [from, to] = what === 'ends' ? [old.endsOn, p.endsOn] : [old.startsOn, p.startsOn];
    return [{ kind: 'phase' as const, key: p.key, name: `${p.name} ${what}`, from, to }];
  });
  const milestones = after.milestones.flatMap((m) => {
    const old = before.milestones.find((b) => b.key === m.key);
    return old && old.dueOn !== m.dueOn
      ? [{ kind: 'milestone' as const, key: m.key, name: m.name, from: old.dueOn, to: m.dueOn }]
      : [];
  });
  return [...phases, ...milestones];
}

/**
 * The release manager's authority to delay the release: re-plans a milestone (or a phase's start)
 * to a later date and everything after it by the same number of calendar days, keeping the old
 * plan; the slip against the first plan then shows in `timeline` and `status`. Only the release
 * manager or an admin, always with a reason.
 */
export function delayMilestone(
  deps: { store: Store; clock: Clock; admins: string[] },
  input: { userId: string; milestone: string; newDate: string; reason: string; version?: string },
  calendar: CalendarEvent[],
): DelayResult {
  const { store, clock } = deps;
  const release = findRelease(deps, input.version);
  requireLive(release);
  requireReleaseManager(deps, release, input.userId, `delay ${release.version}`);
  const problems: string[] = [];
  const date = DateTime.fromISO(input.newDate, { zone: 'UTC' });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.newDate) || !date.isValid) {
    problems.push(`"${input.newDate}" is not a date; write it as YYYY-MM-DD.`);
  }
  const reason = input.reason.trim();
  if (reason.length < 3) problems.push('Say why: the reason goes into the plan and the decision log.');
  if (reason.length > 1000) problems.push('Keep the reason under 1,000 characters.');
  if (problems.length > 0)
    throw new UserError('bad_argument', md`${problems.join('\n')}`, md`Usage: ${code(DELAY_USAGE)}`);

  const plan = store.releases.latestPlan(release);
  if (!plan) throw new Error(`release ${release.version} has no plan`);
  const today = localDate(clock.now(), release.timeZone);
  const replan = planDelay(plan.timeline, input.milestone, input.newDate, today);
  if (!replan.ok) throw new UserError('bad_argument', md`${replan.problem}`, md`Usage: ${code(DELAY_USAGE)}`);

  const at = clock.now().toISO() ?? '';
  const { item, days } = replan;
  const planRevision = store.transaction(() => {
    const why = `Delayed ${item.name} from ${item.date} to ${input.newDate} (${days} days): ${reason}`;
    store.releases.addPlan(release.id, replan.timeline, {
      reason: why,
      createdAt: at,
      createdBy: input.userId,
    });
    const revision = store.releases.latestPlan(release)?.revision ?? 0;
    const details = {
      item: item.key,
      name: item.name,
      from: item.date,
      to: input.newDate,
      days,
      reason,
      planRevision: revision,
    };
    store.audit.record({ at, actor: input.userId, releaseId: release.id, action: 'plan.delayed', details });
    announceDecision(store, release, { action: 'plan.delayed', actor: input.userId, at, details });
    return revision;
  });

  const moved = movedDates(plan.timeline, replan.timeline);
  const movedOn = new Set(moved.map((m) => m.to));
  const meetingDates = new Set(meetingKeyDates(plan.timeline, meetingFor(store, release)).map((d) => d.date));
  const newDates = [
    ...keyDates(replan.timeline).filter((d) => movedOn.has(d.date)),
    ...meetingKeyDates(replan.timeline, meetingFor(store, release)).filter((d) => !meetingDates.has(d.date)),
  ];
  const movedKeys = new Set(moved.filter((m) => m.kind === 'milestone').map((m) => m.key));
  return {
    version: release.version,
    item,
    newDate: input.newDate,
    days,
    reason,
    planRevision,
    moved,
    weekend: weekendMilestones(replan.timeline).filter((m) => movedKeys.has(m.key)),
    conflicts: findCalendarConflicts(newDates, calendar),
  };
}
