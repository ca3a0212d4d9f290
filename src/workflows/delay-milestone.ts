import { DateTime } from 'luxon';
import type { Clock } from '../clock';
import type { CalendarConflict, CalendarEvent } from '../domain/calendar-conflicts';
import { planDelay } from '../domain/replan';
import { type PlanChange, type PlanItem } from '../domain/plan-items';
import { phaseSequence } from '../domain/phase-position';
import { localDate, type Timeline } from '../domain/timeline';
import type { Store } from '../db/store';
import { UserError } from '../errors';
import { code, md } from '../text/mrkdwn';
import { requireReleaseManager } from './decision-log';
import { requireLive } from './release-lifecycle';
import { findRelease } from './find-release';
import { commitReplan, replanEffects } from './replan-release';
import { DELAY_USAGE } from './command-usages';

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

/** One line per moved phase (its start, else its end) and per moved milestone. */
function movedDates(changes: PlanChange[]): MovedDate[] {
  const startMoved = new Set(changes.filter((c) => c.what === 'starts').map((c) => c.key));
  return changes
    .filter((c) => c.what !== 'ends' || !startMoved.has(c.key))
    .map(({ kind, key, name, what, from, to }) => ({
      kind,
      key,
      name: kind === 'phase' ? `${name} ${what}` : name,
      from,
      to,
    }));
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
  const first = store.releases.firstPlan(release) ?? plan;
  const today = localDate(clock.now(), release.timeZone);
  const sequence = phaseSequence(first.timeline);
  const replan = planDelay(plan.timeline, input.milestone, input.newDate, today, sequence);
  if (!replan.ok) throw new UserError('bad_argument', md`${replan.problem}`, md`Usage: ${code(DELAY_USAGE)}`);

  const { item, days } = replan;
  const planRevision = commitReplan(store, release, {
    userId: input.userId,
    at: clock.now().toISO() ?? '',
    basedOn: plan.revision,
    timeline: replan.timeline,
    planReason: `Delayed ${item.name} from ${item.date} to ${input.newDate} (${days} days): ${reason}`,
    action: 'plan.delayed',
    details: (revision) => ({
      item: item.key,
      name: item.name,
      from: item.date,
      to: input.newDate,
      days,
      reason,
      planRevision: revision,
    }),
  });
  const effects = replanEffects(store, release, plan.timeline, replan.timeline, calendar);
  return {
    version: release.version,
    item,
    newDate: input.newDate,
    days,
    reason,
    planRevision,
    moved: movedDates(effects.changes),
    weekend: effects.weekend,
    conflicts: effects.conflicts,
  };
}
