import { DateTime } from 'luxon';
import type { ReleaseTemplate } from '../../src/domain/release-template';
import {
  computeTimeline,
  cycleWeek,
  daysUntil,
  isValidTimeZone,
  localDate,
  localDateOfInstant,
  nextMilestone,
  phasesOn,
  timelineSlip,
  validateStartDate,
  type Timeline,
} from '../../src/domain/timeline';
import { parseVersion, type ParsedVersion } from '../../src/domain/version';
import { loadTemplates, TEMPLATES_DIR } from '../../src/templates/load-templates';

const templates = loadTemplates(TEMPLATES_DIR);

function template(key: string): ReleaseTemplate {
  const found = templates.get(key);
  if (!found) throw new Error(`no template ${key}`);
  return found;
}

function version(input: string): ParsedVersion {
  const result = parseVersion(input);
  if (!result.ok) throw new Error(result.error);
  return result.version;
}

function handbook(startDate: string, zone = 'Europe/Berlin'): Timeline {
  return computeTimeline({
    template: template('handbook-17w'),
    version: version('v1.10.0'),
    startDate,
    zone,
  });
}

const weekdayOf = (date: string): number => DateTime.fromISO(date, { zone: 'UTC' }).weekday;
const mondayOfWeek = (startDate: string, week: number): string =>
  DateTime.fromISO(startDate, { zone: 'UTC' })
    .plus({ weeks: week - 1 })
    .toISODate() ?? '';

/** The handbook's Timeline table, as the phases running in each week. */
const HANDBOOK_WEEKS: [number, string[]][] = [
  [-3, ['preparation']],
  [0, ['preparation']],
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((week): [number, string[]] => [week, ['development']]),
  [11, ['documentation', 'feature_freeze']],
  [12, ['documentation', 'feature_freeze']],
  [13, ['documentation', 'manifests_testing']],
  [14, ['distribution_testing', 'documentation']],
  [15, ['distribution_testing', 'documentation']],
  [16, ['distribution_testing', 'documentation']],
  [17, ['release_day']],
  [18, ['post_release']],
  [21, ['post_release']],
  [22, []],
];

describe.each(['2026-01-05', '2026-03-02', '2026-10-19'])('handbook template started on %s', (startDate) => {
  const timeline = handbook(startDate);

  it.each(HANDBOOK_WEEKS)('week %i runs %j', (week, phases) => {
    const monday = mondayOfWeek(startDate, week);
    const sunday = DateTime.fromISO(monday).plus({ days: 6 }).toISODate() ?? '';
    expect(cycleWeek(startDate, monday)).toBe(week);
    expect(
      phasesOn(timeline, monday)
        .map((p) => p.key)
        .sort(),
    ).toEqual(phases);
    expect(
      phasesOn(timeline, sunday)
        .map((p) => p.key)
        .sort(),
    ).toEqual(phases);
  });

  it('starts every phase on a Monday and ends it on a Sunday', () => {
    for (const phase of timeline.phases) {
      expect([phase.key, weekdayOf(phase.startsOn), weekdayOf(phase.endsOn)]).toEqual([phase.key, 1, 7]);
    }
  });
});

describe('handbook milestones for v1.10.0 started on 2026-03-02', () => {
  it('dates each milestone and names its branch or tag', () => {
    expect(
      handbook('2026-03-02').milestones.map((m) => [m.key, m.dueOn, m.artifact, m.optional, m.owner]),
    ).toEqual([
      ['release_branch', '2026-05-11', 'v1.10-branch', false, 'Manifests WG'],
      ['rc.0', '2026-05-11', 'v1.10.0-rc.0', false, 'Manifests WG'],
      ['rc.1', '2026-05-22', 'v1.10.0-rc.1', false, 'Manifests WG'],
      ['rc.2', '2026-05-29', 'v1.10.0-rc.2', false, 'Manifests WG'],
      ['rc.3', '2026-06-12', 'v1.10.0-rc.3', true, 'Manifests WG'],
      ['release', '2026-06-22', 'v1.10.0', false, 'Release Team'],
    ]);
  });

  it('places the phases', () => {
    const timeline = handbook('2026-03-02');
    expect(timeline.phases.map((p) => [p.key, p.startsOn, p.endsOn])).toEqual([
      ['preparation', '2026-02-02', '2026-03-01'],
      ['development', '2026-03-02', '2026-05-10'],
      ['feature_freeze', '2026-05-11', '2026-05-24'],
      ['manifests_testing', '2026-05-25', '2026-05-31'],
      ['documentation', '2026-05-11', '2026-06-21'],
      ['distribution_testing', '2026-06-01', '2026-06-21'],
      ['release_day', '2026-06-22', '2026-06-28'],
      ['post_release', '2026-06-29', '2026-07-26'],
    ]);
  });
});

