import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { rendered } from '../helpers/rendered-posts';
import { buildServices } from '../../src/app';
import type { AppServices } from '../../src/app-services';
import { adjustableClock } from '../../src/clock';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { createRelease } from '../../src/workflows/create-release';
import { importTeam } from '../../src/workflows/import-team';
import { setMeetingSettings } from '../../src/workflows/meeting-settings';
import { getReleaseStatus } from '../../src/workflows/release-status';
import { getReleaseTimeline } from '../../src/workflows/release-timeline';
import { rehearse, type RehearsedPost as Rehearsed } from '../../src/workflows/rehearse';
import { runDueJobs } from '../../src/workflows/run-due-jobs';

const ZONE = 'Europe/Berlin';
const CHANNEL = 'C0RELEASE';
const RM = 'U0ADA0001';
/** The Manifests WG's liaison in examples/team.yml. */
const MANIFESTS = 'U0BARB001';
const TEAM_YAML = readFileSync(join(__dirname, '..', '..', 'examples', 'team.yml'), 'utf8');
const CLI = { kind: 'cli', name: 'test' } as const;

/** A rehearsed post with its message rendered as Slack would receive it. */
type RehearsedPost = Rehearsed & { text: string; blocks: unknown[] };

interface ReleaseSetup {
  version: string;
  template: string;
  /** The first day of week 1. */
  start: string;
  /** When the release is created: before its cycle, so the whole cycle is rehearsed. */
  now: string;
}

interface CycleWorld {
  services: AppServices;
  clock: ReturnType<typeof adjustableClock>;
  close(): void;
}

/**
 * The real services on a temporary SQLite file with the real migrations: one release of the
 * template in Berlin, the team of examples/team.yml and the weekly meeting on Tuesdays at 16:00,
 * so its agenda goes out on Mondays at 16:00.
 */
