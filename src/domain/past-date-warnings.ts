import { daysUntil, type Timeline } from './timeline';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * What is already past in a timeline about to be created, seen on `today` (a date in the
 * release's zone): a release day already over, or a start date before today with the milestones
 * that fell before it. Empty when the whole plan lies ahead. A person confirms these before the
 * release is created: the usual cause is a mistyped year.
 */
export function pastDateWarnings(timeline: Timeline, today: string): string[] {
  const releaseDay = timeline.milestones.find((m) => m.key === 'release');
  if (releaseDay && releaseDay.dueOn < today) {
    return [
      `Its release day, ${releaseDay.dueOn}, is already over (today is ${today} in ${timeline.zone}): the whole cycle from ${timeline.startDate} is in the past.`,
    ];
  }
  if (timeline.startDate >= today) return [];
  const past = timeline.milestones.filter((m) => m.dueOn < today);
  const latest = past.at(-1);
  const missed = latest
    ? `; ${plural(past.length, 'milestone')} would already be past (the latest, ${latest.name}, was due ${latest.dueOn})`
    : '';
  return [
    `Its start date, ${timeline.startDate}, is ${plural(daysUntil(timeline.startDate, today), 'day')} in the past (today is ${today} in ${timeline.zone})${missed}.`,
  ];
}
