import { daysUntil, timelineSlip, type Timeline } from './timeline';

/** One retrospective note, tagged with the phase the release was in when it was written. */
export interface RetroNote {
  phase: string;
  note: string;
  author: string;
  at: string;
}

/** A working group's first revision against the first day of Feature Freeze. */
export interface LateRevision {
  wg: string;
  /** The date (in the release's zone) of its first submission; null when it never submitted. */
  firstSubmittedOn: string | null;
  /** Days after the first day of Feature Freeze; null when it never submitted. */
  daysLate: number | null;
}

/** An issue that blocked the release, and how old it was on release day. */
export interface BlockerAge {
  ref: string;
  openedOn: string;
  closedOn: string | null;
  /** Days from opening to closing, or to release day when still open then. */
  ageDays: number;
  openAtRelease: boolean;
}

/** The cycle in numbers, for the retrospective. */
export interface RetroFigures {
  releaseOn: string | null;
  plans: number;
  milestoneSlips: { key: string; name: string; firstDate: string; finalDate: string; slipDays: number }[];
  freezeStartsOn: string | null;
  /** Working groups whose first revision came after the first day of Feature Freeze, or never. */
  lateRevisions: LateRevision[];
  /** Null while kfrelease does not track blocking issues. */
  blockers: BlockerAge[] | null;
  rcs:
    { source: 'tags'; count: number; names: string[] } | { source: 'plan'; count: number; optional: number };
}

/** Revisions are due on the first day of Feature Freeze: every working group that gave its first later, or never. */
export function lateRevisions(
  freezeStartsOn: string,
  firstSubmissions: { wg: string; submittedOn: string }[],
  workingGroups: string[],
): LateRevision[] {
  const firstOf = new Map<string, string>();
  for (const s of firstSubmissions) {
    const known = firstOf.get(s.wg);
    if (!known || s.submittedOn < known) firstOf.set(s.wg, s.submittedOn);
  }
  return workingGroups
    .map((wg) => {
      const on = firstOf.get(wg) ?? null;
      return { wg, firstSubmittedOn: on, daysLate: on === null ? null : daysUntil(freezeStartsOn, on) };
    })
    .filter((r) => r.daysLate === null || r.daysLate > 0);
}

/** How old each blocking issue was when the release shipped: opened to closed, or to release day. */
export function blockerAges(
  releaseOn: string,
  blockers: { ref: string; openedOn: string; closedOn: string | null }[],
): BlockerAge[] {
  return blockers
    .filter((b) => b.openedOn <= releaseOn)
    .map((b) => {
      const openAtRelease = b.closedOn === null || b.closedOn > releaseOn;
      const end = openAtRelease ? releaseOn : (b.closedOn ?? releaseOn);
      return { ...b, ageDays: daysUntil(b.openedOn, end), openAtRelease };
    })
    .sort((a, b) => b.ageDays - a.ageDays);
}

/** RC milestones of a plan: how many, and how many of them optional. */
export function plannedRcs(timeline: Timeline): { count: number; optional: number } {
  const rcs = timeline.milestones.filter((m) => m.key.startsWith('rc.'));
  return { count: rcs.length, optional: rcs.filter((m) => m.optional).length };
}

/** Each milestone's final date against the first plan. */
export function milestoneSlips(first: Timeline, final: Timeline): RetroFigures['milestoneSlips'] {
  const names = new Map<string, string>(final.milestones.map((m) => [m.key, m.name]));
  return timelineSlip(first, final)
    .filter((s) => s.kind === 'milestone')
    .map((s) => ({
      key: s.key,
      name: names.get(s.key) ?? s.key,
      firstDate: s.firstDate,
      finalDate: s.currentDate,
      slipDays: s.slipDays,
    }));
}

/**
 * The notes grouped by phase in the order of the cycle; notes tagged with a phase the template
 * does not have come last, under their own key.
 */
export function notesByPhase(
  notes: RetroNote[],
  phases: { key: string; name: string }[],
): { phase: string; name: string; notes: RetroNote[] }[] {
  const known = phases.map((p) => ({
    phase: p.key,
    name: p.name,
    notes: notes.filter((n) => n.phase === p.key),
  }));
  const others = [...new Set(notes.map((n) => n.phase))]
    .filter((key) => !phases.some((p) => p.key === key))
    .map((key) => ({ phase: key, name: key, notes: notes.filter((n) => n.phase === key) }));
  return [...known, ...others].filter((group) => group.notes.length > 0);
}
