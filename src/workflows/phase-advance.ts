import type { Clock } from '../clock';
import { weekendMilestones } from '../domain/calendar-conflicts';
import { phaseSequence } from '../domain/phase-position';
import type { ItemState } from '../domain/phase-checklist';
import { releaseDayOf } from '../domain/plan-items';
import { planAdvance } from '../domain/replan';
import type { PhaseDates, Timeline } from '../domain/timeline';
import type { Store } from '../db/store';
import { UserError } from '../errors';
import { md } from '../text/mrkdwn';
import { announceDecision, requireReleaseManager } from './decision-log';
import { findRelease } from './find-release';
import { buildPhaseView } from './phase-control';
import { readPhaseChecklists } from './phase-checklists-file';
import { requireLive } from './release-lifecycle';

type Deps = { store: Store; clock: Clock; admins: string[] };

/** What moving to the next phase did. */
export interface AdvanceResult {
  version: string;
  from: PhaseDates;
  to: PhaseDates;
  today: string;
  unmet: ItemState[];
  reason: string;
  /** Days the next phase starts before its planned start (0 when it was due anyway). */
  daysEarly: number;
  /** The re-plan made, when the move came early. */
  planRevision: number | null;
  /** Milestones the early start moved onto a Saturday or Sunday. */
  weekend: Timeline['milestones'];
  /** Whether the later dates came as many days earlier, or stayed where they were. */
  moveLater: boolean;
  /** Release day before and after the move (the same unless the later dates moved). */
  releaseDay: { from: string | null; to: string | null };
}

/**
 * The release manager's authority to move the release to the next phase, even with criteria unmet
 * (the reason is then required and recorded). When the next phase was planned to start later, the
 * plan is re-planned so it starts today and the current phase ends yesterday, keeping the old plan;
 * the later dates, release day among them, stay unless `moveLater` brings them as many days
 * earlier. Only the release manager or an admin.
 */
export function advancePhase(
  deps: Deps,
  input: { userId: string; reason: string; version?: string; moveLater?: boolean },
  items = readPhaseChecklists(),
): AdvanceResult {
  const { store, clock } = deps;
  const release = findRelease(deps, input.version);
  requireLive(release);
  requireReleaseManager(deps, release, input.userId, `move ${release.version} to its next phase`);
  const view = buildPhaseView(deps, release, items);
  const { current, next, started } = view.position;
  if (!next)
    throw new UserError(
      'conflict',
      md`${current.name} is the last phase of ${release.version}: there is no next one.`,
    );
  if (!started) {
    throw new UserError(
      'conflict',
      md`${current.name} of ${release.version} starts ${current.startsOn}: there is nothing to move on from yet.`,
    );
  }
  const reason = input.reason.trim();
  if (view.unmet.length > 0 && reason.length < 3) {
    const list = view.unmet.map((s) => `• \`${s.item.id}\` ${s.item.title}`).join('\n');
    throw new UserError(
      'bad_argument',
      md`${view.unmet.length} criteria of ${current.name} are not met:\n${list}`,
      md`Tick them with \`/kfrelease check <id>\`, or move on anyway and say why: \`/kfrelease phase advance <reason>\`.`,
    );
  }
  if (reason.length > 1000) throw new UserError('bad_argument', md`Keep the reason under 1,000 characters.`);
  const plan = store.releases.latestPlan(release);
  if (!plan) throw new Error(`release ${release.version} has no plan`);
  const moveLater = input.moveLater === true;
  const sequence = phaseSequence((store.releases.firstPlan(release) ?? plan).timeline);
  const replan = planAdvance(plan.timeline, next.key, view.today, { moveLater, sequence });
  if (!replan.ok) throw new Error(`cannot re-plan ${release.version} to start ${next.key} today`);
  const at = clock.now().toISO() ?? '';
  const unmet = view.unmet.map((s) => ({ id: s.item.id, title: s.item.title }));
  const daysEarly = -replan.days;
  const planRevision = store.transaction(() => {
    let revision: number | null = null;
    if (daysEarly > 0) {
      const early = `${daysEarly} day${daysEarly === 1 ? '' : 's'}`;
      const later = moveLater ? `, every later date ${early} earlier` : '';
      const why = `${next.name} started ${early} early, on ${view.today}${later}${reason ? `: ${reason}` : ''}`;
      store.releases.addPlan(release.id, replan.timeline, {
        reason: why,
        createdAt: at,
        createdBy: input.userId,
      });
      revision = store.releases.latestPlan(release)?.revision ?? null;
    }
    const transition = {
      fromPhase: current.key,
      toPhase: next.key,
      onDate: view.today,
      daysEarly,
      reason,
      unmet,
      planRevision: revision,
      actor: input.userId,
      at,
    };
    store.phaseControl.recordTransition(release.id, transition);
    const details = {
      from: current.key,
      to: next.key,
      reason,
      unmet,
      daysEarly,
      moveLater,
      planRevision: revision,
    };
    store.audit.record({ at, actor: input.userId, releaseId: release.id, action: 'phase.advanced', details });
    announceDecision(store, release, { action: 'phase.advanced', actor: input.userId, at, details });
    return revision;
  });
  const to = replan.timeline.phases.find((p) => p.key === next.key) ?? next;
  const moved = new Set(replan.changes.filter((c) => c.kind === 'milestone').map((c) => c.key));
  const weekend = weekendMilestones(replan.timeline).filter((m) => moved.has(m.key));
  const releaseDay = { from: releaseDayOf(plan.timeline), to: releaseDayOf(replan.timeline) };
  const base = { version: release.version, from: current, to, today: view.today, unmet: view.unmet };
  return { ...base, reason, daysEarly, planRevision, weekend, moveLater, releaseDay };
}