describe('a cycle across daylight-saving changes', () => {
  // Berlin changes on 2026-03-29 and 2026-10-25, Los Angeles on 2026-03-08 and 2026-11-01.
  it.each([
    ['Europe/Berlin', '2026-01-12'],
    ['Europe/Berlin', '2026-07-13'],
    ['America/Los_Angeles', '2026-01-12'],
    ['America/Los_Angeles', '2026-07-13'],
  ])('in %s from %s keeps the same dates as in UTC', (zone, startDate) => {
    const local = handbook(startDate, zone);
    const utc = handbook(startDate, 'UTC');
    expect(local.phases).toEqual(utc.phases);
    expect(local.milestones).toEqual(utc.milestones);
    const handbookTemplate = template('handbook-17w');
    for (const m of local.milestones) {
      const planned = handbookTemplate.milestones.find((t) => t.key === m.key);
      expect([m.key, weekdayOf(m.dueOn), cycleWeek(startDate, m.dueOn)]).toEqual([
        m.key,
        planned?.weekday,
        planned?.week,
      ]);
    }
  });

  it.each([
    ['Europe/Berlin', '2026-03-29T00:30:00Z', '2026-03-29'],
    ['Europe/Berlin', '2026-03-29T22:30:00Z', '2026-03-30'],
    ['Europe/Berlin', '2026-10-25T22:30:00Z', '2026-10-25'],
    ['America/Los_Angeles', '2026-03-08T07:30:00Z', '2026-03-07'],
    ['America/Los_Angeles', '2026-03-08T10:30:00Z', '2026-03-08'],
    ['America/Los_Angeles', '2026-11-02T07:30:00Z', '2026-11-01'],
    ['America/Los_Angeles', '2026-11-02T08:30:00Z', '2026-11-02'],
  ])('localDate in %s of %s is %s', (zone, moment, date) => {
    expect(localDate(DateTime.fromISO(moment, { zone: 'UTC' }), zone)).toBe(date);
  });
});

describe('calendar-versioned template', () => {
  const calver = computeTimeline({
    template: template('calver-16w'),
    version: version('26.03'),
    startDate: '2025-11-17',
    zone: 'UTC',
  });

  it('has rc.1 in week 9, an optional rc.2 and the release in week 16, with no rc.0', () => {
    expect(
      calver.milestones.map((m) => [m.key, cycleWeek('2025-11-17', m.dueOn), m.artifact, m.optional]),
    ).toEqual([
      ['release_branch', 9, 'release-26.03', false],
      ['rc.1', 9, '26.03-rc.1', false],
      ['rc.2', 13, '26.03-rc.2', true],
      ['release', 16, '26.03', false],
    ]);
  });

  it('has no manifests testing phase', () => {
    expect(calver.phases.map((p) => p.key)).not.toContain('manifests_testing');
    expect(phasesOn(calver, '2026-03-02').map((p) => p.key)).toEqual(['release_day']);
  });
});

const addDaysUtc = (date: string, days: number): string =>
  DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate() ?? '';

/** The one start date of each weekday in the week of Monday 2 March 2026. */
const START_OF_EACH_WEEKDAY = [
  '2026-03-02',
  '2026-03-03',
  '2026-03-04',
  '2026-03-05',
  '2026-03-06',
  '2026-03-07',
  '2026-03-08',
];