function cycleWorld(release: ReleaseSetup): CycleWorld {
  const dir = mkdtempSync(join(tmpdir(), 'kfrelease-templates-cycle-'));
  const loaded = loadConfig({ DATABASE_PATH: join(dir, 'kfrelease.db'), LOG_LEVEL: 'silent' });
  if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
  const clock = adjustableClock(release.now);
  const services = buildServices(loaded.config, { clock, logger: createLogger('silent') });
  createRelease(services, {
    version: release.version,
    startDate: release.start,
    template: release.template,
    timeZone: ZONE,
    channel: CHANNEL,
    actor: CLI,
  });
  importTeam(services, { yaml: TEAM_YAML, source: 'team.yml', version: release.version, actor: CLI });
  setMeetingSettings(services, { words: ['tue', '16:00'], actor: CLI });
  return {
    services,
    clock,
    close() {
      services.store.db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** What a whole cycle of one release should look like. */
interface CycleCase {
  title: string;
  release: ReleaseSetup;
  /** The span to rehearse: from before the first agenda to after the last. */
  span: { from: string; to: string };
  phases: [key: string, startsOn: string, endsOn: string][];
  milestones: [key: string, dueOn: string, artifact: string, optional: boolean][];
  /** Meeting dates of the first and the last agenda, and how many there are. */
  agendas: { first: string; last: string; count: number };
  /** The "Where we are" line of some agendas, and a standing item of the phase it names. */
  whereWeAre: [meetingOn: string, line: string, standingItem: string][];
  /** Every reminder, as "local time: key:dueOn:offset". */
  reminders: string[];
  /** Every escalation: key, who gets it, local time. */
  escalations: [key: string, to: string, at: string][];
  /** Who the release's reminders name. */
  releaseOwner: string;
  /** `/kfrelease status` at noon on a day: its cycle week, its phases, whether the freeze is on. */
  days: [date: string, week: number, phases: string[], freeze: boolean][];
}

const TWELVE_WEEKS: CycleCase = {
  title: 'handbook-12w: v1.11.0, week 1 = Mon 6 Jul 2026',
  release: { version: 'v1.11.0', template: 'handbook-12w', start: '2026-07-06', now: '2026-06-01T12:00:00Z' },
  span: { from: '2026-06-01', to: '2026-10-31' },
  phases: [
    ['preparation', '2026-06-29', '2026-07-05'],
    ['development', '2026-07-06', '2026-08-30'],
    ['feature_freeze', '2026-08-31', '2026-09-06'],
    ['documentation', '2026-08-31', '2026-09-20'],
    ['distribution_testing', '2026-09-07', '2026-09-20'],
    ['release_day', '2026-09-21', '2026-09-27'],
    ['post_release', '2026-09-28', '2026-10-25'],
  ],
  milestones: [
    ['release_branch', '2026-08-31', 'v1.11-branch', false],
    ['rc.0', '2026-08-31', 'v1.11.0-rc.0', false],
    ['rc.1', '2026-09-11', 'v1.11.0-rc.1', true],
    ['release', '2026-09-21', 'v1.11.0', false],
  ],
  agendas: { first: '2026-06-30', last: '2026-10-20', count: 17 },
  whereWeAre: [
    [
      '2026-06-30',
      '1 week(s) before week 1 · Release and roadmap discussion (until Sun 5 Jul)',
      'Propose the release timeline',
    ],
    ['2026-07-07', 'Week 1 of 12 · Development (until Sun 30 Aug)', 'Features each WG plans to land'],
    ['2026-08-25', 'Week 8 of 12 · Development (until Sun 30 Aug)', 'Remind the WGs of the feature freeze'],
    [
      '2026-09-01',
      'Week 9 of 12 · Feature Freeze (until Sun 6 Sep) and Documentation (until Sun 20 Sep)',
      'Identify bugs at risk early in the first week',
    ],
    [
      '2026-09-08',
      'Week 10 of 12 · Documentation (until Sun 20 Sep) and Community and distribution testing (until Sun 20 Sep)',
      'Issues reported by the distributions; which are release blocking?',
    ],
    [
      '2026-09-15',
      'Week 11 of 12 · Documentation (until Sun 20 Sep) and Community and distribution testing (until Sun 20 Sep)',
      'Cut the new version of the website',
    ],
    ['2026-09-22', 'Week 12 of 12 · Release (until Sun 27 Sep)', 'Publish the release blog post'],
    [
      '2026-10-20',
      'Week 16, after release day · Post Release (until Sun 25 Oct)',
      'Plan the first patch release',
    ],
  ],
  reminders: [
    '2026-08-24 09:00 rc.0:2026-08-31:7d',
    '2026-08-24 09:00 release_branch:2026-08-31:7d',
    '2026-08-24 09:00 revisions:2026-08-31:7d',
    '2026-08-30 09:00 rc.0:2026-08-31:1d',
    '2026-08-30 09:00 release_branch:2026-08-31:1d',
    '2026-08-30 09:00 revisions:2026-08-31:1d',
    '2026-08-31 09:00 rc.0:2026-08-31:0d',
    '2026-08-31 09:00 release_branch:2026-08-31:0d',
    '2026-08-31 09:00 revisions:2026-08-31:0d',
    '2026-09-14 09:00 release:2026-09-21:7d',
    '2026-09-20 09:00 release:2026-09-21:1d',
    '2026-09-21 09:00 release:2026-09-21:0d',
  ],
  escalations: [[`escalation:1:revisions:2026-08-31:${RM}`, RM, '2026-09-01 09:00']],
  releaseOwner: MANIFESTS,
  days: [
    ['2026-07-05', 0, ['preparation'], false],
    ['2026-07-06', 1, ['development'], false],
    ['2026-08-30', 8, ['development'], false],
    ['2026-08-31', 9, ['documentation', 'feature_freeze'], true],
    ['2026-09-07', 10, ['distribution_testing', 'documentation'], true],
    ['2026-09-20', 11, ['distribution_testing', 'documentation'], true],
    ['2026-09-21', 12, ['release_day'], true],
    ['2026-10-25', 16, ['post_release'], true],
  ],
};

const SEVENTEEN_WEEKS_FROM_WEDNESDAY: CycleCase = {
  title: 'handbook-17w from a Wednesday: v1.10.0, week 1 = Wed 4 Mar 2026',
  release: { version: 'v1.10.0', template: 'handbook-17w', start: '2026-03-04', now: '2026-02-01T12:00:00Z' },
  span: { from: '2026-02-01', to: '2026-07-31' },
  phases: [
    ['preparation', '2026-02-04', '2026-03-03'],
    ['development', '2026-03-04', '2026-05-12'],
    ['feature_freeze', '2026-05-13', '2026-05-26'],
    ['manifests_testing', '2026-05-27', '2026-06-02'],
    ['documentation', '2026-05-13', '2026-06-23'],
    ['distribution_testing', '2026-06-03', '2026-06-23'],
    ['release_day', '2026-06-24', '2026-06-30'],
    ['post_release', '2026-07-01', '2026-07-28'],
  ],
  // Each on the day of its week with its weekday: "the Monday of week 11" is its sixth day.
  milestones: [
    ['release_branch', '2026-05-18', 'v1.10-branch', false],
    ['rc.0', '2026-05-18', 'v1.10.0-rc.0', false],
    ['rc.1', '2026-05-22', 'v1.10.0-rc.1', false],
    ['rc.2', '2026-05-29', 'v1.10.0-rc.2', false],
    ['rc.3', '2026-06-12', 'v1.10.0-rc.3', true],
    ['release', '2026-06-29', 'v1.10.0', false],
  ],
  // Tuesday is the last day of each week, so the meeting series runs from Tue 10 Feb to Tue 28 Jul.
  agendas: { first: '2026-02-10', last: '2026-07-28', count: 25 },
  whereWeAre: [
    ['2026-02-10', '4 week(s) before week 1 · Preparation (until Tue 3 Mar)', 'Propose the release timeline'],
    ['2026-03-03', '1 week(s) before week 1 · Preparation (until Tue 3 Mar)', 'Propose the release timeline'],
    ['2026-03-10', 'Week 1 of 17 · Development (until Tue 12 May)', 'Features each WG plans to land'],
    ['2026-05-12', 'Week 10 of 17 · Development (until Tue 12 May)', 'Remind the WGs of the feature freeze'],
    [
      '2026-05-19',
      'Week 11 of 17 · Feature Freeze (until Tue 26 May) and Documentation (until Tue 23 Jun)',
      'Identify bugs at risk early in the first week',
    ],
    [
      '2026-06-02',
      'Week 13 of 17 · Manifests testing (until Tue 2 Jun) and Documentation (until Tue 23 Jun)',
      'Do the manifests give a deployable Kubeflow?',
    ],
    ['2026-06-30', 'Week 17 of 17 · Release Day (until Tue 30 Jun)', 'Publish the release blog post'],
    [
      '2026-07-07',
      'Week 18, after release day · Post Release (until Tue 28 Jul)',
      'Plan the first patch release',
    ],
  ],
  reminders: [
    '2026-05-06 09:00 revisions:2026-05-13:7d',
    '2026-05-11 09:00 rc.0:2026-05-18:7d',
    '2026-05-11 09:00 release_branch:2026-05-18:7d',
    '2026-05-12 09:00 revisions:2026-05-13:1d',
    '2026-05-13 09:00 revisions:2026-05-13:0d',
    '2026-05-15 09:00 rc.1:2026-05-22:7d',
    '2026-05-17 09:00 rc.0:2026-05-18:1d',
    '2026-05-17 09:00 release_branch:2026-05-18:1d',
    '2026-05-18 09:00 rc.0:2026-05-18:0d',
    '2026-05-18 09:00 release_branch:2026-05-18:0d',
    '2026-05-21 09:00 rc.1:2026-05-22:1d',
    '2026-05-22 09:00 rc.1:2026-05-22:0d',
    '2026-05-22 09:00 rc.2:2026-05-29:7d',
    '2026-05-28 09:00 rc.2:2026-05-29:1d',
    '2026-05-29 09:00 rc.2:2026-05-29:0d',
    '2026-06-22 09:00 release:2026-06-29:7d',
    '2026-06-28 09:00 release:2026-06-29:1d',
    '2026-06-29 09:00 release:2026-06-29:0d',
  ],
  // The revisions are due on the first day of Feature Freeze, a Wednesday here.
  escalations: [[`escalation:1:revisions:2026-05-13:${RM}`, RM, '2026-05-14 09:00']],
  releaseOwner: RM,
  days: [
    ['2026-03-03', 0, ['preparation'], false],
    ['2026-03-04', 1, ['development'], false],
    ['2026-05-12', 10, ['development'], false],
    ['2026-05-13', 11, ['documentation', 'feature_freeze'], true],
    ['2026-05-27', 13, ['documentation', 'manifests_testing'], true],
    ['2026-06-23', 16, ['distribution_testing', 'documentation'], true],
    ['2026-06-24', 17, ['release_day'], true],
    ['2026-07-28', 21, ['post_release'], true],
  ],
};

const localOf = (p: RehearsedPost) => DateTime.fromISO(p.at).setZone(ZONE);
const ofKind = (posts: RehearsedPost[], kind: string) => posts.filter((p) => p.kind === kind);
const blockText = (p: RehearsedPost | undefined) => JSON.stringify(p?.blocks ?? null);
/** The "Where we are" line of an agenda's blocks. */
const whereWeAre = (p: RehearsedPost | undefined) =>
  /\*Where we are\*\\n• ([^"]*)"/.exec(blockText(p))?.[1] ?? null;

describe.each([TWELVE_WEEKS, SEVENTEEN_WEEKS_FROM_WEDNESDAY])('a whole cycle of $title', (cycle) => {
  let world: CycleWorld;
  let posts: RehearsedPost[];

  beforeAll(() => {
    world = cycleWorld(cycle.release);
    posts = rendered(rehearse(world.services, cycle.span).posts);
  });
  afterAll(() => world.close());

  const agendaOn = (meetingOn: string) =>
    ofKind(posts, 'agenda').find((a) => a.key === `agenda:1:${meetingOn}`);

  it('stores the first plan with every phase in whole weeks and every milestone on its day', () => {
    const timeline = getReleaseTimeline(world.services, cycle.release.version);
    expect(timeline.template).toBe(cycle.release.template);
    expect(timeline.phases.map((p) => [p.key, p.current.startsOn, p.current.endsOn])).toEqual(cycle.phases);
    expect(timeline.milestones.map((m) => [m.key, m.current.startsOn, m.artifact, m.optional])).toEqual(
      cycle.milestones,
    );
  });

  it('posts the agenda of every weekly meeting, first phase to last, at Monday 16:00 local', () => {
    const agendas = ofKind(posts, 'agenda');
    expect(agendas).toHaveLength(cycle.agendas.count);
    expect(agendas[0]?.key).toBe(`agenda:1:${cycle.agendas.first}`);
    expect(agendas[agendas.length - 1]?.key).toBe(`agenda:1:${cycle.agendas.last}`);
    for (const agenda of agendas) {
      expect([agenda.key, localOf(agenda).toFormat('ccc HH:mm'), agenda.channel]).toEqual([
        agenda.key,
        'Mon 16:00',
        CHANNEL,
      ]);
    }
    expect(ofKind(posts, 'note_taker').map((n) => n.at)).toEqual(agendas.map((a) => a.at));
  });

  it.each(cycle.whereWeAre)(
    'builds the agenda of %s from its week and phases: %s',
    (meetingOn, line, standingItem) => {
      const agenda = agendaOn(meetingOn);
      expect(whereWeAre(agenda)).toBe(line);
      expect(blockText(agenda)).toContain(standingItem);
    },
  );

  it('reminds a week, a day and on the day of every deadline that is not optional, at 09:00 local, in the release channel', () => {
    const reminders = ofKind(posts, 'reminder');
    expect(
      reminders.map(
        (r) => `${localOf(r).toFormat('yyyy-MM-dd HH:mm')} ${r.key.split(':').slice(2).join(':')}`,
      ),
    ).toEqual(cycle.reminders);
    expect(new Set(reminders.map((r) => r.channel))).toEqual(new Set([CHANNEL]));
    const release = reminders.find((r) => r.key.endsWith(`:release:${cycle.milestones.at(-1)?.[1]}:0d`));
    expect(blockText(release)).toContain(`<@${cycle.releaseOwner}>`);
  });

  it('escalates the missing revisions the morning after they were due, and nothing it cannot check', () => {
    expect(
      ofKind(posts, 'escalation').map((e) => [e.key, e.channel, localOf(e).toFormat('yyyy-MM-dd HH:mm')]),
    ).toEqual(cycle.escalations);
  });

  it.each(cycle.days)('on %s, status says week %i, phases %j, freeze %s', (date, week, phases, freeze) => {
    world.clock.set(DateTime.fromISO(`${date}T12:00`, { zone: ZONE }).toISO() ?? '');
    const status = getReleaseStatus(world.services, cycle.release.version);
    expect([
      status.today,
      status.week,
      status.phases.map((p) => p.key).sort(),
      status.revisions.freeze,
    ]).toEqual([date, week, phases, freeze]);
  });
});

describe.each([TWELVE_WEEKS, SEVENTEEN_WEEKS_FROM_WEDNESDAY])('the scheduled jobs of $title', (cycle) => {
  it('queue exactly the rehearsed posts when run at every due time and the minute after', () => {
    const world = cycleWorld(cycle.release);
    try {
      const planned = rehearse(world.services, cycle.span).posts;
      for (const time of [...new Set(planned.map((p) => p.at))]) {
        const at = DateTime.fromISO(time, { zone: 'utc' });
        runDueJobs(world.services, at);
        expect(runDueJobs(world.services, at.plus({ minutes: 1 }))).toMatchObject({ ran: [], posts: 0 });
      }
      const queued = world.services.store.db.prepare('SELECT key FROM outbox ORDER BY id').all() as {
        key: string;
      }[];
      expect(queued.map((row) => row.key)).toEqual(planned.map((p) => p.key));
      expect(world.services.store.jobRuns.all().filter((r) => r.outcome === 'skipped')).toEqual([]);
    } finally {
      world.close();
    }
  });
});
