import { runCli } from '../../src/cli/main';
import { databaseSnapshot } from '../helpers/database-snapshot';
import { startAppWithTeam } from '../helpers/release-with-team';
import { answerText, RELEASE_CHANNEL, type TestApp } from '../helpers/start-app';

const RM = 'U0ADA0001';
const ALAN = 'U0ALAN001';

/** v1.10.0: week 1 Mon 2 Mar 2026; rc.1 Fri 22 May, rc.2 Fri 29 May, release day Mon 22 Jun. */
describe('delaying a milestone', () => {
  let app: TestApp;
  const release = () => {
    const found = app.services.store.releases.findByVersion('v1.10.0');
    if (!found) throw new Error('no release');
    return found;
  };
  const due = (which: 'firstPlan' | 'latestPlan', key: string) =>
    app.services.store.releases[which](release())?.timeline.milestones.find((m) => m.key === key)?.dueOn;

  beforeAll(async () => {
    app = await startAppWithTeam('2026-05-12T10:00:00Z');
  });
  afterAll(async () => {
    app.slack.assertNoUnexpectedCalls();
    await app.stop();
  });

  it('is refused to anyone but the release manager, naming who may', async () => {
    const before = databaseSnapshot(app.services.store.db);
    const text = answerText(await app.command('delay rc.1 2026-05-29 Pipelines needs a week', ALAN));
    expect(text).toContain(
      'Only the release manager of v1.10.0 (<@U0ADA0001>) or an admin can delay v1.10.0.',
    );
    expect(databaseSnapshot(app.services.store.db)).toBe(before);
  });

  it.each([
    ['without a reason', 'delay rc.1 2026-05-29', 'Give the milestone, its new date and the reason.'],
    [
      'to a date that is not one',
      'delay rc.1 29/05/2026 Pipelines needs a week',
      '"29/05/2026" is not a date',
    ],
    ['to an earlier date', 'delay rc.1 2026-05-20 Pipelines is early', 'is not later'],
    [
      'an unknown milestone',
      'delay rc.9 2026-05-29 Pipelines needs a week',
      'Use one of: release_branch, rc.0, rc.1',
    ],
  ])('refuses a delay %s, changing nothing', async (_case, command, problem) => {
    const before = databaseSnapshot(app.services.store.db);
    const text = answerText(await app.command(command, RM));
    expect(text).toContain(problem);
    expect(text).toContain('`/kfrelease delay &lt;milestone&gt; &lt;new-date&gt; &lt;reason&gt;');
    expect(databaseSnapshot(app.services.store.db)).toBe(before);
  });

  it('re-plans the milestone and everything after it by the same days, keeping the first plan', async () => {
    const text = answerText(
      await app.command('delay rc.1 2026-05-29 Pipelines needs a week for the backend fix', RM),
    );
    expect(text).toContain(
      'Delayed *rc.1 tagged on the last day of feature freeze* of v1.10.0 from Fri 22 May 2026 to Fri 29 May 2026 (7 days)',
    );
    expect(text).toContain('(calendar days). This is plan 2; the first plan and every re-plan are kept.');
    expect(text).toContain('• Feature Freeze ends: Sun 24 May 2026 → Sun 31 May 2026');
    expect(text).toContain('• Manifests testing starts: Mon 25 May 2026 → Mon 1 Jun 2026');
    expect(text).toContain('• Final release published: Mon 22 Jun 2026 → Mon 29 Jun 2026');
    expect(text).not.toContain('Release branch created:');
    expect([
      due('latestPlan', 'rc.0'),
      due('latestPlan', 'rc.1'),
      due('latestPlan', 'rc.2'),
      due('latestPlan', 'release'),
    ]).toEqual(['2026-05-11', '2026-05-29', '2026-06-05', '2026-06-29']);
    expect([due('firstPlan', 'rc.1'), due('firstPlan', 'release')]).toEqual(['2026-05-22', '2026-06-22']);
    expect(app.services.store.releases.planCount(release().id)).toBe(2);
    const post = await app.slack.waitForCall('chat.postMessage', (c) =>
      String(c.args.text).includes('delayed rc.1'),
    );
    expect(post.args).toMatchObject({ channel: RELEASE_CHANNEL });
  });

  it('shows the slip against the first plan in the timeline and the status', async () => {
    const timeline = answerText(await app.command('timeline', ALAN));
    expect(timeline).toContain('Fri 29 May 2026: *rc.1 tagged on the last day of feature freeze*');
    expect(timeline).toContain('_(first plan Fri 22 May 2026, 7 days later than first planned)_');
    expect(timeline).toContain(
      '*Release day is 7 days later than first planned* (first plan Mon 22 Jun 2026)',
    );
    expect(timeline).toContain(
      'plan 2, re-planned 2026-05-12: Delayed rc.1 tagged on the last day of feature freeze',
    );
    const status = answerText(await app.command('status', ALAN));
    expect(status).toContain(
      '*Release day:* Mon 29 Jun 2026, in 48 days · _7 days later than first planned_',
    );
  });

  it('warns when the moved dates fall on a holiday', async () => {
    const text = answerText(
      await app.command('delay release 2026-07-03 the Training fix needs a second RC', RM),
    );
    expect(text).toContain('This is plan 3');
    expect(text).toContain('Moved dates on holidays or conferences');
    expect(text).toContain(
      'Fri 3 Jul 2026: Final release published (v1.10.0) on *Independence Day (observed)* (United States)',
    );
    expect(due('firstPlan', 'release')).toBe('2026-06-22');
  });

  it('records every delay in the decision log with its reason, beside the revision decisions', async () => {
    app.services.store.audit.record({
      at: '2026-05-12T11:00:00.000Z',
      actor: RM,
      releaseId: release().id,
      action: 'revision.denied',
      details: {
        wg: 'Pipelines',
        repo: 'kubeflow/pipelines',
        revision: '2.6.0',
        reason: 'A minor bump after the freeze',
      },
    });
    const text = answerText(await app.command('decisions v1.10.0', ALAN));
    expect(text).toContain(
      'Delayed rc.1 tagged on the last day of feature freeze from 2026-05-22 to 2026-05-29 (7 days), and everything after it (plan 2)',
    );
    expect(text).toContain('_Pipelines needs a week for the backend fix_');
    expect(text).toContain('Delayed Final release published from 2026-06-29 to 2026-07-03 (4 days)');
    expect(text).toContain(
      'Denied a revision: Pipelines kubeflow/pipelines 2.6.0\n    _A minor bump after the freeze_',
    );
    expect(
      app.services.store.audit.forRelease(release().id).filter((e) => e.action === 'plan.delayed'),
    ).toHaveLength(2);
  });

  it('prints the decision log at the command line', async () => {
    const out: string[] = [];
    const env = {
      DATABASE_PATH: app.databasePath,
      KFRELEASE_NOW: '2026-05-12T10:00:00Z',
      LOG_LEVEL: 'silent',
    };
    expect(
      await runCli(['decisions', '--json'], env, { out: (l) => out.push(l), err: (l) => out.push(l) }),
    ).toBe(0);
    const log = JSON.parse(out.join('\n')) as {
      decisions: { action: string; actor: string; reason: string }[];
    };
    expect(log.decisions.map((d) => [d.action, d.actor, d.reason])).toEqual([
      ['plan.delayed', RM, 'Pipelines needs a week for the backend fix'],
      ['plan.delayed', RM, 'the Training fix needs a second RC'],
      ['revision.denied', RM, 'A minor bump after the freeze'],
    ]);
  });
});
