import { adjustableClock, clockStartingAt, fixedClock, systemClock } from '../../src/clock';

const START = '2026-05-11T09:00:00Z';

describe('clockStartingAt (KFRELEASE_NOW)', () => {
  it.each([
    [0, '2026-05-11T09:00:00.000Z'],
    [1, '2026-05-11T09:00:00.001Z'],
    [5_000, '2026-05-11T09:00:05.000Z'],
    [10 * 60_000, '2026-05-11T09:10:00.000Z'],
    [26 * 3_600_000, '2026-05-12T11:00:00.000Z'],
  ])('%i ms of real time after the start reads %s', (elapsedMs, expected) => {
    let wallMs = 1_700_000_000_000;
    const clock = clockStartingAt(START, () => wallMs);
    wallMs += elapsedMs;
    expect(clock.now().toISO()).toBe(expected);
    expect(clock.millis()).toBe(Date.parse(expected));
  });

  it('moves with the real time (was: frozen, so a retry due at start + 5 s never came due)', async () => {
    const clock = clockStartingAt(START);
    const first = clock.now();
    await new Promise((resolve) => setTimeout(resolve, 25));
    const later = clock.now();
    expect(first.toMillis()).toBeGreaterThanOrEqual(Date.parse(START));
    expect(first.toMillis() - Date.parse(START)).toBeLessThan(1_000);
    expect(later.toMillis() - first.toMillis()).toBeGreaterThanOrEqual(20);
    expect(later.zoneName).toBe('UTC');
  });

  it('starts at a timestamp given with an offset, in UTC', () => {
    const clock = clockStartingAt('2026-05-11T11:00:00+02:00', () => 0);
    expect(clock.now().toISO()).toBe('2026-05-11T09:00:00.000Z');
  });

  it('refuses what is not an ISO timestamp, naming it', () => {
    expect(() => clockStartingAt('yesterday')).toThrow('not an ISO timestamp: yesterday');
  });
});

describe('fixedClock (tests)', () => {
  it('stays where it was set', async () => {
    const clock = fixedClock(START);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(clock.now().toISO()).toBe('2026-05-11T09:00:00.000Z');
    expect(clock.millis()).toBe(Date.parse(START));
  });
});

describe('millis(): the moment now() gives, as a number', () => {
  it('of an adjustable clock, after it is set and moved', () => {
    const clock = adjustableClock(START);
    clock.set('2026-06-01T12:00:00Z');
    clock.advance({ minutes: 3 });
    expect(clock.millis()).toBe(Date.parse('2026-06-01T12:03:00Z'));
    expect(clock.millis()).toBe(clock.now().toMillis());
  });

  it("of the machine's clock", () => {
    const before = Date.now();
    const millis = systemClock.millis();
    expect(millis).toBeGreaterThanOrEqual(before);
    expect(millis).toBeLessThanOrEqual(systemClock.now().toMillis());
  });
});
