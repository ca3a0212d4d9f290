import { DateTime } from 'luxon';
import { renderedPayload } from '../helpers/rendered-posts';
import { buildServices } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { startScheduler } from '../../src/jobs/scheduler';
import { computeDue } from '../../src/workflows/compute-due';
import { rehearse } from '../../src/workflows/rehearse';
import { shipComponent, skipComponent } from '../../src/workflows/component-skips';
import { runDueJobs } from '../../src/workflows/run-due-jobs';
import {
  acceptRevisions,
  ALAN,
  BARBARA,
  CHANNEL,
  EDSGER,
  GRACE,
  KATHERINE,
  RM,
  scheduleWorld,
  type ScheduleWorld,
} from './schedule-world';

const at = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });
const outboxKeys = (w: ScheduleWorld) =>
  (w.services.store.db.prepare('SELECT key FROM outbox ORDER BY id').all() as { key: string }[]).map(
    (r) => r.key,
  );
/** An outbox row with its payload as the message Slack receives. */
const outboxRow = (w: ScheduleWorld, key: string) => {
  const row = w.services.store.db.prepare('SELECT channel, payload FROM outbox WHERE key = ?').get(key) as
    { channel: string; payload: string } | undefined;
  return row ? { ...row, payload: renderedPayload(row.payload) } : undefined;
};

let world: ScheduleWorld;
afterEach(() => world.close());

