import { DateTime } from 'luxon';
import { passTime, upkeepInstants, type TimeRunners } from '../../src/sandbox/pass-time';

const utc = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });
const iso = (at: DateTime) => at.toUTC().toISO() ?? '';

interface FakeJob {
  key: string;
  dueAt: string;
  /** From then on the job is skipped as too late, as runDueJobs does. */
  expiresAt: string;
}

/**
 * Runners over a list of jobs, recording every call: a job runs at the first run at or after its
 * due time, or is skipped when that run is at or after its expiry. `onRun` may add jobs.
 */
function fakeRunners(
  jobs: FakeJob[],
  options: { zones?: string[]; onRun?: (at: DateTime, jobs: FakeJob[]) => void } = {},
) {
  const calls: string[] = [];
  const done = new Set<string>();
  let clock = '';
  const runners: TimeRunners = {
    setClock: (at) => {
      clock = iso(at);
      calls.push(`clock ${clock}`);
    },
    dueInstants: (after, until) =>
      jobs
        .filter((job) => !done.has(job.key))
        .map((job) => utc(job.dueAt))
        .filter((at) => at > after && at <= until),
    zones: () => options.zones ?? [],
    runJobs: (at) => {
      expect(iso(at)).toBe(clock);
      const due = jobs.filter((job) => !done.has(job.key) && utc(job.dueAt) <= at);
      for (const job of due) done.add(job.key);
      const skipped = due.filter((job) => at >= utc(job.expiresAt));
      calls.push(
        `jobs ${due.map((job) => (skipped.includes(job) ? `${job.key}(skipped)` : job.key)).join(',')}`,
      );
      options.onRun?.(at, jobs);
      return { ran: due.length - skipped.length, skipped: skipped.length };
    },
    upkeep: async () => void calls.push('upkeep'),
    revalidate: async () => void calls.push('revalidate'),
    deliver: async () => void calls.push('deliver'),
    posted: (after, until) => {
      calls.push(`posted ${iso(after)} ${iso(until)}`);
      return 2;
    },
  };
  return { runners, calls };
}

const WEEK_OF_JOBS: FakeJob[] = [
  { key: 'agenda', dueAt: '2026-05-11T14:00:00Z', expiresAt: '2026-05-12T14:00:00Z' },
  { key: 'note_taker', dueAt: '2026-05-11T14:00:00Z', expiresAt: '2026-05-12T14:00:00Z' },
  { key: 'reminder', dueAt: '2026-05-10T07:00:00Z', expiresAt: '2026-05-11T22:00:00Z' },
];

