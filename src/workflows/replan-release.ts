import type { Clock } from '../clock';
import {
  findCalendarConflicts,
  keyDates,
  weekendMilestones,
  type CalendarConflict,
  type CalendarEvent,
} from '../domain/calendar-conflicts';
import { planMove } from '../domain/replan';
import {
  findPlanItem,
  planChanges,
  planItemKeys,
  releaseDayOf,
  type PlanChange,
  type PlanItem,
} from '../domain/plan-items';
import { phaseSequence } from '../domain/phase-position';
import { localDate, type Timeline } from '../domain/timeline';
import type { ReleaseRow } from '../db/release-repository';
import type { Store } from '../db/store';
import { UserError, type UserErrorCode } from '../errors';
import { md, type Mrkdwn } from '../text/mrkdwn';
import { announceDecision, requireReleaseManager } from './decision-log';
import { findRelease } from './find-release';
import { meetingFor, meetingKeyDates } from './plan-release';
import { requireLive } from './release-lifecycle';

type Deps = { store: Store; clock: Clock; admins: string[] };

/** The field of the re-plan form a problem is about. */
export type ReplanField = 'item' | 'date' | 'reason';

/** A problem with what was asked for, told next to its field; `conflict` when the plan changed meanwhile. */
export class ReplanRefusal extends UserError {
  constructor(
    message: Mrkdwn,
    readonly field: ReplanField,
    code: UserErrorCode = 'bad_argument',
  ) {
    super(code, message);
  }
}

/** One date to move: which item, to when, and whether the dates after it come along. */
export interface ReplanInput {
  userId: string;
  version?: string;
  item: string;
  newDate: string;
  moveLater: boolean;
}

/** What a re-plan does to the calendar: changed dates, release day, holidays and weekends. */
export interface ReplanEffects {
  changes: PlanChange[];
  releaseDay: { from: string | null; to: string | null };
  /** Moved dates (and new weekly meetings) that fall on a holiday or during a conference. */
  conflicts: CalendarConflict[];
  /** Moved milestones that now fall on a Saturday or Sunday. */
  weekend: Timeline['milestones'];
}

/** A re-plan worked out and not saved: the current plan and the proposed one side by side. */
export interface ReplanPreview extends ReplanEffects {
  version: string;
  today: string;
  /** The revision of the plan it starts from. */
  planRevision: number;
  current: Timeline;
  proposed: Timeline;
  item: PlanItem;
  newDate: string;
  days: number;
  moveLater: boolean;
}

/** A re-plan saved as a new plan revision. */
export interface ReplanSaved extends ReplanPreview {
  reason: string;
  /** The revision the re-plan was saved as. */
  savedRevision: number;
  /** Whether the release channel hears about it. */
  announced: boolean;
}

/** The re-plan form as it stands: the plan to choose from, and the preview or what is wrong. */
export interface ReplanForm {
  version: string;
  today: string;
  planRevision: number;
  timeline: Timeline;
  preview: ReplanPreview | null;
  problem: { field: ReplanField; text: Mrkdwn } | null;
}

/**
 * The dates a new plan changes and what they fall on: every key date (milestone, first day of a
 * phase) that moved and every weekly meeting the old plan did not have, against the holiday and
 * conference calendar; moved milestones on a weekend; release day before and after.
 */
export function replanEffects(
  store: Store,
  release: ReleaseRow,
  before: Timeline,
  after: Timeline,
  calendar: CalendarEvent[],
): ReplanEffects {
  const changes = planChanges(before, after);
  const meeting = meetingFor(store, release);
  const datesOf = (timeline: Timeline) => [...keyDates(timeline), ...meetingKeyDates(timeline, meeting)];
  const planned = new Set(datesOf(before).map((d) => `${d.label}|${d.date}`));
  const moved = datesOf(after).filter((d) => !planned.has(`${d.label}|${d.date}`));
  const movedMilestones = new Set(changes.filter((c) => c.kind === 'milestone').map((c) => c.key));
  return {
    changes,
    releaseDay: { from: releaseDayOf(before), to: releaseDayOf(after) },
    conflicts: findCalendarConflicts(moved, calendar),
    weekend: weekendMilestones(after).filter((m) => movedMilestones.has(m.key)),
  };
}

const planChanged = (revision: number) =>
  new ReplanRefusal(
    md`The plan changed while this form was open (it is now plan ${revision}): check the new preview, then save again.`,
    'date',
    'conflict',
  );

/**
 * Saves a new plan revision with its reason, audits it and announces the decision in the release
 * channel, all in one transaction: the first plan and every re-plan are kept. `basedOn`, the
 * revision the new plan was worked out from, refuses to save over one written meanwhile. Returns
 * the new revision.
 */
export function commitReplan(
  store: Store,
  release: ReleaseRow,
  input: {
    userId: string;
    at: string;
    basedOn: number;
    timeline: Timeline;
    planReason: string;
    action: string;
    details: (planRevision: number) => Record<string, unknown>;
  },
): number {
  const { userId: actor, at, action } = input;
  return store.transaction(() => {
    const latest = store.releases.latestPlan(release)?.revision ?? 0;
    if (latest !== input.basedOn) throw planChanged(latest);
    store.releases.addPlan(release.id, input.timeline, {
      reason: input.planReason,
      createdAt: at,
      createdBy: actor,
    });
    const revision = store.releases.latestPlan(release)?.revision ?? 0;
    const details = input.details(revision);
    store.audit.record({ at, actor, releaseId: release.id, action, details });
    announceDecision(store, release, { action, actor, at, details });
    return revision;
  });
}