describe('running the scheduled jobs', () => {
  it('over a whole cycle, ticking at every due time and the minute after, queues exactly what the rehearsal shows', () => {
    world = scheduleWorld({ meeting: ['tue', '16:00'] });
    const planned = rehearse(world.services, { from: '2026-02-01', to: '2026-07-31' }).posts;
    const times = [...new Set(planned.map((p) => p.at))];
    for (const time of times) {
      runDueJobs(world.services, at(time));
      expect(runDueJobs(world.services, at(time).plus({ minutes: 1 }))).toMatchObject({
        ran: [],
        skipped: [],
        posts: 0,
      });
    }
    expect(outboxKeys(world)).toEqual(planned.map((p) => p.key));
    const runs = world.services.store.jobRuns.all();
    expect(runs.filter((r) => r.outcome === 'skipped')).toEqual([]);
    // Escalations of milestones kfrelease cannot check run, and say nothing; so does the check of
    // Development's end, whose only item is optional, and the start of Feature Freeze when no
    // feature is tracked.
    expect(runs.filter((r) => r.outcome === 'nothing_to_say').map((r) => r.key)).toEqual([
      'phase_end:1:development:2026-05-10',
      'phase_start:1:feature_freeze',
      'escalation:1:rc.0:2026-05-11',
      'escalation:1:release_branch:2026-05-11',
      'escalation:1:rc.1:2026-05-22',
      'escalation:1:rc.2:2026-05-29',
      'escalation:1:release:2026-06-22',
    ]);
  });

  it('after a crash between the job transaction and delivery, a restarted process posts nothing twice', () => {
    world = scheduleWorld({ now: '2026-05-11T13:00:00Z' });
    const due = at('2026-05-11T14:00:00Z'); // Monday 16:00 Berlin: the agenda of Tuesday's meeting
    expect(runDueJobs(world.services, due)).toMatchObject({
      ran: ['agenda:1:2026-05-12', 'note_taker:1:2026-05-12'],
      posts: 2,
    });
    world.services.store.db.close(); // the process dies before the outbox sender runs

    const loaded = loadConfig({ DATABASE_PATH: world.databasePath, LOG_LEVEL: 'silent' });
    if (!loaded.ok) throw new Error('config');
    const restarted = buildServices(loaded.config, { clock: world.clock, logger: createLogger('silent') });
    world = { ...world, services: restarted };
    expect(computeDue(restarted, due.plus({ minutes: 1 }))).toEqual([]);
    expect(runDueJobs(restarted, due.plus({ minutes: 1 }))).toMatchObject({ ran: [], posts: 0 });
    expect(outboxKeys(world)).toEqual(['agenda:1:2026-05-12', `note_taker:1:2026-05-12:${KATHERINE}`]);
  });

  it('after a crash inside the job transaction, nothing is kept and the next tick runs it once', () => {
    world = scheduleWorld({ now: '2026-05-11T13:00:00Z' });
    const { store } = world.services;
    const enqueue = store.outbox.enqueue;
    let failOnce = true;
    const failing = {
      ...world.services,
      store: {
        ...store,
        outbox: {
          ...store.outbox,
          enqueue: (...args: Parameters<typeof enqueue>) => {
            if (failOnce) {
              failOnce = false;
              throw new Error('disk I/O error');
            }
            return enqueue(...args);
          },
        },
      },
    };
    const first = runDueJobs(failing, at('2026-05-11T14:00:00Z'));
    expect(first.failed).toEqual(['agenda:1:2026-05-12']);
    expect(store.jobRuns.byKey('agenda:1:2026-05-12')).toBeNull();
    expect(outboxKeys(world)).toEqual([`note_taker:1:2026-05-12:${KATHERINE}`]);
    expect(runDueJobs(failing, at('2026-05-11T14:01:00Z')).ran).toEqual(['agenda:1:2026-05-12']);
    expect(runDueJobs(failing, at('2026-05-11T14:02:00Z')).ran).toEqual([]);
    expect(outboxKeys(world)).toEqual([`note_taker:1:2026-05-12:${KATHERINE}`, 'agenda:1:2026-05-12']);
  });

  it('after three days down, catches up what is still useful, skips the rest and tells the release manager once', () => {
    world = scheduleWorld({ now: '2026-05-09T12:00:00Z' });
    expect(runDueJobs(world.services, at('2026-05-09T12:00:00Z')).ran).toEqual([]);
    // Down from Saturday noon to Tuesday noon UTC (14:00 Berlin); the meeting is Tuesday 16:00.
    const back = runDueJobs(world.services, at('2026-05-12T12:00:00Z'));
    expect([...back.skipped].sort()).toEqual([
      'reminder:1:rc.0:2026-05-11:0d',
      'reminder:1:rc.0:2026-05-11:1d',
      'reminder:1:release_branch:2026-05-11:0d',
      'reminder:1:release_branch:2026-05-11:1d',
      'reminder:1:revisions:2026-05-11:0d',
      'reminder:1:revisions:2026-05-11:1d',
    ]);
    expect([...back.ran].sort()).toEqual([
      'agenda:1:2026-05-12',
      'escalation:1:rc.0:2026-05-11',
      'escalation:1:release_branch:2026-05-11',
      'escalation:1:revisions:2026-05-11',
      'note_taker:1:2026-05-12',
      'phase_end:1:development:2026-05-10',
      'phase_start:1:feature_freeze',
    ]);
    const missed = `missed:1:2026-05-12T12:00:00.000Z:${RM}`;
    expect(outboxKeys(world)).toEqual([
      'agenda:1:2026-05-12',
      `note_taker:1:2026-05-12:${KATHERINE}`,
      `escalation:1:revisions:2026-05-11:${RM}`,
      missed,
    ]);
    const note = JSON.parse(outboxRow(world, missed)!.payload);
    expect(note.text).toMatch(/kfrelease was not running/);
    expect(JSON.stringify(note.blocks)).toContain(
      'Reminder 1d before Git revisions from every working group (due 2026-05-11)',
    );
    expect(runDueJobs(world.services, at('2026-05-12T12:01:00Z'))).toMatchObject({
      ran: [],
      skipped: [],
      posts: 0,
    });
    expect(runDueJobs(world.services, at('2026-05-13T12:00:00Z'))).toMatchObject({
      ran: [],
      skipped: [],
      posts: 0,
    });
  });

  it('catches up reminders still before their deadline after a weekend down', () => {
    world = scheduleWorld({ now: '2026-05-08T12:00:00Z', meeting: null });
    const back = runDueJobs(world.services, at('2026-05-11T14:00:00Z'));
    expect(back.skipped).toEqual([]);
    expect(back.ran.filter((k) => k.includes('revisions'))).toEqual([
      'reminder:1:revisions:2026-05-11:1d',
      'reminder:1:revisions:2026-05-11:0d',
    ]);
  });

  it('skips the agenda of a meeting that started while kfrelease was down, and catches up the escalation', () => {
    world = scheduleWorld({ now: '2026-05-08T12:00:00Z' });
    const back = runDueJobs(world.services, at('2026-05-12T15:00:00Z'));
    expect(back.skipped).toEqual(expect.arrayContaining(['agenda:1:2026-05-12', 'note_taker:1:2026-05-12']));
    expect(back.ran).toEqual(expect.arrayContaining(['escalation:1:revisions:2026-05-11']));
    expect(outboxKeys(world)).toEqual([
      `escalation:1:revisions:2026-05-11:${RM}`,
      `missed:1:2026-05-12T15:00:00.000Z:${RM}`,
    ]);
    const note = JSON.parse(outboxRow(world, `missed:1:2026-05-12T15:00:00.000Z:${RM}`)!.payload);
    expect(JSON.stringify(note.blocks)).toContain(
      'Agenda for the meeting of Tue 12 May 2026, 16:00 Europe/Berlin',
    );
  });

  it('lets a late catch-up wait out the quiet hours while the reminder is still useful', () => {
    world = scheduleWorld({ now: '2026-05-08T12:00:00Z', meeting: null });
    // Back on Sunday 22:30 Berlin: the day-before reminders are still useful but it is night.
    expect(runDueJobs(world.services, at('2026-05-10T20:30:00Z'))).toMatchObject({ ran: [], skipped: [] });
    expect(runDueJobs(world.services, at('2026-05-11T05:59:00Z')).ran).toEqual([]);
    expect(runDueJobs(world.services, at('2026-05-11T06:00:00Z')).ran.sort()).toEqual([
      'reminder:1:rc.0:2026-05-11:1d',
      'reminder:1:release_branch:2026-05-11:1d',
      'reminder:1:revisions:2026-05-11:1d',
    ]);
  });
});

