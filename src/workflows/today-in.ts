import type { Clock } from '../clock';
import { localDate } from '../domain/timeline';

/** Today's date per zone, with the UTC minute it was worked out for. */
const byZone = new Map<string, { minute: number; date: string }>();

/**
 * Today's date in `zone` (ISO, e.g. 2026-03-30). Placing the clock in a zone costs Luxon an Intl
 * call, and every answer asks, so it is worked out once per zone and minute: a zone's midnight and
 * its offset changes fall on whole minutes, so within one UTC minute the date cannot change.
 */
export function todayIn(deps: { clock: Clock }, zone: string): string {
  const minute = Math.floor(deps.clock.millis() / 60_000);
  const known = byZone.get(zone);
  if (known?.minute === minute) return known.date;
  const date = localDate(deps.clock.now(), zone);
  byZone.set(zone, { minute, date });
  return date;
}
