import type { Timeline } from './timeline';

/** A phase or milestone of a plan, found from what a person typed. */
export interface PlanItem {
  kind: 'phase' | 'milestone';
  key: string;
  name: string;
  /** The milestone's date, or the phase's first day. */
  date: string;
}

/** One date a re-plan changed: a phase's first or last day, or a milestone's date. */
export interface PlanChange {
  kind: 'phase' | 'milestone';
  key: string;
  name: string;
  what: 'starts' | 'ends' | 'due';
  from: string;
  to: string;
}

/** rc1, RC.1, release-branch, Feature-Freeze or an artifact name (v1.10.0-rc.1) to a plan key. */
function normalize(word: string): string {
  return word
    .trim()
    .toLowerCase()
    .replace(/-/g, '_')
    .replace(/^rc_?\.?(\d+)$/, 'rc.$1');
}

/** Finds a milestone (by key or artifact) or a phase (by key or name) of a plan. */
export function findPlanItem(timeline: Timeline, word: string): PlanItem | null {
  const key = normalize(word);
  const milestone = timeline.milestones.find(
    (m) => m.key === key || m.artifact?.toLowerCase() === word.trim().toLowerCase(),
  );
  if (milestone)
    return { kind: 'milestone', key: milestone.key, name: milestone.name, date: milestone.dueOn };
  const phase = timeline.phases.find(
    (p) => p.key === key || p.name.toLowerCase() === word.trim().toLowerCase(),
  );
  if (phase) return { kind: 'phase', key: phase.key, name: phase.name, date: phase.startsOn };
  return null;
}

/** Every word findPlanItem understands, for telling a person what to type. */
export function planItemKeys(timeline: Timeline): string[] {
  return [...timeline.milestones.map((m) => m.key), ...timeline.phases.map((p) => p.key)];
}

/** Release day under a plan: the final release milestone, else the first day of the Release Day phase. */
export function releaseDayOf(timeline: Timeline): string | null {
  return (
    timeline.milestones.find((m) => m.key === 'release')?.dueOn ??
    timeline.phases.find((p) => p.key === 'release_day')?.startsOn ??
    null
  );
}

/** Every date that differs between two plans of a release: phase starts and ends, then milestones. */
export function planChanges(before: Timeline, after: Timeline): PlanChange[] {
  const phases = after.phases.flatMap((p) => {
    const old = before.phases.find((b) => b.key === p.key);
    if (!old) return [];
    const change = (what: 'starts' | 'ends', from: string, to: string): PlanChange[] =>
      from === to ? [] : [{ kind: 'phase', key: p.key, name: p.name, what, from, to }];
    return [...change('starts', old.startsOn, p.startsOn), ...change('ends', old.endsOn, p.endsOn)];
  });
  const milestones = after.milestones.flatMap((m): PlanChange[] => {
    const old = before.milestones.find((b) => b.key === m.key);
    return old && old.dueOn !== m.dueOn
      ? [{ kind: 'milestone', key: m.key, name: m.name, what: 'due', from: old.dueOn, to: m.dueOn }]
      : [];
  });
  return [...phases, ...milestones];
}