describe('reminders ping only the people who still owe something', () => {
  it('on Feature Freeze day names the liaisons of the WGs with no revision and the repositories they owe, and escalates only what is still open', () => {
    world = scheduleWorld({ now: '2026-05-10T12:00:00Z', meeting: null });
    for (const wg of ['Notebooks', 'AutoML', 'KServe', 'Manifests']) acceptRevisions(world, wg);
    acceptRevisions(world, 'Pipelines', ['kubeflow/pipelines']);
    runDueJobs(world.services, at('2026-05-11T07:00:00Z'));
    const reminder = outboxRow(world, 'reminder:1:revisions:2026-05-11:0d')!;
    expect(reminder.channel).toBe(CHANNEL);
    const blocks = JSON.stringify(JSON.parse(reminder.payload).blocks);
    expect(blocks).toContain(
      `Pipelines: no accepted revision for kubeflow/kfp-tekton (Kubeflow Tekton Pipelines): <@${ALAN}>`,
    );
    expect(blocks).toContain(
      `Training: no accepted revision for kubeflow/training-operator (Training Operator): <@${KATHERINE}>`,
    );
    expect(blocks).not.toContain('kubeflow/pipelines');
    for (const done of [GRACE, EDSGER, BARBARA]) expect(blocks).not.toContain(done);

    acceptRevisions(world, 'Pipelines', ['kubeflow/kfp-tekton']);
    runDueJobs(world.services, at('2026-05-12T07:00:00Z'));
    const escalation = JSON.stringify(
      JSON.parse(outboxRow(world, `escalation:1:revisions:2026-05-11:${RM}`)!.payload).blocks,
    );
    expect(escalation).toContain(
      `Training: no accepted revision for kubeflow/training-operator (Training Operator): <@${KATHERINE}>`,
    );
    expect(escalation).not.toContain('Pipelines');
  });

  it('leaves a component marked as not shipping out of what is owed, says so, and owes it again once taken back', () => {
    world = scheduleWorld({ now: '2026-05-10T12:00:00Z', meeting: null });
    for (const wg of ['Notebooks', 'AutoML', 'KServe', 'Manifests', 'Training']) acceptRevisions(world, wg);
    acceptRevisions(world, 'Pipelines', ['kubeflow/pipelines']);
    const reason = ['The', 'Tekton', 'backend', 'is', 'not', 'released', 'this', 'cycle'];
    skipComponent(world.services, { userId: RM, words: ['kubeflow/kfp-tekton', ...reason] });

    runDueJobs(world.services, at('2026-05-11T07:00:00Z'));
    expect(outboxKeys(world).filter((k) => k.includes('revisions'))).toEqual([]);
    expect(world.services.store.jobRuns.byKey('reminder:1:revisions:2026-05-11:0d')?.outcome).toBe(
      'nothing_to_say',
    );

    shipComponent(world.services, { userId: RM, words: ['Kubeflow', 'Tekton', 'Pipelines'] });
    runDueJobs(world.services, at('2026-05-12T07:00:00Z'));
    const escalation = JSON.stringify(
      JSON.parse(outboxRow(world, `escalation:1:revisions:2026-05-11:${RM}`)!.payload).blocks,
    );
    expect(escalation).toContain(
      `Pipelines: no accepted revision for kubeflow/kfp-tekton (Kubeflow Tekton Pipelines): <@${ALAN}>`,
    );
  });

  it('names the components not shipping under a reminder that still has something owed', () => {
    world = scheduleWorld({ now: '2026-05-10T12:00:00Z', meeting: null });
    for (const wg of ['Notebooks', 'AutoML', 'KServe', 'Manifests']) acceptRevisions(world, wg);
    acceptRevisions(world, 'Pipelines', ['kubeflow/pipelines']);
    skipComponent(world.services, {
      userId: RM,
      words: ['kubeflow/kfp-tekton', 'Not', 'released', 'this', 'cycle'],
    });
    runDueJobs(world.services, at('2026-05-11T07:00:00Z'));
    const blocks = JSON.stringify(
      JSON.parse(outboxRow(world, 'reminder:1:revisions:2026-05-11:0d')!.payload).blocks,
    );
    expect(blocks).toContain(
      `Training: no accepted revision for kubeflow/training-operator (Training Operator): <@${KATHERINE}>`,
    );
    expect(blocks).not.toContain(ALAN);
    expect(blocks).toContain(
      'Owed by Working groups. Only those who still owe something are named. Not shipping this cycle: Kubeflow Tekton Pipelines (Pipelines).',
    );
  });

  it('says nothing when every revision is in', () => {
    world = scheduleWorld({ now: '2026-05-10T12:00:00Z', meeting: null });
    for (const wg of ['Notebooks', 'Pipelines', 'Training', 'AutoML', 'KServe', 'Manifests'])
      acceptRevisions(world, wg);
    runDueJobs(world.services, at('2026-05-11T07:00:00Z'));
    runDueJobs(world.services, at('2026-05-12T07:00:00Z'));
    expect(outboxKeys(world).filter((k) => k.includes('revisions'))).toEqual([]);
    expect(world.services.store.jobRuns.byKey('reminder:1:revisions:2026-05-11:0d')?.outcome).toBe(
      'nothing_to_say',
    );
    expect(world.services.store.jobRuns.byKey('escalation:1:revisions:2026-05-11')?.outcome).toBe(
      'nothing_to_say',
    );
  });
});

describe('startScheduler', () => {
  it('runs one tick at once (catching up), hands the posts to the sender, and stops', async () => {
    world = scheduleWorld({ now: '2026-05-11T13:00:00Z' });
    world.clock.set('2026-05-11T14:00:00Z');
    let kicks = 0;
    const scheduler = startScheduler({ ...world.services, deliverSoon: () => (kicks += 1) });
    await scheduler.stop();
    expect(kicks).toBe(1);
    expect(outboxKeys(world)).toEqual(['agenda:1:2026-05-12', `note_taker:1:2026-05-12:${KATHERINE}`]);
    scheduler.tick();
    expect(kicks).toBe(1);
  });
});
