import type { Clock } from '../clock';
import type { Store } from '../db/store';
import { localDate } from '../domain/timeline';

/**
 * Today's date in `zone` (ISO, e.g. 2026-03-30). Inside one answer (readOnce) the clock is read
 * and placed in the zone once, however many parts of the answer ask.
 */
export function todayIn(deps: { store: Store; clock: Clock }, zone: string): string {
  return deps.store.remember(`today:${zone}`, () => localDate(deps.clock.now(), zone));
}
