import { DateTime } from 'luxon';
import type { PhaseKey } from './phases';
import { daysUntil, isSkipped, type PhaseDates, type Timeline } from './timeline';

/** A phase or milestone of a plan, found from what a person typed. */
export interface PlanItem {
  kind: 'phase' | 'milestone';
  key: string;
  name: string;
  /** The milestone's date, or the phase's first day. */
  date: string;
}

/** The outcome of a re-plan: the new plan and how far it moved things (negative: earlier). */
export type Replan =
  { ok: true; timeline: Timeline; days: number; item: PlanItem } | { ok: false; problem: string };

const addDays = (date: string, days: number): string =>
  DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate() ?? date;

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

/**
 * Moves part of a plan by whole calendar days: phase starts from `startsFrom`, phase ends from
 * `endsFrom`, and the milestones `moves` picks. A phase squeezed to nothing is left with no days
 * (it ends the day before it starts, see isSkipped), never fewer, so the phases after it stay in
 * sequence.
 */
function shift(
  timeline: Timeline,
  rule: { startsFrom: string; endsFrom: string; moves: (index: number, dueOn: string) => boolean },
  days: number,
): Timeline {
  const phases = timeline.phases.map((p) => {
    const startsOn = p.startsOn >= rule.startsFrom ? addDays(p.startsOn, days) : p.startsOn;
    const endsOn = p.endsOn >= rule.endsFrom ? addDays(p.endsOn, days) : p.endsOn;
    const dayBefore = addDays(startsOn, -1);
    return { ...p, startsOn, endsOn: endsOn < dayBefore ? dayBefore : endsOn };
  });
  const milestones = timeline.milestones
    .map((m, index) => ({
      index,
      m: rule.moves(index, m.dueOn) ? { ...m, dueOn: addDays(m.dueOn, days) } : m,
    }))
    .sort((a, b) => a.m.dueOn.localeCompare(b.m.dueOn) || a.index - b.index)
    .map(({ m }) => m);
  return { ...timeline, phases, milestones };
}

/**
 * Delays a milestone, or a phase's start, to a later date, and everything after it by the same
 * number of calendar days (not working days: phases are whole weeks, and a shift by calendar days
 * keeps every gap between dates as planned). For a milestone, the phases that contain it end later;
 * for a phase, the phase before it ends later. Refuses a date that is not later, or before today.
 */
export function planDelay(timeline: Timeline, word: string, newDate: string, today: string): Replan {
  const item = findPlanItem(timeline, word);
  if (!item) {
    return {
      ok: false,
      problem: `"${word}" is not a milestone or phase of this plan. Use one of: ${planItemKeys(timeline).join(', ')}.`,
    };
  }
  const days = daysUntil(item.date, newDate);
  if (days <= 0) {
    return {
      ok: false,
      problem: `${item.name} is planned for ${item.date}; ${newDate} is not later. To move on earlier, the release manager uses \`/kfrelease phase advance\`.`,
    };
  }
  if (newDate < today) return { ok: false, problem: `${newDate} is in the past; today is ${today}.` };
  if (item.kind === 'phase') {
    const rule = {
      startsFrom: item.date,
      endsFrom: addDays(item.date, -1),
      moves: (_i: number, d: string) => d >= item.date,
    };
    return { ok: true, timeline: shift(timeline, rule, days), days, item };
  }
  const at = timeline.milestones.findIndex((m) => m.key === item.key);
  const rule = {
    startsFrom: addDays(item.date, 1),
    endsFrom: item.date,
    moves: (index: number, dueOn: string) => index >= at || dueOn > item.date,
  };
  return { ok: true, timeline: shift(timeline, rule, days), days, item };
}

/**
 * The re-plan of moving on early: the phase `phaseKey` starts `today` instead of its planned first
 * day, and every later phase and milestone comes the same number of days earlier; the phase before
 * it ends yesterday. Dates before the phase's planned start stay.
 */
export function planAdvance(timeline: Timeline, phaseKey: string, today: string): Replan {
  const phase = timeline.phases.find((p) => p.key === phaseKey);
  if (!phase) return { ok: false, problem: `This plan has no phase ${phaseKey}.` };
  const days = daysUntil(phase.startsOn, today);
  const item: PlanItem = { kind: 'phase', key: phase.key, name: phase.name, date: phase.startsOn };
  if (days >= 0) return { ok: true, timeline, days: 0, item };
  const rule = {
    startsFrom: phase.startsOn,
    endsFrom: addDays(phase.startsOn, -1),
    moves: (_i: number, d: string) => d >= phase.startsOn,
  };
  return { ok: true, timeline: shift(timeline, rule, days), days, item };
}

/** Where a release stands in its sequence of phases. */
export interface PhasePosition {
  /** The last phase of the main sequence that has started; the first one before any has. */
  current: PhaseDates;
  started: boolean;
  next: PhaseDates | null;
  /** Phases running alongside the main sequence (Documentation beside Feature Freeze) that are open. */
  alongside: PhaseDates[];
  /** What moving on now closes: the current phase and the phases alongside that end before the next. */
  closing: PhaseDates[];
}

/** Which phases follow one another and which run alongside them, by key, in order. */
export interface PhaseSequence {
  main: PhaseKey[];
  alongside: PhaseKey[];
}

/**
 * Splits a plan's phases into the main sequence, one after the other, and the phases that run
 * alongside it: a phase that starts before the previous main phase ends (Documentation starts with
 * Feature Freeze) runs alongside. Read it from the first plan, laid out from the template in whole
 * weeks: later plans can squeeze phases to a day or to nothing, which blurs the difference.
 */
export function phaseSequence(firstPlan: Timeline): PhaseSequence {
  const sorted = firstPlan.phases
    .map((phase, order) => ({ phase, order }))
    .sort(
      (a, b) =>
        a.phase.startsOn.localeCompare(b.phase.startsOn) ||
        a.phase.endsOn.localeCompare(b.phase.endsOn) ||
        a.order - b.order,
    )
    .map(({ phase }) => phase);
  const main: PhaseDates[] = [];
  const alongside: PhaseDates[] = [];
  for (const phase of sorted) {
    const last = main[main.length - 1];
    if (!last || phase.startsOn > last.endsOn) main.push(phase);
    else alongside.push(phase);
  }
  return { main: main.map((p) => p.key), alongside: alongside.map((p) => p.key) };
}

/**
 * The phase a release is in on a date under its plan, what comes next and what runs alongside.
 * `sequence` comes from the release's first plan (see phaseSequence).
 */
export function phasePosition(
  timeline: Timeline,
  today: string,
  sequence: PhaseSequence = phaseSequence(timeline),
): PhasePosition {
  const byKey = new Map(timeline.phases.map((p) => [p.key, p]));
  const pick = (keys: PhaseKey[]) => keys.flatMap((key) => byKey.get(key) ?? []);
  const main = pick(sequence.main);
  const alongside = pick(sequence.alongside);
  const first = main[0];
  if (!first) throw new Error('a plan without phases');
  const startedIndex = main.reduce((found, phase, i) => (phase.startsOn <= today ? i : found), -1);
  const index = Math.max(startedIndex, 0);
  const current = main[index] ?? first;
  const next = main[index + 1] ?? null;
  const open = alongside.filter((a) => !isSkipped(a) && a.startsOn <= today && a.endsOn >= current.startsOn);
  const closing = [
    current,
    ...alongside.filter(
      (a) => !isSkipped(a) && a.endsOn >= current.startsOn && (next === null || a.endsOn < next.startsOn),
    ),
  ];
  return { current, started: startedIndex >= 0, next, alongside: open, closing };
}
