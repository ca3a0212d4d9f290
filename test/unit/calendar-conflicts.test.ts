import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  findCalendarConflicts,
  keyDates,
  parseCalendar,
  weekendMilestones,
  type CalendarEvent,
  type KeyDate,
} from '../../src/domain/calendar-conflicts';
import { computeTimeline } from '../../src/domain/timeline';
import { parseVersion } from '../../src/domain/version';
import { loadTemplates, TEMPLATES_DIR } from '../../src/templates/load-templates';

const CALENDAR = parse(readFileSync(join(__dirname, '..', '..', 'config', 'calendar.yml'), 'utf8'));

function handbookPlan(startDate: string) {
  const template = loadTemplates(TEMPLATES_DIR).get('handbook-17w');
  const version = parseVersion('v1.11.0');
  if (!template || !version.ok) throw new Error('no handbook template');
  return computeTimeline({ template, version: version.version, startDate, zone: 'Europe/Berlin' });
}

const event = (
  name: string,
  from: string,
  to = from,
  kind: CalendarEvent['kind'] = 'holiday',
): CalendarEvent => ({
  kind,
  name,
  from,
  to,
  where: null,
});
const milestone = (date: string, label = 'rc.1'): KeyDate => ({ date, kind: 'milestone', label });

describe('the holiday and conference calendar file', () => {
  it('reads the shipped example, holidays and conferences alike', () => {
    const parsed = parseCalendar(CALENDAR, 'config/calendar.yml');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.events).toEqual(
      expect.arrayContaining([
        {
          kind: 'holiday',
          name: 'Good Friday',
          from: '2026-04-03',
          to: '2026-04-03',
          where: 'many countries',
        },
        {
          kind: 'conference',
          name: 'KubeCon + CloudNativeCon Europe 2026',
          from: '2026-03-23',
          to: '2026-03-26',
          where: 'Amsterdam',
        },
      ]),
    );
  });

  it.each([
    [
      'a date that does not exist',
      { holidays: [{ name: 'X', date: '2026-02-30' }] },
      'holidays[0].date: is not a real date',
    ],
    [
      'a date in another format',
      { holidays: [{ name: 'X', date: '03/04/2026' }] },
      'must be a date written YYYY-MM-DD',
    ],
    [
      'both a date and a range',
      { holidays: [{ name: 'X', date: '2026-01-01', from: '2026-01-01', to: '2026-01-02' }] },
      'give either date, or from and to',
    ],
    ['no date at all', { conferences: [{ name: 'X' }] }, 'conferences[0]: give a date, or from and to'],
    [
      'a range without its end',
      { conferences: [{ name: 'X', from: '2026-01-01' }] },
      'give both from and to',
    ],
    [
      'a range ending before it starts',
      { conferences: [{ name: 'X', from: '2026-03-26', to: '2026-03-23' }] },
      'conferences[0].to: must not be before from',
    ],
    [
      'an unknown field',
      { holidays: [{ name: 'X', date: '2026-01-01', country: 'DE' }] },
      'unknown field "country"',
    ],
    ['an unknown list', { events: [] }, 'unknown field "events"'],
    [
      'an empty name',
      { holidays: [{ name: '', date: '2026-01-01' }] },
      'holidays[0].name: must not be empty',
    ],
  ])('refuses %s, saying where', (_case, data, problem) => {
    const parsed = parseCalendar(data, 'calendar.yml');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.join('\n')).toContain(problem);
  });

  it('reports every problem of the file at once', () => {
    const parsed = parseCalendar(
      { holidays: [{ name: 'A', date: 'soon' }, { date: '2026-01-01' }], conferences: [{ name: 'C' }] },
      'calendar.yml',
    );
    expect(parsed.ok ? [] : parsed.problems).toHaveLength(3);
  });

  it('takes an empty file as an empty calendar', () => {
    expect(parseCalendar(null, 'calendar.yml')).toEqual({ ok: true, events: [] });
  });
});

describe('dates that fall on holidays and conferences', () => {
  it.each([
    ['on a one-day holiday', milestone('2026-04-03'), [event('Good Friday', '2026-04-03')], 1],
    [
      'on the first day of a conference',
      milestone('2026-03-23'),
      [event('KubeCon', '2026-03-23', '2026-03-26')],
      1,
    ],
    [
      'on the last day of a conference',
      milestone('2026-03-26'),
      [event('KubeCon', '2026-03-23', '2026-03-26')],
      1,
    ],
    [
      'the day after a conference',
      milestone('2026-03-27'),
      [event('KubeCon', '2026-03-23', '2026-03-26')],
      0,
    ],
    [
      'on two events at once',
      milestone('2026-05-25'),
      [event('Memorial Day', '2026-05-25'), event('Whit Monday', '2026-05-25')],
      2,
    ],
  ])('finds a key date %s', (_case, keyDate, events, count) => {
    expect(findCalendarConflicts([keyDate], events)).toHaveLength(count);
  });

  it('checks every milestone and first day of a phase of a plan', () => {
    const plan = handbookPlan('2026-01-12');
    const events = parseCalendar(CALENDAR, 'calendar.yml');
    if (!events.ok) throw new Error('calendar');
    const found = findCalendarConflicts(keyDates(plan), events.events).map(
      (c) => `${c.date} ${c.keyDate.label} / ${c.event.name}`,
    );
    expect(found).toEqual(
      expect.arrayContaining([
        '2026-03-23 first day of Feature Freeze / KubeCon + CloudNativeCon Europe 2026',
        '2026-03-23 Release branch created (v1.11-branch) / KubeCon + CloudNativeCon Europe 2026',
        '2026-04-03 rc.1 tagged on the last day of feature freeze (v1.11.0-rc.1) / Good Friday',
        '2026-04-06 first day of Manifests testing / Easter Monday',
      ]),
    );
  });

  it('sorts the dates of a plan and names each', () => {
    const dates = keyDates(handbookPlan('2026-03-02')).map((d) => d.date);
    expect(dates).toEqual([...dates].sort());
    expect(dates).toHaveLength(8 + 6);
  });

  it('names milestones that a re-plan put on a weekend', () => {
    const plan = handbookPlan('2026-03-02');
    const moved = {
      ...plan,
      milestones: plan.milestones.map((m) => (m.key === 'rc.1' ? { ...m, dueOn: '2026-05-23' } : m)),
    };
    expect(weekendMilestones(plan)).toEqual([]);
    expect(weekendMilestones(moved).map((m) => m.key)).toEqual(['rc.1']);
  });
});