describe.each(['handbook-17w', 'handbook-12w', 'calver-16w'])('%s started on any weekday', (key) => {
  const plan = (startDate: string, zone = 'UTC'): Timeline =>
    computeTimeline({
      template: template(key),
      version: version(key === 'calver-16w' ? '26.10' : 'v1.11.0'),
      startDate,
      zone,
    });

  it.each(START_OF_EACH_WEEKDAY)('from %s, phases run whole weeks from that weekday', (startDate) => {
    const timeline = plan(startDate);
    const startWeekday = weekdayOf(startDate);
    for (const phase of template(key).phases) {
      const placed = timeline.phases.find((p) => p.key === phase.key);
      expect([phase.key, placed?.startsOn, placed?.endsOn]).toEqual([
        phase.key,
        addDaysUtc(startDate, 7 * (phase.fromWeek - 1)),
        addDaysUtc(startDate, 7 * phase.toWeek - 1),
      ]);
      expect(weekdayOf(placed?.startsOn ?? '')).toBe(startWeekday);
      expect(weekdayOf(addDaysUtc(placed?.endsOn ?? '', 1))).toBe(startWeekday);
    }
  });

  it.each(START_OF_EACH_WEEKDAY)('from %s, each milestone keeps its weekday, week and phase', (startDate) => {
    const timeline = plan(startDate);
    for (const planned of template(key).milestones) {
      const m = timeline.milestones.find((x) => x.key === planned.key);
      const phase = timeline.phases.find((p) => p.key === planned.phase);
      expect([m?.key, weekdayOf(m?.dueOn ?? ''), cycleWeek(startDate, m?.dueOn ?? '')]).toEqual([
        planned.key,
        planned.weekday,
        planned.week,
      ]);
      expect(phase && m && phase.startsOn <= m.dueOn && m.dueOn <= phase.endsOn).toBe(true);
    }
  });

  it.each(['2026-03-02', '2026-10-19'])(
    'from Monday %s, gives the dates of a Monday-only cycle',
    (startDate) => {
      // Before any weekday could start a cycle: Monday of the first week to Sunday of the last, and
      // weekday W of week N on day 7 * (N - 1) + W - 1.
      const timeline = plan(startDate);
      expect(timeline.phases.map((p) => [p.key, p.startsOn, p.endsOn])).toEqual(
        template(key).phases.map((p) => [
          p.key,
          addDaysUtc(startDate, 7 * (p.fromWeek - 1)),
          addDaysUtc(startDate, 7 * (p.toWeek - 1) + 6),
        ]),
      );
      for (const m of template(key).milestones) {
        expect(timeline.milestones.find((x) => x.key === m.key)?.dueOn).toBe(
          addDaysUtc(startDate, 7 * (m.week - 1) + m.weekday - 1),
        );
      }
    },
  );

  it.each([
    ['Europe/Berlin', '2026-03-04'],
    ['Europe/Berlin', '2026-07-16'],
    ['America/Los_Angeles', '2026-01-14'],
    ['America/Los_Angeles', '2026-08-09'],
  ])('in %s from %s keeps the same dates as in UTC across daylight saving', (zone, startDate) => {
    const local = plan(startDate, zone);
    const utc = plan(startDate, 'UTC');
    expect(local.phases).toEqual(utc.phases);
    expect(local.milestones).toEqual(utc.milestones);
  });
});

describe('handbook v1.10.0 started on Wednesday 2026-03-04', () => {
  const timeline = handbook('2026-03-04');

  it('runs each week Wednesday to Tuesday', () => {
    expect(timeline.phases.map((p) => [p.key, p.startsOn, p.endsOn])).toEqual([
      ['preparation', '2026-02-04', '2026-03-03'],
      ['development', '2026-03-04', '2026-05-12'],
      ['feature_freeze', '2026-05-13', '2026-05-26'],
      ['manifests_testing', '2026-05-27', '2026-06-02'],
      ['documentation', '2026-05-13', '2026-06-23'],
      ['distribution_testing', '2026-06-03', '2026-06-23'],
      ['release_day', '2026-06-24', '2026-06-30'],
      ['post_release', '2026-07-01', '2026-07-28'],
    ]);
  });

  it('puts each milestone on the first day of its week with its weekday', () => {
    expect(timeline.milestones.map((m) => [m.key, m.dueOn])).toEqual([
      ['release_branch', '2026-05-18'], // Monday, the sixth day of week 11 (Wed 13 to Tue 19 May)
      ['rc.0', '2026-05-18'],
      ['rc.1', '2026-05-22'], // Friday, the third day of week 12 (Wed 20 to Tue 26 May)
      ['rc.2', '2026-05-29'],
      ['rc.3', '2026-06-12'],
      ['release', '2026-06-29'], // Monday of week 17 (Wed 24 to Tue 30 June)
    ]);
  });

  it.each([
    ['2026-03-03', 0, ['preparation']],
    ['2026-03-04', 1, ['development']],
    ['2026-05-12', 10, ['development']],
    ['2026-05-13', 11, ['documentation', 'feature_freeze']],
    ['2026-06-30', 17, ['release_day']],
    ['2026-07-01', 18, ['post_release']],
  ])('%s is in week %i and runs %j', (date, week, phases) => {
    expect(cycleWeek('2026-03-04', date)).toBe(week);
    expect(
      phasesOn(timeline, date)
        .map((p) => p.key)
        .sort(),
    ).toEqual(phases);
  });
});

