import { DateTime } from 'luxon';

/** The only source of "now" for the domain and the workflows. */
export interface Clock {
  now(): DateTime;
  /** The same moment as `now()`, in milliseconds since the epoch, without building a DateTime. */
  millis(): number;
}

/** The machine's clock, in UTC. */
export const systemClock: Clock = { now: () => DateTime.utc(), millis: () => Date.now() };

function instant(iso: string): DateTime {
  const at = DateTime.fromISO(iso, { zone: 'utc' });
  if (!at.isValid) throw new Error(`not an ISO timestamp: ${iso}`);
  return at;
}

/** A clock stopped at one instant: tests. */
export function fixedClock(iso: string): Clock {
  const at = instant(iso);
  const ms = at.toMillis();
  return { now: () => at, millis: () => ms };
}

/**
 * A clock that reads `iso` when it is made and then moves with real time: rehearsals and demos
 * (KFRELEASE_NOW). It must move, or anything due a little later than the start (a retried post,
 * a pending validation) would never come due. `wallMs` is the machine's clock, given for tests.
 */
export function clockStartingAt(iso: string, wallMs: () => number = Date.now): Clock {
  const startMs = instant(iso).toMillis();
  const startedAtMs = wallMs();
  const millis = () => startMs + wallMs() - startedAtMs;
  // fromMillis, not plus(): the same UTC instant at a fraction of the cost, and it is asked often.
  return { now: () => DateTime.fromMillis(millis(), { zone: 'utc' }), millis };
}

/** A clock tests and the sandbox can move forward. */
export function adjustableClock(
  iso: string,
): Clock & { set(iso: string): void; advance(duration: object): void } {
  let at = DateTime.fromISO(iso, { zone: 'utc' });
  return {
    now: () => at,
    millis: () => at.toMillis(),
    set: (next: string) => {
      at = DateTime.fromISO(next, { zone: 'utc' });
    },
    advance: (duration: object) => {
      at = at.plus(duration);
    },
  };
}

/**
 * Seconds since the epoch from the machine's clock, never set: request signatures are checked
 * against real time even when KFRELEASE_NOW sets the domain clock elsewhere.
 */
export function wallClockSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
