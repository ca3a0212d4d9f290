import { adjustableClock } from '../../src/clock';
import { todayIn } from '../../src/workflows/today-in';

describe("today's date in the release's zone, worked out once a minute", () => {
  it.each([
    ['2026-03-28T22:59:59Z', 'Europe/Berlin', '2026-03-28', '2026-03-28T23:00:00Z', '2026-03-29'],
    ['2026-03-29T21:59:59Z', 'Europe/Berlin', '2026-03-29', '2026-03-29T22:00:00Z', '2026-03-30'],
    ['2026-10-25T22:59:59Z', 'Europe/Berlin', '2026-10-25', '2026-10-25T23:00:00Z', '2026-10-26'],
    ['2026-03-08T07:59:59Z', 'America/Los_Angeles', '2026-03-07', '2026-03-08T08:00:00Z', '2026-03-08'],
    ['2026-11-01T06:59:59Z', 'America/Los_Angeles', '2026-10-31', '2026-11-01T07:00:00Z', '2026-11-01'],
    ['2026-11-02T07:59:59Z', 'America/Los_Angeles', '2026-11-01', '2026-11-02T08:00:00Z', '2026-11-02'],
  ])('at %s in %s it is %s; at %s, %s', (before, zone, dateBefore, after, dateAfter) => {
    const clock = adjustableClock(before);
    expect(todayIn({ clock }, zone)).toBe(dateBefore);
    clock.set(after);
    expect(todayIn({ clock }, zone)).toBe(dateAfter);
    clock.set(before);
    expect(todayIn({ clock }, zone)).toBe(dateBefore);
  });

  it('keeps each zone apart within the same minute', () => {
    const clock = adjustableClock('2026-06-01T05:30:00Z');
    expect(todayIn({ clock }, 'Europe/Berlin')).toBe('2026-06-01');
    expect(todayIn({ clock }, 'America/Los_Angeles')).toBe('2026-05-31');
    expect(todayIn({ clock }, 'Asia/Tokyo')).toBe('2026-06-01');
  });
});
