import { DateTime } from 'luxon';
import { rendered } from '../helpers/rendered-posts';
import { rehearse, type RehearsedPost as Rehearsed } from '../../src/workflows/rehearse';
import { CHANNEL, RM, ROTATION, scheduleWorld, type ScheduleWorld } from './schedule-world';

/** A rehearsed post with its message rendered as Slack would receive it. */
type RehearsedPost = Rehearsed & { text: string; blocks: unknown[] };

const localOf = (p: RehearsedPost, zone: string) => DateTime.fromISO(p.at).setZone(zone);
const ofKind = (posts: RehearsedPost[], kind: string) => posts.filter((p) => p.kind === kind);
const blockText = (p: RehearsedPost) => JSON.stringify(p.blocks);

describe('rehearsing a whole 17-week cycle (v1.10.0, week 1 = Mon 2 Mar 2026, Europe/Berlin, meetings Tue 16:00)', () => {
  let world: ScheduleWorld;
  let posts: RehearsedPost[];
  const ZONE = 'Europe/Berlin';

  beforeAll(() => {
    world = scheduleWorld({ meeting: ['tue', '16:00', 'https://example.com/notes'] });
    const before = world.services.store.db.prepare('SELECT COUNT(*) AS n FROM outbox').get();
    posts = rendered(rehearse(world.services, { from: '2026-02-01', to: '2026-07-31' }).posts);
    expect(world.services.store.db.prepare('SELECT COUNT(*) AS n FROM outbox').get()).toEqual(before);
    expect(world.services.store.jobRuns.all()).toEqual([]);
  });
  afterAll(() => world.close());

  it('lists every post in time order', () => {
    const times = posts.map((p) => p.at);
    expect(times).toEqual([...times].sort());
    expect(posts.length).toBe(25 + 25 + 18 + 1 + 6);
  });

  it('checks each phase the morning after its planned end, telling the release manager what is unmet', () => {
    const ends = ofKind(posts, 'phase_end');
    // Development has only an optional item, and Post Release ends the cycle: no check for either.
    expect(ends.map((p) => p.key)).toEqual([
      `phase_end:1:preparation:2026-03-01:${RM}`,
      `phase_end:1:feature_freeze:2026-05-24:${RM}`,
      `phase_end:1:manifests_testing:2026-05-31:${RM}`,
      `phase_end:1:distribution_testing:2026-06-21:${RM}`,
      `phase_end:1:documentation:2026-06-21:${RM}`,
      `phase_end:1:release_day:2026-06-28:${RM}`,
    ]);
    for (const end of ends) {
      expect(end.channel).toBe(RM);
      expect(localOf(end, ZONE).toFormat('ccc')).toBe('Mon');
    }
    const freeze = ends[1]!;
    expect(freeze.text).toMatch(
      /^Feature Freeze of Kubeflow v1\.10\.0 ended with \d+ required criteria unmet$/,
    );
    expect(blockText(freeze)).toContain('`manifests-updated` Manifests updated');
    expect(blockText(freeze)).toContain('phase_end_move_on');
  });

  it('posts the agenda of each of the 25 meetings (preparation to post-release) at Monday 16:00 local', () => {
    const agendas = ofKind(posts, 'agenda');
    expect(agendas).toHaveLength(25);
    expect(agendas[0]?.key).toBe('agenda:1:2026-02-03');
    expect(agendas[24]?.key).toBe('agenda:1:2026-07-21');
    for (const agenda of agendas) {
      expect(localOf(agenda, ZONE).toFormat('ccc HH:mm')).toBe('Mon 16:00');
      expect(agenda.channel).toBe(CHANNEL);
      expect(agenda.text).toMatch(/release team meeting, Tue \d+ \w+ 2026, 16:00 Europe\/Berlin$/);
    }
    // Across the change to summer time on 29 March the UTC time moves, the local time does not.
    expect(agendas.find((a) => a.key.endsWith('2026-03-24'))?.at).toBe('2026-03-23T15:00:00.000Z');
    expect(agendas.find((a) => a.key.endsWith('2026-03-31'))?.at).toBe('2026-03-30T14:00:00.000Z');
  });

  it('builds each agenda from the phase and week of its meeting, with the standing items of the phase', () => {
    const agenda = (date: string) => blockText(ofKind(posts, 'agenda').find((a) => a.key.endsWith(date))!);
    expect(agenda('2026-02-03')).toContain('4 week(s) before week 1 · Preparation');
    expect(agenda('2026-02-03')).toContain('Propose the release timeline');
    expect(agenda('2026-03-03')).toContain('Week 1 of 17 · Development');
    expect(agenda('2026-03-03')).not.toContain('Git revisions*');
    expect(agenda('2026-05-12')).toContain('Week 11 of 17 · Feature Freeze');
    expect(agenda('2026-05-12')).toContain(
      'No accepted revision yet from: AutoML (kubeflow/katib), KServe (kserve/kserve, kserve/models-web-app), Manifests (istio/istio, knative/serving, knative/eventing, cert-manager/cert-manager), Notebooks (kubeflow/kubeflow), Pipelines (kubeflow/pipelines, kubeflow/kfp-tekton), Training (kubeflow/training-operator)',
    );
    expect(agenda('2026-05-12')).toContain(
      'Identify bugs at risk early in the first week; fix them aggressively or punt them',
    );
    expect(agenda('2026-05-12')).toContain(
      'rc.1 tagged on the last day of feature freeze (v1.10.0-rc.1): Fri 22 May, in 10 days',
    );
    expect(agenda('2026-06-09')).toContain('Distribution testing');
    expect(agenda('2026-06-23')).toContain('Publish the release blog post');
    expect(agenda('2026-05-12')).toContain('<https://example.com/notes|meeting notes>');
  });

  it('rotates the note-taker over the five liaisons by GitHub login, named in the agenda and told the day before', () => {
    const notices = ofKind(posts, 'note_taker');
    expect(notices).toHaveLength(25);
    notices.forEach((notice, i) => {
      expect(notice.channel).toBe(ROTATION[i % 5]);
      expect(localOf(notice, ZONE).toFormat('ccc HH:mm')).toBe('Mon 16:00');
    });
    ofKind(posts, 'agenda').forEach((agenda, i) =>
      expect(blockText(agenda)).toContain(`*Note-taker:* <@${ROTATION[i % 5]}>`),
    );
  });

  it('reminds a week, a day and on the day before every deadline that is not optional, at 09:00 local, in the release channel', () => {
    const reminders = ofKind(posts, 'reminder');
    expect(
      reminders.map(
        (r) => `${localOf(r, ZONE).toFormat('yyyy-MM-dd HH:mm')} ${r.key.split(':').slice(2).join(':')}`,
      ),
    ).toEqual([
      '2026-05-04 09:00 rc.0:2026-05-11:7d',
      '2026-05-04 09:00 release_branch:2026-05-11:7d',
      '2026-05-04 09:00 revisions:2026-05-11:7d',
      '2026-05-10 09:00 rc.0:2026-05-11:1d',
      '2026-05-10 09:00 release_branch:2026-05-11:1d',
      '2026-05-10 09:00 revisions:2026-05-11:1d',
      '2026-05-11 09:00 rc.0:2026-05-11:0d',
      '2026-05-11 09:00 release_branch:2026-05-11:0d',
      '2026-05-11 09:00 revisions:2026-05-11:0d',
      '2026-05-15 09:00 rc.1:2026-05-22:7d',
      '2026-05-21 09:00 rc.1:2026-05-22:1d',
      '2026-05-22 09:00 rc.1:2026-05-22:0d',
      '2026-05-22 09:00 rc.2:2026-05-29:7d',
      '2026-05-28 09:00 rc.2:2026-05-29:1d',
      '2026-05-29 09:00 rc.2:2026-05-29:0d',
      '2026-06-15 09:00 release:2026-06-22:7d',
      '2026-06-21 09:00 release:2026-06-22:1d',
      '2026-06-22 09:00 release:2026-06-22:0d',
    ]);
    expect(new Set(reminders.map((r) => r.channel))).toEqual(new Set([CHANNEL]));
    const rc1 = reminders.find((r) => r.key.endsWith('rc.1:2026-05-22:0d'))!;
    expect(rc1.text).toBe(
      'Due today (Fri 22 May) for Kubeflow v1.10.0: rc.1 tagged on the last day of feature freeze (v1.10.0-rc.1)',
    );
    expect(blockText(rc1)).toContain('<@U0BARB001>'); // the Manifests WG liaison
    expect(blockText(reminders.find((r) => r.key.includes(':release:'))!)).toContain(`<@${RM}>`);
  });

  it('escalates the missing revisions to the release manager the next morning, and nothing it cannot check', () => {
    const escalations = ofKind(posts, 'escalation');
    expect(escalations.map((e) => [e.key, e.channel, localOf(e, ZONE).toFormat('yyyy-MM-dd HH:mm')])).toEqual(
      [[`escalation:1:revisions:2026-05-11:${RM}`, RM, '2026-05-12 09:00']],
    );
  });
});

