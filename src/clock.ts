import { DateTime } from 'luxon';

/** The only source of "now" for the domain and the workflows. */
export interface Clock {
  now(): DateTime;
}

/** The machine's clock, in UTC. */
export const systemClock: Clock = { now: () => DateTime.utc() };

/** A clock stopped at one instant: rehearsals, demos (KFRELEASE_NOW) and tests. */
export function fixedClock(iso: string): Clock {
  const at = DateTime.fromISO(iso, { zone: 'utc' });
  if (!at.isValid) throw new Error(`not an ISO timestamp: ${iso}`);
  return { now: () => at };
}

/** A clock tests and the sandbox can move forward. */
export function adjustableClock(
  iso: string,
): Clock & { set(iso: string): void; advance(duration: object): void } {
  let at = DateTime.fromISO(iso, { zone: 'utc' });
  return {
    now: () => at,
    set: (next: string) => {
      at = DateTime.fromISO(next, { zone: 'utc' });
    },
    advance: (duration: object) => {
      at = at.plus(duration);
    },
  };
}

/**
 * Seconds since the epoch from the machine's clock, never frozen: request signatures are checked
 * against real time even when KFRELEASE_NOW freezes the domain clock.
 */
export function wallClockSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
