import { DateTime } from 'luxon';
import {
  DEFAULT_REMINDER_SETTINGS,
  deadlineEnd,
  deadlinesOf,
  escalationMoment,
  inQuietHours,
  outOfQuietHours,
  parseOffsets,
  reminderMoment,
  type Deadline,
} from '../../src/domain/reminders';
import type { Timeline } from '../../src/domain/timeline';

const BERLIN = 'Europe/Berlin';
const at = (iso: string) => DateTime.fromISO(iso, { setZone: true });
const local = (m: DateTime, zone = BERLIN) => m.setZone(zone).toFormat("ccc yyyy-MM-dd'T'HH:mm");

describe('parseOffsets', () => {
  it.each([
    ['7d,1d,0d', ['7d', '1d', '0d']],
    ['0d 12h 7d', ['7d', '12h', '0d']],
    ['1d,1d', ['1d']],
    ['2h', ['2h']],
  ])('%s', (text, expected) => {
    const parsed = parseOffsets(text);
    expect(parsed.ok && parsed.offsets.map((o) => `${o.amount}${o.unit}`)).toEqual(expected);
  });

  it.each([
    ['7', /"7" is not an offset/],
    ['1w', /"1w" is not an offset/],
    ['61d', /"61d"/],
    ['24h', /"24h"/],
    ['', /one to six/],
    ['1d,2d,3d,4d,5d,6d,7d', /one to six/],
  ])('refuses %p', (text, problem) => {
    const parsed = parseOffsets(text);
    expect(!parsed.ok && parsed.problem).toMatch(problem);
  });
});

describe('quiet hours (20:00-08:00 by default, in the release zone)', () => {
  it.each([
    ['2026-05-11T19:59:00+02:00', false, '2026-05-11T19:59'],
    ['2026-05-11T20:00:00+02:00', true, '2026-05-12T08:00'],
    ['2026-05-11T23:30:00+02:00', true, '2026-05-12T08:00'],
    ['2026-05-12T03:00:00+02:00', true, '2026-05-12T08:00'],
    ['2026-05-12T08:00:00+02:00', false, '2026-05-12T08:00'],
    // The night the clocks spring forward still ends at 08:00 local.
    ['2026-03-29T01:00:00+01:00', true, '2026-03-29T08:00'],
  ])('%s quiet: %s, sent at %s', (iso, quiet, sent) => {
    expect(inQuietHours(at(iso), DEFAULT_REMINDER_SETTINGS, BERLIN)).toBe(quiet);
    expect(local(outOfQuietHours(at(iso), DEFAULT_REMINDER_SETTINGS, BERLIN)).slice(4)).toBe(sent);
  });

  it.each([
    ['12:00', '14:00', '2026-05-11T13:00:00+02:00', true, '2026-05-11T14:00'],
    ['12:00', '14:00', '2026-05-11T14:00:00+02:00', false, '2026-05-11T14:00'],
    ['09:00', '09:00', '2026-05-11T09:00:00+02:00', false, '2026-05-11T09:00'],
  ])('a daytime window %s-%s', (quietStart, quietEnd, iso, quiet, sent) => {
    const settings = { quietStart, quietEnd };
    expect(inQuietHours(at(iso), settings, BERLIN)).toBe(quiet);
    expect(local(outOfQuietHours(at(iso), settings, BERLIN)).slice(4)).toBe(sent);
  });
});

describe('reminder moments', () => {
  const deadline: Deadline = {
    key: 'rc.1',
    name: 'rc.1',
    dueOn: '2026-05-22',
    owner: 'Manifests WG',
    artifact: 'v1.10.0-rc.1',
    optional: false,
  };
  const settings = { ...DEFAULT_REMINDER_SETTINGS };

  it.each([
    [{ amount: 7, unit: 'd' as const }, settings, 'Fri 2026-05-15T09:00'],
    [{ amount: 1, unit: 'd' as const }, settings, 'Thu 2026-05-21T09:00'],
    [{ amount: 0, unit: 'd' as const }, settings, 'Fri 2026-05-22T09:00'],
    [{ amount: 12, unit: 'h' as const }, settings, 'Fri 2026-05-22T12:00'],
    // 2 hours before midnight is inside the quiet hours: sent at their end, after the deadline.
    [{ amount: 2, unit: 'h' as const }, settings, 'Sat 2026-05-23T08:00'],
    // A send time inside the quiet hours waits for their end.
    [{ amount: 1, unit: 'd' as const }, { ...settings, sendTime: '06:30' }, 'Thu 2026-05-21T08:00'],
  ])('%o', (offset, s, expected) => {
    expect(local(reminderMoment(deadline, offset, s, BERLIN))).toBe(expected);
  });

  it('escalates the morning after, and the deadline ends at local midnight', () => {
    expect(local(escalationMoment(deadline, settings, BERLIN))).toBe('Sat 2026-05-23T09:00');
    expect(deadlineEnd('2026-05-22', BERLIN).toUTC().toISO()).toBe('2026-05-22T22:00:00.000Z');
  });

  it('keeps reminders at 09:00 local across a daylight-saving change', () => {
    const march: Deadline = { ...deadline, dueOn: '2026-03-30' };
    const week = reminderMoment(march, { amount: 7, unit: 'd' }, settings, BERLIN);
    const day = reminderMoment(march, { amount: 1, unit: 'd' }, settings, BERLIN);
    expect([week.toUTC().toISO(), day.toUTC().toISO()]).toEqual([
      '2026-03-23T08:00:00.000Z',
      '2026-03-29T07:00:00.000Z',
    ]);
  });
});

describe('deadlinesOf', () => {
  it('adds the git revisions, due on the first day of Feature Freeze, to the milestones', () => {
    const timeline: Timeline = {
      startDate: '2026-03-02',
      zone: BERLIN,
      phases: [
        { key: 'feature_freeze', name: 'Feature Freeze', startsOn: '2026-05-11', endsOn: '2026-05-24' },
      ],
      milestones: [
        {
          key: 'rc.1',
          name: 'rc.1',
          phase: 'feature_freeze',
          dueOn: '2026-05-22',
          optional: false,
          owner: 'Manifests WG',
          artifact: 'v1.10.0-rc.1',
        },
        {
          key: 'rc.0',
          name: 'rc.0',
          phase: 'feature_freeze',
          dueOn: '2026-05-11',
          optional: false,
          owner: 'Manifests WG',
          artifact: 'v1.10.0-rc.0',
        },
      ],
    };
    expect(deadlinesOf(timeline).map((d) => `${d.dueOn} ${d.key} ${d.owner}`)).toEqual([
      '2026-05-11 revisions Working groups',
      '2026-05-11 rc.0 Manifests WG',
      '2026-05-22 rc.1 Manifests WG',
    ]);
  });
});
