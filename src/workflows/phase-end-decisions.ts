import type { Clock } from '../clock';
import type { PhaseEndDecision } from '../db/phase-control-repository';
import type { ReleaseRow } from '../db/release-repository';
import type { Store } from '../db/store';
import type { CalendarEvent } from '../domain/calendar-conflicts';
import { addDays } from '../domain/meeting-schedule';
import { localDate } from '../domain/timeline';
import { UserError } from '../errors';
import { md, text, user, type Mrkdwn } from '../text/mrkdwn';
import { announceDecision, requireReleaseManager } from './decision-log';
import { findRelease } from './find-release';
import { reviewOf, type PhaseEndRef, type PhaseEndReview } from './phase-ends';
import { requireLive } from './release-lifecycle';
import { saveReplan, type ReplanInput, type ReplanSaved } from './replan-release';

type Deps = { store: Store; clock: Clock; admins: string[] };

/** A person who decided: a Slack mention, or the name given at the command line. */
const who = (id: string): Mrkdwn => (id.startsWith('cli:') ? text(id.slice(4)) : user(id));

/** The key of the phase-end check of one end of one phase (see scheduleOccurrences). */
const occurrenceKey = (release: ReleaseRow, phase: string, endsOn: string) =>
  `phase_end:${release.id}:${phase}:${endsOn}`;

/** Edits every message of a phase-end check to show what was decided, with no buttons left. */
function editPhaseEndPosts(store: Store, release: ReleaseRow, review: PhaseEndReview, at: string): void {
  const prefix = occurrenceKey(release, review.phase.key, review.phase.endsOn);
  for (const post of store.outbox.postsWithPrefix(prefix)) {
    if (post.status === 'failed') continue;
    store.outbox.enqueue(
      {
        key: `phase-end-decided:${post.key}`,
        releaseId: release.id,
        channel: post.channel,
        notice: { kind: 'phase_end', review },
        replaces: post.key,
      },
      at,
    );
  }
}

/**
 * The phase end a button or form is about, refused with one sentence when it no longer stands: the
 * plan moved the phase's end meanwhile, the end has not passed, or it was decided already.
 */
function openPhaseEnd(deps: Deps, ref: PhaseEndRef, userId: string) {
  const release = findRelease(deps, ref.version);
  requireLive(release);
  const phase = deps.store.releases.latestPlan(release)?.timeline.phases.find((p) => p.key === ref.phase);
  if (!phase)
    throw new UserError(
      'not_found',
      md`${release.version} has no phase "${ref.phase}" in its plan any more.`,
    );
  requireReleaseManager(deps, release, userId, `decide how ${phase.name} of ${release.version} ends`);
  if (phase.endsOn !== ref.endsOn) {
    throw new UserError(
      'conflict',
      md`The plan changed: ${phase.name} of ${release.version} now ends ${phase.endsOn}, not ${ref.endsOn}. Nothing was recorded.`,
    );
  }
  const today = localDate(deps.clock.now(), release.timeZone);
  if (today <= phase.endsOn) {
    throw new UserError(
      'conflict',
      md`${phase.name} of ${release.version} ends ${phase.endsOn}: decide once it has ended.`,
    );
  }
  const review = reviewOf(deps, release, phase);
  if (review.decision) throw alreadyDecided(phase.name, review.decision);
  if (review.unmet.length === 0) {
    throw new UserError(
      'conflict',
      md`Every required criterion of ${phase.name} is met now: there is nothing to decide.`,
    );
  }
  return { release, phase, review, today };
}

function alreadyDecided(name: string, d: PhaseEndDecision): UserError {
  const what = d.decision === 'moved_on' ? 'moved on' : 'extended it';
  return new UserError(
    'conflict',
    md`The end of ${name} was already decided: ${who(d.actor)} ${what} on ${d.at.slice(0, 10)}. Nothing was recorded.`,
  );
}

/** What the phase-end message offers to the release manager: the phase end, to check before a form opens. */
export function reviewPhaseEnd(deps: Deps, ref: PhaseEndRef, userId: string) {
  const { review, phase, today } = openPhaseEnd(deps, ref, userId);
  const next = review.next;
  return {
    review,
    /** A week more for the phase: the next phase starts 7 days after the day it is planned to. */
    extendTo: next
      ? { item: next.key, date: addDays(next.startsOn > today ? next.startsOn : today, 7) }
      : null,
    phase,
  };
}

