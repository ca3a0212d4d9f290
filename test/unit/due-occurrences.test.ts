import { DateTime } from 'luxon';
import { scheduleOccurrences, selectDue, type ReleaseSchedule } from '../../src/domain/due-occurrences';
import { DEFAULT_REMINDER_SETTINGS } from '../../src/domain/reminders';
import type { Timeline } from '../../src/domain/timeline';

const ZONE = 'Europe/Berlin';
const utc = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });

/** Two weeks of feature freeze with one milestone; weekly meetings on Tuesdays at 16:00. */
const timeline: Timeline = {
  startDate: '2026-05-11',
  zone: ZONE,
  phases: [{ key: 'feature_freeze', name: 'Feature Freeze', startsOn: '2026-05-11', endsOn: '2026-05-24' }],
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
  ],
};

function schedule(overrides: Partial<ReleaseSchedule> = {}): ReleaseSchedule {
  return {
    releaseId: 7,
    zone: ZONE,
    timeline,
    meeting: {
      weekday: 2,
      time: '16:00',
      zone: ZONE,
      channel: 'C0REL',
      agendaHours: 24,
      notesUrl: null,
      since: utc('2026-05-01T00:00:00Z'),
    },
    // Reminders from 5 May on: the week-ahead reminder of 4 May is before the release existed.
    reminders: { ...DEFAULT_REMINDER_SETTINGS, since: utc('2026-05-05T00:00:00Z') },
    ...overrides,
  };
}

const keys = (list: { key: string }[]) => list.map((o) => o.key);

describe('scheduleOccurrences', () => {
  it('lists agendas, notices, reminders and escalations in the order they run, with local times', () => {
    const list = scheduleOccurrences(schedule()).map(
      (o) =>
        `${o.dueAt.setZone(ZONE).toFormat('ccc dd HH:mm')} ${o.key} until ${o.expiresAt.setZone(ZONE).toFormat('ccc dd HH:mm')}`,
    );
    expect(list).toEqual([
      'Mon 04 09:00 reminder:7:revisions:2026-05-11:7d until Tue 12 00:00',
      'Sun 10 09:00 reminder:7:revisions:2026-05-11:1d until Tue 12 00:00',
      'Mon 11 09:00 phase_start:7:feature_freeze until Mon 25 09:00',
      'Mon 11 09:00 reminder:7:revisions:2026-05-11:0d until Tue 12 00:00',
      'Mon 11 16:00 agenda:7:2026-05-12 until Tue 12 16:00',
      'Mon 11 16:00 note_taker:7:2026-05-12 until Tue 12 16:00',
      'Tue 12 09:00 escalation:7:revisions:2026-05-11 until Tue 19 09:00',
      'Fri 15 09:00 reminder:7:rc.1:2026-05-22:7d until Sat 23 00:00',
      'Mon 18 16:00 agenda:7:2026-05-19 until Tue 19 16:00',
      'Mon 18 16:00 note_taker:7:2026-05-19 until Tue 19 16:00',
      'Thu 21 09:00 reminder:7:rc.1:2026-05-22:1d until Sat 23 00:00',
      'Fri 22 09:00 reminder:7:rc.1:2026-05-22:0d until Sat 23 00:00',
      'Sat 23 09:00 escalation:7:rc.1:2026-05-22 until Sat 30 09:00',
    ]);
  });

  it('leaves out a reminder the quiet hours push past its deadline', () => {
    const late = schedule({
      reminders: {
        ...DEFAULT_REMINDER_SETTINGS,
        offsets: [{ amount: 2, unit: 'h' }],
        since: utc('2026-05-01T00:00:00Z'),
      },
    });
    expect(keys(scheduleOccurrences(late)).filter((k) => k.startsWith('reminder'))).toEqual([]);
  });

  it('has no meeting occurrences without a meeting', () => {
    expect(
      keys(scheduleOccurrences(schedule({ meeting: null }))).filter((k) => /agenda|note_taker/.test(k)),
    ).toEqual([]);
  });
});

describe('selectDue', () => {
  it.each([
    ['before anything is due', '2026-05-10T06:59:00Z', [], [], []],
    [
      'at the minute a reminder is due',
      '2026-05-10T07:00:00Z',
      [],
      ['reminder:7:revisions:2026-05-11:1d'],
      [],
    ],
    ['once it is done', '2026-05-10T07:01:00Z', ['reminder:7:revisions:2026-05-11:1d'], [], []],
    [
      'after downtime: the agenda before its meeting runs, the passed reminders are skipped',
      '2026-05-12T10:00:00Z',
      [],
      [
        'phase_start:7:feature_freeze',
        'agenda:7:2026-05-12',
        'note_taker:7:2026-05-12',
        'escalation:7:revisions:2026-05-11',
      ],
      ['reminder:7:revisions:2026-05-11:1d', 'reminder:7:revisions:2026-05-11:0d'],
    ],
    [
      'after downtime into the quiet hours: pings wait for the morning, the agenda does not',
      '2026-05-11T20:30:00Z',
      [],
      ['agenda:7:2026-05-12'],
      [],
    ],
  ])('%s', (_case, at, done, run, skip) => {
    const due = selectDue(schedule(), utc(at), new Set(done));
    expect(keys(due.run)).toEqual(run);
    expect(keys(due.skip)).toEqual(skip);
  });

  it('counts a meeting set after its agenda time but before it starts, and never one already over', () => {
    const since = utc('2026-05-12T10:00:00Z');
    const lateSettings = schedule({ meeting: { ...schedule().meeting!, since } });
    const due = selectDue(lateSettings, utc('2026-05-12T10:01:00Z'), new Set());
    expect(keys(due.run).filter((k) => k.startsWith('agenda'))).toEqual(['agenda:7:2026-05-12']);
    const afterMeeting = schedule({
      meeting: { ...schedule().meeting!, since: utc('2026-05-13T10:00:00Z') },
    });
    const after = selectDue(afterMeeting, utc('2026-05-13T10:01:00Z'), new Set());
    expect([...keys(after.run), ...keys(after.skip)].filter((k) => /agenda|note_taker/.test(k))).toEqual([]);
  });

  it('ignores reminders that fell due before the release existed', () => {
    const created = schedule({
      reminders: { ...DEFAULT_REMINDER_SETTINGS, since: utc('2026-05-12T10:00:00Z') },
      meeting: null,
    });
    const due = selectDue(created, utc('2026-05-12T10:00:00Z'), new Set());
    expect([...keys(due.run), ...keys(due.skip)]).toEqual([]);
  });
});
