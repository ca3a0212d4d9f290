import type { Clock } from '../clock';
import type { PhaseEndDecision, UnmetCriterion } from '../db/phase-control-repository';
import type { ReleaseRow } from '../db/release-repository';
import type { Store } from '../db/store';
import type { Occurrence } from '../domain/due-occurrences';
import { checklistState, unmetItems, type ChecklistItem, type ItemState } from '../domain/phase-checklist';
import { phaseSequence } from '../domain/phase-position';
import { isSkipped, type PhaseDates } from '../domain/timeline';
import { UserError } from '../errors';
import { md } from '../text/mrkdwn';
import { releaseManagerIds } from './authority';
import { findRelease } from './find-release';
import type { Notice, Post } from './notice';
import { readPhaseChecklists } from './phase-checklists-file';
import { gatherChecklistFacts } from './phase-control';

type Deps = { store: Store; clock: Clock };

/** Which end of which phase: the phase's key and the last day it was planned to have. */
export interface PhaseEndRef {
  version: string;
  phase: string;
  endsOn: string;
}

/** A phase whose planned end passed: its required criteria still unmet, and what was decided. */
export interface PhaseEndReview {
  version: string;
  phase: { key: string; name: string; endsOn: string };
  /** The phase of the main sequence after it: extending the phase moves its start. */
  next: { key: string; name: string; startsOn: string } | null;
  unmet: UnmetCriterion[];
  decision: PhaseEndDecision | null;
  /** The release manager moved on from it early (`phase advance`), with the reason then given. */
  advancedEarly: boolean;
  /** Once extended: the day the phase now ends. */
  extendedTo: string | null;
}

/** The required items of one phase that are not done, from what kfrelease sees now. */
export function unmetOfPhase(
  deps: Deps,
  release: ReleaseRow,
  phaseKey: string,
  items: ChecklistItem[] = readPhaseChecklists(),
): UnmetCriterion[] {
  const own = items.filter((i) => i.phase === phaseKey);
  if (own.length === 0) return [];
  const states = checklistState(own, gatherChecklistFacts(deps, release));
  return unmetItems(states).map((s) => ({ id: s.item.id, title: s.item.title }));
}

/** The first phase of the main sequence that starts after `phase` ends. */
function nextMainPhase(store: Store, release: ReleaseRow, phase: PhaseDates): PhaseEndReview['next'] {
  const plan = store.releases.latestPlan(release);
  if (!plan) return null;
  const main = phaseSequence((store.releases.firstPlan(release) ?? plan).timeline).main;
  const next = plan.timeline.phases
    .filter((p) => main.includes(p.key) && !isSkipped(p) && p.startsOn > phase.endsOn)
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn))[0];
  return next ? { key: next.key, name: next.name, startsOn: next.startsOn } : null;
}

/** A phase end as it stands: the phase in the latest plan, its unmet criteria now and the decision. */
export function reviewOf(
  deps: Deps,
  release: ReleaseRow,
  phase: PhaseDates,
  items?: ChecklistItem[],
): PhaseEndReview {
  const { store } = deps;
  const decision =
    store.phaseControl
      .endDecisions(release.id)
      .find((d) => d.phase === phase.key && d.endsOn === phase.endsOn) ?? null;
  return {
    version: release.version,
    phase: { key: phase.key, name: phase.name, endsOn: phase.endsOn },
    next: nextMainPhase(store, release, phase),
    unmet: unmetOfPhase(deps, release, phase.key, items),
    decision,
    advancedEarly: store.phaseControl.transitions(release.id).some((t) => t.fromPhase === phase.key),
    extendedTo: null,
  };
}

/**
 * The posts of a phase-end check: when the phase ended with required criteria unmet and nobody has
 * decided about it yet (moving on early with `phase advance` is such a decision), each release
 * manager hears it in a direct message (the release channel when no release manager has a Slack
 * ID); nothing when every criterion is met. Reads only.
 */
export function phaseEndPosts(
  deps: Deps,
  release: ReleaseRow,
  occurrence: Occurrence,
  items?: ChecklistItem[],
): Post[] {
  const ended = occurrence.phase;
  const phase = ended
    ? deps.store.releases
        .latestPlan(release)
        ?.timeline.phases.find((p) => p.key === ended.key && p.endsOn === ended.endsOn)
    : undefined;
  if (!phase) return [];
  const review = reviewOf(deps, release, phase, items);
  if (review.unmet.length === 0 || review.decision || review.advancedEarly) return [];
  const notice: Notice = { kind: 'phase_end', review };
  const managers = [...new Set(releaseManagerIds(deps.store, release.id))];
  if (managers.length > 0)
    return managers.map((id) => ({ key: `${occurrence.key}:${id}`, channel: id, notice }));
  return release.slackChannel ? [{ key: occurrence.key, channel: release.slackChannel, notice }] : [];
}

/** One phase's whole checklist, for the phase-end message's "Open the checklist" button. Anyone may read it. */
export function phaseChecklist(
  deps: Deps,
  input: { version: string; phase: string },
  items: ChecklistItem[] = readPhaseChecklists(),
): { version: string; phase: PhaseDates; items: ItemState[] } {
  const release = findRelease(deps, input.version);
  const phase = deps.store.releases.latestPlan(release)?.timeline.phases.find((p) => p.key === input.phase);
  if (!phase)
    throw new UserError(
      'not_found',
      md`${release.version} has no phase "${input.phase}" in its plan any more.`,
    );
  const own = items.filter((i) => i.phase === phase.key);
  return { version: release.version, phase, items: checklistState(own, gatherChecklistFacts(deps, release)) };
}

/** A phase that ended with required criteria still unmet, as the next agenda carries it. */
export interface EndedUnmet {
  phase: string;
  endedOn: string;
  unmet: UnmetCriterion[];
  /** How the release manager decided, when they did: who, and why. */
  decided: { how: 'moved_on' | 'advanced_early'; by: string; reason: string } | null;
}

/**
 * The phases whose planned end fell in [fromOn, toOn) (the days since the previous meeting) and
 * whose required criteria are still unmet now, with what the release manager decided. Phases that
 * end the cycle are left out, as for the phase-end check.
 */
export function phasesEndedUnmet(
  deps: Deps,
  release: ReleaseRow,
  fromOn: string,
  toOn: string,
  items?: ChecklistItem[],
): EndedUnmet[] {
  const plan = deps.store.releases.latestPlan(release);
  if (!plan) return [];
  const lastDay = plan.timeline.phases.reduce((last, p) => (p.endsOn > last ? p.endsOn : last), '');
  return plan.timeline.phases.flatMap((phase) => {
    if (isSkipped(phase) || phase.endsOn >= lastDay || phase.endsOn < fromOn || phase.endsOn >= toOn)
      return [];
    const review = reviewOf(deps, release, phase, items);
    if (review.unmet.length === 0) return [];
    const early = deps.store.phaseControl
      .transitions(release.id)
      .filter((t) => t.fromPhase === phase.key)
      .pop();
    const decided = review.decision
      ? { how: 'moved_on' as const, by: review.decision.actor, reason: review.decision.reason }
      : early
        ? { how: 'advanced_early' as const, by: early.actor, reason: early.reason }
        : null;
    return [{ phase: phase.name, endedOn: phase.endsOn, unmet: review.unmet, decided }];
  });
}