describe('daylight-saving weeks of 2026: meetings Monday 10:00, agendas the day before', () => {
  it.each([
    [
      'Europe/Berlin',
      '2026-03-02',
      '2026-03-20',
      '2026-04-05',
      ['2026-03-22T09:00', '2026-03-29T08:00', '2026-04-05T08:00'],
    ],
    [
      'Europe/Berlin',
      '2026-08-03',
      '2026-10-16',
      '2026-11-01',
      ['2026-10-18T08:00', '2026-10-25T09:00', '2026-11-01T09:00'],
    ],
    [
      'America/Los_Angeles',
      '2026-03-02',
      '2026-02-27',
      '2026-03-15',
      ['2026-03-01T18:00', '2026-03-08T17:00', '2026-03-15T17:00'],
    ],
    [
      'America/Los_Angeles',
      '2026-08-03',
      '2026-10-23',
      '2026-11-08',
      ['2026-10-25T17:00', '2026-11-01T18:00', '2026-11-08T18:00'],
    ],
  ])('%s, cycle from %s: %s to %s', (zone, start, from, to, utcTimes) => {
    const world = scheduleWorld({ zone, start, meeting: ['mon', '10:00', 'agenda=24h'] });
    try {
      const posts = rendered(rehearse(world.services, { from, to }).posts);
      const agendas = ofKind(posts, 'agenda');
      expect(agendas.map((a) => a.at.slice(0, 16))).toEqual(utcTimes);
      for (const post of [...agendas, ...ofKind(posts, 'note_taker')]) {
        expect(localOf(post, zone).toFormat('ccc HH:mm')).toBe('Sun 10:00');
      }
      for (const agenda of agendas) expect(agenda.text).toContain(', 10:00 ');
      for (const reminder of ofKind(posts, 'reminder'))
        expect(localOf(reminder, zone).toFormat('HH:mm')).toBe('09:00');
    } finally {
      world.close();
    }
  });

  it('keeps reminders at 09:00 local on both sides of the autumn change in Berlin', () => {
    const world = scheduleWorld({ start: '2026-08-03', meeting: null });
    try {
      const reminders = ofKind(
        rendered(rehearse(world.services, { from: '2026-10-20', to: '2026-10-31' }).posts),
        'reminder',
      );
      expect(reminders.map((r) => `${r.at.slice(0, 16)} ${r.key.split(':').slice(2).join(':')}`)).toEqual([
        '2026-10-22T07:00 rc.1:2026-10-23:1d',
        '2026-10-23T07:00 rc.1:2026-10-23:0d',
        '2026-10-23T07:00 rc.2:2026-10-30:7d',
        '2026-10-29T08:00 rc.2:2026-10-30:1d',
        '2026-10-30T08:00 rc.2:2026-10-30:0d',
      ]);
    } finally {
      world.close();
    }
  });
});
