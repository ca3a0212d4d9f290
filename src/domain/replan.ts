import { DateTime } from 'luxon';
import type { PhaseKey } from './phases';
import { phaseSequence, type PhaseSequence } from './phase-position';
import { findPlanItem, planChanges, planItemKeys, type PlanChange, type PlanItem } from './plan-items';
import { daysUntil, isSkipped, type PhaseDates, type Timeline } from './timeline';

/** The outcome of a re-plan: the new plan, how far the item moved (negative: earlier) and every changed date. */
export type Replan =
  | { ok: true; timeline: Timeline; days: number; item: PlanItem; changes: PlanChange[] }
  | { ok: false; problem: string };

/** How planMove moves a date. */
export interface MoveOptions {
  /** True: everything after the item moves by the same calendar days. False: only the item moves. */
  moveLater: boolean;
  /** The release's today, YYYY-MM-DD: a date before it is refused. */
  today: string;
  /** The main sequence, read from the first plan (see phaseSequence); by default from `timeline`. */
  sequence?: PhaseSequence;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const addDays = (date: string, days: number): string =>
  DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate() ?? date;

const unknownItem = (timeline: Timeline, word: string): Replan => ({
  ok: false,
  problem: `"${word}" is not a milestone or phase of this plan. Use one of: ${planItemKeys(timeline).join(', ')}.`,
});

/** Milestones by date, then in the order they had (the template's order on the same day). */
const byDate = (milestones: Timeline['milestones']): Timeline['milestones'] =>
  milestones
    .map((m, index) => ({ m, index }))
    .sort((a, b) => a.m.dueOn.localeCompare(b.m.dueOn) || a.index - b.index)
    .map(({ m }) => m);

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
  const milestones = byDate(
    timeline.milestones.map((m, index) =>
      rule.moves(index, m.dueOn) ? { ...m, dueOn: addDays(m.dueOn, days) } : m,
    ),
  );
  return { ...timeline, phases, milestones };
}

/**
 * The item and everything after it, by the same calendar days (not working days: phases are whole
 * weeks, and a shift by calendar days keeps every gap between dates as planned). For a phase, the
 * phase before it ends the day before; for a milestone, the phases containing it end as far later
 * (or earlier), and the milestones after it, or after it on the same day, move too.
 */
function shiftWithLater(timeline: Timeline, item: PlanItem, days: number): Timeline {
  if (item.kind === 'phase') {
    const rule = {
      startsFrom: item.date,
      endsFrom: addDays(item.date, -1),
      moves: (_i: number, d: string) => d >= item.date,
    };
    return shift(timeline, rule, days);
  }
  const at = timeline.milestones.findIndex((m) => m.key === item.key);
  const rule = {
    startsFrom: addDays(item.date, 1),
    endsFrom: item.date,
    moves: (index: number, dueOn: string) => index >= at || dueOn > item.date,
  };
  return shift(timeline, rule, days);
}

/**
 * Phase `key` stretched to contain `date` when it does not: it starts or ends there, and the
 * phase next to it in the main sequence gives up those days.
 */
function stretchTo(phases: PhaseDates[], key: string, date: string, main: PhaseKey[]): PhaseDates[] {
  const phase = phases.find((p) => p.key === key);
  if (!phase || (phase.startsOn <= date && date <= phase.endsOn)) return phases;
  const later = date > phase.endsOn;
  const at = main.indexOf(phase.key);
  const neighbour = at < 0 ? undefined : main[later ? at + 1 : at - 1];
  return phases.map((p) => {
    if (p.key === phase.key) return later ? { ...p, endsOn: date } : { ...p, startsOn: date };
    if (p.key !== neighbour) return p;
    if (later) return p.startsOn <= date ? { ...p, startsOn: addDays(date, 1) } : p;
    return p.endsOn >= date ? { ...p, endsOn: addDays(date, -1) } : p;
  });
}

/** One move to make: the item, its new date, whether the later dates come along, the main sequence. */
interface Move {
  timeline: Timeline;
  item: PlanItem;
  newDate: string;
  moveLater: boolean;
  main: PhaseKey[];
}