/** The release and its plans, once it is live and the person may steer it. */
function steerable(deps: Deps, input: { userId: string; version?: string }) {
  const release = findRelease(deps, input.version);
  requireLive(release);
  requireReleaseManager(deps, release, input.userId, `re-plan ${release.version}`);
  const plan = deps.store.releases.latestPlan(release);
  if (!plan) throw new Error(`release ${release.version} has no plan`);
  const first = deps.store.releases.firstPlan(release) ?? plan;
  const today = localDate(deps.clock.now(), release.timeZone);
  return { release, plan, first, today };
}

function computePreview(
  deps: Deps,
  { release, plan, first, today }: ReturnType<typeof steerable>,
  input: Omit<ReplanInput, 'userId' | 'version'>,
  calendar: CalendarEvent[],
): ReplanPreview {
  const timeline = plan.timeline;
  if (input.item.trim() === '') throw new ReplanRefusal(md`Choose a milestone or a phase.`, 'item');
  if (!findPlanItem(timeline, input.item)) {
    const keys = planItemKeys(timeline).join(', ');
    throw new ReplanRefusal(
      md`"${input.item}" is not a milestone or phase of this plan. Use one of: ${keys}.`,
      'item',
    );
  }
  if (input.newDate.trim() === '') throw new ReplanRefusal(md`Choose the new date.`, 'date');
  const sequence = phaseSequence(first.timeline);
  const moved = planMove(timeline, input.item, input.newDate, {
    moveLater: input.moveLater,
    today,
    sequence,
  });
  if (!moved.ok) throw new ReplanRefusal(md`${moved.problem}`, 'date');
  return {
    ...replanEffects(deps.store, release, timeline, moved.timeline, calendar),
    version: release.version,
    today,
    planRevision: plan.revision,
    current: timeline,
    proposed: moved.timeline,
    item: moved.item,
    newDate: input.newDate,
    days: moved.days,
    moveLater: input.moveLater,
  };
}

/**
 * What re-planning one milestone or phase start would do, before anything is saved: the current
 * and the proposed plan, every changed date, release day before and after, and the holidays,
 * conferences and weekends the moved dates fall on. Only the release manager or an admin, on a
 * live release; a problem with the item or the date is a ReplanRefusal naming its field.
 */
export function previewReplan(deps: Deps, input: ReplanInput, calendar: CalendarEvent[]): ReplanPreview {
  return computePreview(deps, steerable(deps, input), input, calendar);
}

/**
 * The re-plan form for the release manager: the plan to choose from and, when an item and a date
 * are chosen, the preview or the problem with them. Refuses anyone else, and a closed release,
 * before the form opens.
 */
export function replanForm(
  deps: Deps,
  input: { userId: string; version?: string; item?: string; newDate?: string; moveLater: boolean },
  calendar: CalendarEvent[],
): ReplanForm {
  const steering = steerable(deps, input);
  const { release, plan, today } = steering;
  const base = { version: release.version, today, planRevision: plan.revision, timeline: plan.timeline };
  if (!input.item || !input.newDate) return { ...base, preview: null, problem: null };
  try {
    const move = { item: input.item, newDate: input.newDate, moveLater: input.moveLater };
    return { ...base, preview: computePreview(deps, steering, move, calendar), problem: null };
  } catch (error) {
    if (!(error instanceof ReplanRefusal)) throw error;
    return { ...base, preview: null, problem: { field: error.field, text: error.text } };
  }
}

/**
 * The release manager's authority over the timeline: re-plans one milestone or phase start, earlier
 * or later, alone or with every date after it, as previewReplan shows it. Saved as a new plan
 * revision with the reason (every earlier plan is kept), recorded in the decision log and announced
 * once in the release channel, in one transaction. `basedOn`, the plan revision the preview was
 * made from, refuses to save over a plan someone changed meanwhile.
 */
export function saveReplan(
  deps: Deps,
  input: ReplanInput & { reason: string; basedOn?: number },
  calendar: CalendarEvent[],
): ReplanSaved {
  const steering = steerable(deps, input);
  const { release, plan } = steering;
  if (input.basedOn !== undefined && input.basedOn !== plan.revision) throw planChanged(plan.revision);
  const shown = computePreview(deps, steering, input, calendar);
  const reason = input.reason.trim();
  if (reason.length < 3)
    throw new ReplanRefusal(md`Say why: the reason goes into the plan and the decision log.`, 'reason');
  if (reason.length > 1000) throw new ReplanRefusal(md`Keep the reason under 1,000 characters.`, 'reason');
  const { item, days, newDate, moveLater, releaseDay } = shown;
  const how = moveLater ? 'with everything after it' : 'only that date';
  const amount = `${Math.abs(days)} day${Math.abs(days) === 1 ? '' : 's'} ${days > 0 ? 'later' : 'earlier'}`;
  const savedRevision = commitReplan(deps.store, release, {
    userId: input.userId,
    at: deps.clock.now().toISO() ?? '',
    basedOn: shown.planRevision,
    timeline: shown.proposed,
    planReason: `Re-planned ${item.name} from ${item.date} to ${newDate} (${amount}, ${how}): ${reason}`,
    action: 'plan.replanned',
    details: (planRevision) => ({
      item: item.key,
      name: item.name,
      from: item.date,
      to: newDate,
      days,
      moveLater,
      planRevision,
      releaseDayFrom: releaseDay.from,
      releaseDayTo: releaseDay.to,
      reason,
    }),
  });
  return { ...shown, reason, savedRevision, announced: release.slackChannel !== null };
}