describe('12-week template: v1.11.0 started on 2026-07-06', () => {
  const timeline = computeTimeline({
    template: template('handbook-12w'),
    version: version('v1.11.0'),
    startDate: '2026-07-06',
    zone: 'Europe/Berlin',
  });

  it('places the phases of the July 2025 process, with no manifests testing', () => {
    expect(timeline.phases.map((p) => [p.key, p.startsOn, p.endsOn])).toEqual([
      ['preparation', '2026-06-29', '2026-07-05'],
      ['development', '2026-07-06', '2026-08-30'],
      ['feature_freeze', '2026-08-31', '2026-09-06'],
      ['documentation', '2026-08-31', '2026-09-20'],
      ['distribution_testing', '2026-09-07', '2026-09-20'],
      ['release_day', '2026-09-21', '2026-09-27'],
      ['post_release', '2026-09-28', '2026-10-25'],
    ]);
  });

  it('has the release branch and rc.0 when feature freeze starts, an optional rc.1 and the release in week 12', () => {
    expect(
      timeline.milestones.map((m) => [
        m.key,
        m.dueOn,
        cycleWeek('2026-07-06', m.dueOn),
        m.artifact,
        m.optional,
      ]),
    ).toEqual([
      ['release_branch', '2026-08-31', 9, 'v1.11-branch', false],
      ['rc.0', '2026-08-31', 9, 'v1.11.0-rc.0', false],
      ['rc.1', '2026-09-11', 10, 'v1.11.0-rc.1', true],
      ['release', '2026-09-21', 12, 'v1.11.0', false],
    ]);
    expect(new Set(timeline.milestones.map((m) => m.owner))).toEqual(new Set(['Manifests WG']));
  });
});

describe('cycleWeek', () => {
  it.each([
    ['2026-03-02', 1],
    ['2026-03-08', 1],
    ['2026-03-09', 2],
    ['2026-03-01', 0],
    ['2026-02-23', 0],
    ['2026-02-22', -1],
    ['2026-06-22', 17],
    ['2027-03-01', 53],
  ])('from 2026-03-02, %s is in week %i', (date, week) => {
    expect(cycleWeek('2026-03-02', date)).toBe(week);
  });
});

describe('daysUntil', () => {
  it.each([
    ['2026-03-02', '2026-03-02', 0],
    ['2026-03-02', '2026-03-09', 7],
    ['2026-03-09', '2026-03-02', -7],
    ['2026-03-28', '2026-03-30', 2],
    ['2026-02-28', '2026-03-01', 1],
    ['2028-02-28', '2028-03-01', 2],
    ['2026-12-31', '2027-01-01', 1],
  ])('%s to %s is %i days', (from, to, days) => {
    expect(daysUntil(from, to)).toBe(days);
  });

  it.each(['2026-02-30', '2026-13-01', '26-03-02', 'soon'])('refuses %s, which is not a date', (date) => {
    expect(() => daysUntil('2026-03-02', date)).toThrow(`"${date}" is not a valid date.`);
  });
});

describe('nextMilestone', () => {
  const timeline = handbook('2026-03-02');
  it.each([
    ['2026-03-02', 'release_branch'],
    ['2026-05-11', 'release_branch'],
    ['2026-05-12', 'rc.1'],
    ['2026-05-30', 'rc.3'],
    ['2026-06-22', 'release'],
    ['2026-06-23', null],
  ])('on %s is %s', (date, key) => {
    expect(nextMilestone(timeline, date)?.key ?? null).toBe(key);
  });
});