describe('passTime', () => {
  it('+1 week runs each job at its own instant (was: one check at the end, every job skipped)', async () => {
    const end = utc('2026-05-14T08:00:00Z');
    const once = fakeRunners(WEEK_OF_JOBS).runners;
    once.setClock(end);
    expect(once.runJobs(end)).toEqual({ ran: 0, skipped: 3 });

    const { runners, calls } = fakeRunners(WEEK_OF_JOBS);
    const summary = await passTime({
      from: utc('2026-05-07T08:00:00Z'),
      to: utc('2026-05-14T08:00:00Z'),
      runners,
    });
    expect(summary).toMatchObject({ ran: 3, skipped: 0 });
    expect(summary.steps.map(iso)).toEqual([
      '2026-05-10T07:00:00.000Z',
      '2026-05-11T14:00:00.000Z',
      '2026-05-14T08:00:00.000Z',
    ]);
    expect(calls.filter((c) => c.startsWith('jobs'))).toEqual([
      'jobs reminder',
      'jobs agenda,note_taker',
      'jobs ',
    ]);
  });

  it('runs the jobs, upkeep, revalidation and delivery in that order, after setting the clock', async () => {
    const { runners, calls } = fakeRunners([WEEK_OF_JOBS[2] as FakeJob]);
    await passTime({ from: utc('2026-05-09T08:00:00Z'), to: utc('2026-05-10T08:00:00Z'), runners });
    expect(calls).toEqual([
      'clock 2026-05-10T07:00:00.000Z',
      'jobs reminder',
      'upkeep',
      'revalidate',
      'deliver',
      'clock 2026-05-10T08:00:00.000Z',
      'jobs ',
      'upkeep',
      'revalidate',
      'deliver',
      'posted 2026-05-09T08:00:00.000Z 2026-05-10T08:00:00.000Z',
    ]);
  });

  it('asks what is due again after each run: a job that a run made due is run too', async () => {
    const { runners, calls } = fakeRunners([WEEK_OF_JOBS[2] as FakeJob], {
      onRun: (at, jobs) => {
        if (iso(at) === '2026-05-10T07:00:00.000Z')
          jobs.push({ key: 'escalation', dueAt: '2026-05-10T09:30:00Z', expiresAt: '2026-05-17T07:00:00Z' });
      },
    });
    const summary = await passTime({
      from: utc('2026-05-09T08:00:00Z'),
      to: utc('2026-05-11T08:00:00Z'),
      runners,
    });
    expect(summary.steps.map(iso)).toContain('2026-05-10T09:30:00.000Z');
    expect(calls).toContain('jobs escalation');
    expect(summary.skipped).toBe(0);
  });

  it('stops at the start of each day and of each working day in the release zone', async () => {
    const { runners } = fakeRunners([], { zones: ['Europe/Berlin'] });
    const summary = await passTime({
      from: utc('2026-05-07T08:00:00Z'),
      to: utc('2026-05-08T12:00:00Z'),
      runners,
    });
    expect(summary.steps.map(iso)).toEqual([
      '2026-05-07T22:00:00.000Z',
      '2026-05-08T07:00:00.000Z',
      '2026-05-08T12:00:00.000Z',
    ]);
  });

  it('counts the posts of the whole jump once, at its end, and stops once at an instant two sources name', async () => {
    const { runners, calls } = fakeRunners(
      [{ key: 'reminder', dueAt: '2026-05-08T07:00:00Z', expiresAt: '2026-05-09T07:00:00Z' }],
      { zones: ['Europe/Berlin', 'Europe/Berlin'] },
    );
    const summary = await passTime({
      from: utc('2026-05-08T06:00:00Z'),
      to: utc('2026-05-08T08:00:00Z'),
      runners,
    });
    expect(summary.steps.map(iso)).toEqual(['2026-05-08T07:00:00.000Z', '2026-05-08T08:00:00.000Z']);
    expect(summary.posted).toBe(2);
    expect(calls.filter((call) => call.startsWith('posted'))).toEqual([
      'posted 2026-05-08T06:00:00.000Z 2026-05-08T08:00:00.000Z',
    ]);
  });

  it('does nothing when the clock does not move', async () => {
    const { runners, calls } = fakeRunners(WEEK_OF_JOBS);
    const at = utc('2026-05-07T08:00:00Z');
    expect((await passTime({ from: at, to: at, runners })).steps).toEqual([]);
    expect(calls).toEqual([]);
  });
});

describe('upkeepInstants', () => {
  it.each<[string, string, string, string[], string[]]>([
    [
      'a day in Berlin',
      '2026-05-07T08:00:00Z',
      '2026-05-08T08:00:00Z',
      ['Europe/Berlin'],
      ['2026-05-07T22:00:00.000Z', '2026-05-08T07:00:00.000Z'],
    ],
    [
      'the night clocks go forward in Berlin (CET to CEST)',
      '2026-03-28T12:00:00Z',
      '2026-03-29T12:00:00Z',
      ['Europe/Berlin'],
      ['2026-03-28T23:00:00.000Z', '2026-03-29T07:00:00.000Z'],
    ],
    [
      'two zones',
      '2026-05-07T12:00:00Z',
      '2026-05-08T12:00:00Z',
      ['UTC', 'America/New_York'],
      [
        '2026-05-07T13:00:00.000Z',
        '2026-05-08T00:00:00.000Z',
        '2026-05-08T04:00:00.000Z',
        '2026-05-08T09:00:00.000Z',
      ],
    ],
    ['an hour with none', '2026-05-07T10:00:00Z', '2026-05-07T11:00:00Z', ['Europe/Berlin'], []],
    [
      'the end of the span counts, its start does not',
      '2026-05-07T07:00:00Z',
      '2026-05-07T22:00:00Z',
      ['Europe/Berlin'],
      ['2026-05-07T22:00:00.000Z'],
    ],
  ])('%s', (_name, from, to, zones, expected) => {
    expect(upkeepInstants(utc(from), utc(to), zones).map(iso).sort()).toEqual(expected);
  });
});
