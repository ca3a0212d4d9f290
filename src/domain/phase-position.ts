import { isSkipped, type PhaseDates, type Timeline } from './timeline';
import type { PhaseKey } from './phases';

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