function moveMilestone({ timeline, item, newDate, moveLater, main }: Move): Timeline {
  const alone = () => timeline.milestones.map((m) => (m.key === item.key ? { ...m, dueOn: newDate } : m));
  const moved = moveLater
    ? shiftWithLater(timeline, item, daysUntil(item.date, newDate))
    : { ...timeline, milestones: byDate(alone()) };
  const phaseKey = timeline.milestones.find((m) => m.key === item.key)?.phase;
  const home = timeline.phases.find((p) => p.key === phaseKey);
  // A phase the release manager moved past stays skipped: its milestones are simply off it.
  if (!home || isSkipped(home)) return moved;
  return { ...moved, phases: stretchTo(moved.phases, home.key, newDate, main) };
}

function movePhase({ timeline, item, newDate, moveLater, main }: Move): Timeline {
  if (moveLater) return shiftWithLater(timeline, item, daysUntil(item.date, newDate));
  const at = main.indexOf(item.key as PhaseKey);
  const before = at > 0 ? main[at - 1] : undefined;
  const phases = timeline.phases.map((p) => {
    if (p.key === item.key) return { ...p, startsOn: newDate };
    return p.key === before ? { ...p, endsOn: addDays(newDate, -1) } : p;
  });
  return { ...timeline, phases };
}

/** What is wrong with a date for an item, before anything moves; null when nothing is. */
function dateProblem({ timeline, item, newDate, moveLater, main }: Move, today: string): string | null {
  if (!ISO_DATE.test(newDate) || !DateTime.fromISO(newDate, { zone: 'UTC' }).isValid)
    return `"${newDate}" is not a date; write it as YYYY-MM-DD.`;
  if (newDate === item.date) return `${item.name} is already planned for ${newDate}; pick another date.`;
  if (newDate < today) return `${newDate} is in the past; today is ${today}.`;
  const first = timeline.phases.find((p) => p.key === main[0]);
  if (first && newDate < first.startsOn)
    return `${newDate} is before the cycle starts (${first.name}, ${first.startsOn}).`;
  const phase = item.kind === 'phase' ? timeline.phases.find((p) => p.key === item.key) : undefined;
  if (phase && !moveLater && newDate > phase.endsOn)
    return `${item.name} ends on ${phase.endsOn}: starting it on ${newDate} alone leaves it no days. Pick an earlier date, or move the later dates with it.`;
  return null;
}

/** Where the main sequence is out of order: a phase that ends before it starts, or starts too soon. */
function orderProblems(timeline: Timeline, main: PhaseKey[]): { key: string; text: string }[] {
  const byKey = new Map(timeline.phases.map((p) => [p.key, p]));
  const phases = main.flatMap((key) => byKey.get(key) ?? []);
  return phases.flatMap((p, i) => {
    const prev = phases[i - 1];
    const [kind, text] =
      p.endsOn < addDays(p.startsOn, -1)
        ? ['ends', `${p.name} would end on ${p.endsOn}, before it starts on ${p.startsOn}.`]
        : prev && p.startsOn < prev.startsOn
          ? [
              'starts',
              `${p.name} would start on ${p.startsOn}, before ${prev.name} starts on ${prev.startsOn}.`,
            ]
          : prev && p.startsOn <= prev.endsOn
            ? [
                'overlaps',
                `${p.name} would start on ${p.startsOn}, before ${prev.name} ends on ${prev.endsOn}.`,
              ]
            : [];
    return kind && text ? [{ key: `${p.key}:${kind}`, text }] : [];
  });
}

/** A moved milestone may not pass one planned before or after it (rc.1 before rc.0, say). */
function milestoneOrderProblem(before: Timeline, after: Timeline, item: PlanItem, newDate: string) {
  const at = before.milestones.findIndex((m) => m.key === item.key);
  const dueOn = new Map(after.milestones.map((m) => [m.key, m.dueOn]));
  for (const [i, m] of before.milestones.entries()) {
    const now = dueOn.get(m.key) ?? m.dueOn;
    if (i < at && now > newDate)
      return `${item.name} on ${newDate} would come before ${m.name} (${now}). Pick a date on or after ${now}, or move ${m.name} first.`;
    if (i > at && now < newDate)
      return `${item.name} on ${newDate} would come after ${m.name} (${now}). Pick a date on or before ${now}, or move the later dates with it.`;
  }
  return null;
}

