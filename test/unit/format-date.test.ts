import { DateTime } from 'luxon';
import { formatDate } from '../../src/slack/blocks/format';

describe('formatDate', () => {
  it.each([
    // The days Europe/Berlin and America/Los_Angeles switch clocks, and the days around them.
    ['2026-03-07', 'Sat 7 Mar 2026'],
    ['2026-03-08', 'Sun 8 Mar 2026'],
    ['2026-03-09', 'Mon 9 Mar 2026'],
    ['2026-03-29', 'Sun 29 Mar 2026'],
    ['2026-03-30', 'Mon 30 Mar 2026'],
    ['2026-10-25', 'Sun 25 Oct 2026'],
    ['2026-11-01', 'Sun 1 Nov 2026'],
    ['2026-11-02', 'Mon 2 Nov 2026'],
    ['2028-02-29', 'Tue 29 Feb 2028'],
    ['2026-12-31', 'Thu 31 Dec 2026'],
  ])('%s is %s', (date, shown) => {
    expect(formatDate(date)).toBe(shown);
  });

  it('says what Luxon says for every day from 2024 to 2030, and for what is not a date', () => {
    const luxon = (date: string) => DateTime.fromISO(date).toFormat('ccc d LLL yyyy');
    const days: string[] = ['2026-02-30', '2026-13-01', 'not a date', '2026-3-1'];
    for (let at = DateTime.utc(2024, 1, 1); at.year < 2031; at = at.plus({ days: 1 }))
      days.push(at.toISODate()!);
    expect(days.map(formatDate)).toEqual(days.map(luxon));
  });
});