/**
 * The release manager moves on from a phase that ended with criteria unmet, saying why: recorded
 * with the criteria unmet at that moment, in the decision log and announced in the release
 * channel once; the phase-end messages are edited to show it. One decision per end of a phase.
 */
export function moveOnAfterPhaseEnd(
  deps: Deps,
  input: PhaseEndRef & { userId: string; reason: string },
): PhaseEndReview {
  const { store, clock } = deps;
  const { release, review } = openPhaseEnd(deps, input, input.userId);
  const reason = input.reason.trim();
  if (reason.length < 3)
    throw new UserError('bad_argument', md`Say why you move on: the reason goes into the decision log.`);
  if (reason.length > 1000) throw new UserError('bad_argument', md`Keep the reason under 1,000 characters.`);
  const at = clock.now().toISO() ?? '';
  const decision: PhaseEndDecision = {
    phase: review.phase.key,
    endsOn: review.phase.endsOn,
    decision: 'moved_on',
    reason,
    unmet: review.unmet,
    planRevision: null,
    actor: input.userId,
    at,
  };
  const decided = { ...review, decision };
  store.transaction(() => {
    if (!store.phaseControl.recordEndDecision(release.id, decision)) {
      const earlier = store.phaseControl
        .endDecisions(release.id)
        .find((d) => d.phase === decision.phase && d.endsOn === decision.endsOn);
      throw alreadyDecided(review.phase.name, earlier ?? decision);
    }
    const details = { phase: decision.phase, endsOn: decision.endsOn, unmet: decision.unmet, reason };
    store.audit.record({ at, actor: input.userId, releaseId: release.id, action: 'phase.moved_on', details });
    announceDecision(store, release, { action: 'phase.moved_on', actor: input.userId, at, details });
    editPhaseEndPosts(store, release, decided, at);
  });
  return decided;
}

/**
 * After a re-plan saved from the phase-end message's "Extend" button, inside its transaction: when
 * the phase now ends later, the extension is recorded as the decision about that end and the
 * phase-end messages are edited to show it. The new end gets its own check when it passes.
 */
function recordPhaseExtended(
  deps: Deps,
  input: PhaseEndRef & { userId: string; reason: string; planRevision: number },
): boolean {
  const { store, clock } = deps;
  const release = findRelease(deps, input.version);
  const plan = store.releases.latestPlan(release);
  const phase = plan?.timeline.phases.find((p) => p.key === input.phase);
  if (!plan || !phase || phase.endsOn <= input.endsOn) return false;
  const at = clock.now().toISO() ?? '';
  const ended = { ...phase, endsOn: input.endsOn };
  const review = reviewOf(deps, release, ended);
  if (review.decision) return false;
  const decision: PhaseEndDecision = {
    phase: phase.key,
    endsOn: input.endsOn,
    decision: 'extended',
    reason: input.reason.trim(),
    unmet: review.unmet,
    planRevision: input.planRevision,
    actor: input.userId,
    at,
  };
  if (!store.phaseControl.recordEndDecision(release.id, decision)) return false;
  const details = {
    phase: phase.key,
    endsOn: input.endsOn,
    newEnd: phase.endsOn,
    planRevision: input.planRevision,
  };
  store.audit.record({ at, actor: input.userId, releaseId: release.id, action: 'phase.extended', details });
  editPhaseEndPosts(store, release, { ...review, decision, extendedTo: phase.endsOn }, at);
  return true;
}

/**
 * Saves a re-plan (saveReplan); when it was made from a phase-end message's "Extend" button, in
 * the same transaction the extension is recorded as the decision about that end (see
 * recordPhaseExtended).
 */
export function saveReplanExtending(
  deps: Deps,
  input: ReplanInput & { reason: string; basedOn?: number; phaseEnd?: PhaseEndRef },
  calendar: CalendarEvent[],
): ReplanSaved {
  const { phaseEnd } = input;
  if (!phaseEnd) return saveReplan(deps, input, calendar);
  return deps.store.transaction(() => {
    const saved = saveReplan(deps, input, calendar);
    recordPhaseExtended(deps, {
      ...phaseEnd,
      userId: input.userId,
      reason: saved.reason,
      planRevision: saved.savedRevision,
    });
    return saved;
  });
}