describe('timelineSlip', () => {
  it('reports how far each phase end and milestone moved since the first plan', () => {
    const first = handbook('2026-03-02');
    const current = handbook('2026-03-16');
    current.milestones = current.milestones.filter((m) => m.key !== 'rc.3');
    const slips = timelineSlip(first, current);
    expect(slips.every((s) => s.slipDays === 14)).toBe(true);
    expect(slips.map((s) => `${s.kind}:${s.key}`)).not.toContain('milestone:rc.3');
    expect(slips.find((s) => s.key === 'release')).toEqual({
      key: 'release',
      kind: 'milestone',
      firstDate: '2026-06-22',
      currentDate: '2026-07-06',
      slipDays: 14,
    });
    expect(slips.find((s) => s.key === 'development')).toEqual({
      key: 'development',
      kind: 'phase',
      firstDate: '2026-05-10',
      currentDate: '2026-05-24',
      slipDays: 14,
    });
  });

  it('reports no slip for the same plan', () => {
    const plan = handbook('2026-03-02');
    expect(timelineSlip(plan, plan).map((s) => s.slipDays)).toEqual(Array(14).fill(0));
  });
});

describe('validateStartDate', () => {
  it.each([
    ['2026-03-02', 'Europe/Berlin', null],
    ['2026-03-30', 'America/Los_Angeles', null],
    ['2026-03-04', 'UTC', null],
    ['2026-03-08', 'America/Los_Angeles', null],
    ['2026-02-30', 'UTC', '2026-02-30 is not a real date; check the month and the day.'],
    ['2026-13-01', 'UTC', '2026-13-01 is not a real date; check the month and the day.'],
    ['2026-3-2', 'UTC', '"2026-3-2" is not a date; write it as YYYY-MM-DD, e.g. 2026-03-02.'],
    ['next monday', 'UTC', '"next monday" is not a date; write it as YYYY-MM-DD, e.g. 2026-03-02.'],
    ['2026-03-02', 'Mars/Olympus', expect.stringContaining('"Mars/Olympus" is not a time zone')],
  ])('%s in %s -> %s', (startDate, zone, expected) => {
    expect(validateStartDate(startDate, zone)).toEqual(expected);
  });

  it('makes computeTimeline refuse a bad start date', () => {
    expect(() => handbook('2026-02-30')).toThrow(/is not a real date/);
  });
});

describe('isValidTimeZone', () => {
  it.each([
    ['Europe/Berlin', true],
    ['America/Los_Angeles', true],
    ['UTC', true],
    ['Mars/Olympus', false],
    ['', false],
  ])('%s -> %s', (zone, valid) => {
    expect(isValidTimeZone(zone)).toBe(valid);
  });
});

describe('the calendar date of an instant in the release zone, across daylight-saving changes', () => {
  it.each([
    ['2026-03-28T23:30:00Z', 'Europe/Berlin', '2026-03-29'],
    ['2026-03-29T21:59:00Z', 'Europe/Berlin', '2026-03-29'],
    ['2026-03-29T22:00:00Z', 'Europe/Berlin', '2026-03-30'],
    ['2026-10-24T21:59:00Z', 'Europe/Berlin', '2026-10-24'],
    ['2026-10-25T22:59:00Z', 'Europe/Berlin', '2026-10-25'],
    ['2026-10-25T23:00:00Z', 'Europe/Berlin', '2026-10-26'],
    ['2026-03-08T07:59:00Z', 'America/Los_Angeles', '2026-03-07'],
    ['2026-03-09T06:59:00Z', 'America/Los_Angeles', '2026-03-08'],
    ['2026-03-09T07:00:00Z', 'America/Los_Angeles', '2026-03-09'],
    ['2026-11-01T07:30:00Z', 'America/Los_Angeles', '2026-11-01'],
    ['2026-11-02T07:59:00Z', 'America/Los_Angeles', '2026-11-01'],
    ['2026-11-02T08:00:00Z', 'America/Los_Angeles', '2026-11-02'],
  ])('%s in %s is %s, asked once and again', (iso, zone, date) => {
    expect(localDateOfInstant(iso, zone)).toBe(date);
    expect(localDateOfInstant(iso, zone)).toBe(date);
    expect(localDateOfInstant(iso, zone)).toBe(localDate(DateTime.fromISO(iso, { zone: 'utc' }), zone));
  });

  it('is null for what is not a timestamp', () => {
    expect(localDateOfInstant('yesterday', 'Europe/Berlin')).toBeNull();
  });
});