/**
 * Re-plans one milestone or phase start to a new date, earlier or later. Alone, a milestone changes
 * only its date (the phase containing it stretches to keep containing it, the next or previous
 * phase of the main sequence giving up the days), and a phase start only its own and the end of the
 * phase before it in the main sequence. With `moveLater`, the item and everything after it move by
 * the same calendar days; a phase squeezed to nothing is left skipped. Refuses a date that is not
 * one, the same date, one in the past or before the cycle's first day, and any move that puts the
 * main sequence of phases, or the moved milestone among the others, out of order.
 */
export function planMove(timeline: Timeline, word: string, newDate: string, options: MoveOptions): Replan {
  const item = findPlanItem(timeline, word);
  if (!item) return unknownItem(timeline, word);
  const main = (options.sequence ?? phaseSequence(timeline)).main;
  const move: Move = { timeline, item, newDate, moveLater: options.moveLater, main };
  const problem = dateProblem(move, options.today);
  if (problem) return { ok: false, problem };
  const days = daysUntil(item.date, newDate);
  const moved = item.kind === 'milestone' ? moveMilestone(move) : movePhase(move);
  const known = new Set(orderProblems(timeline, main).map((p) => p.key));
  const broken = orderProblems(moved, main).find((p) => !known.has(p.key));
  if (broken) {
    const or = !options.moveLater && days > 0 ? ', or move the later dates with it' : '';
    return { ok: false, problem: `${broken.text} The phases must stay in order: pick another date${or}.` };
  }
  const passed = item.kind === 'milestone' ? milestoneOrderProblem(timeline, moved, item, newDate) : null;
  if (passed) return { ok: false, problem: passed };
  return { ok: true, timeline: moved, days, item, changes: planChanges(timeline, moved) };
}

/**
 * Delays a milestone, or a phase's start, to a later date, and everything after it by the same
 * number of calendar days (planMove with moveLater). For a milestone, the phases that contain it
 * end later; for a phase, the phase before it ends later. Refuses a date that is not later, or
 * before today.
 */
export function planDelay(
  timeline: Timeline,
  word: string,
  newDate: string,
  today: string,
  sequence?: PhaseSequence,
): Replan {
  const item = findPlanItem(timeline, word);
  if (!item) return unknownItem(timeline, word);
  if (daysUntil(item.date, newDate) <= 0) {
    return {
      ok: false,
      problem: `${item.name} is planned for ${item.date}; ${newDate} is not later. To move it earlier, use \`/kfrelease replan\`.`,
    };
  }
  if (newDate < today) return { ok: false, problem: `${newDate} is in the past; today is ${today}.` };
  return planMove(timeline, word, newDate, { moveLater: true, today, ...(sequence ? { sequence } : {}) });
}

/**
 * The re-plan of moving on early: the phase `phaseKey` starts `today` instead of its planned first
 * day and the phase before it ends yesterday (planMove). The later dates stay where they are, so
 * release day does not move, unless `moveLater` asks for every later phase and milestone to come
 * the same number of days earlier. A phase due anyway changes nothing.
 */
export function planAdvance(
  timeline: Timeline,
  phaseKey: string,
  today: string,
  options: { moveLater?: boolean; sequence?: PhaseSequence } = {},
): Replan {
  const phase = timeline.phases.find((p) => p.key === phaseKey);
  if (!phase) return { ok: false, problem: `This plan has no phase ${phaseKey}.` };
  const item: PlanItem = { kind: 'phase', key: phase.key, name: phase.name, date: phase.startsOn };
  if (daysUntil(phase.startsOn, today) >= 0) return { ok: true, timeline, days: 0, item, changes: [] };
  const { moveLater = false, sequence } = options;
  return planMove(timeline, phase.key, today, { moveLater, today, ...(sequence ? { sequence } : {}) });
}
