import { createReleaseInSlack } from '../helpers/create-release-in-slack';
import { statusBlocks } from '../../src/slack/blocks/status-blocks';
import { getPhaseView } from '../../src/workflows/phase-control';
import { getReleaseStatus } from '../../src/workflows/release-status';
import { databaseSnapshot } from '../helpers/database-snapshot';
import { startAppWithTeam } from '../helpers/release-with-team';
import { ADMIN, answerText, RELEASE_CHANNEL, startTestApp, type TestApp } from '../helpers/start-app';
import { trackedIssue } from '../helpers/tracked-issue';

const RM = 'U0ADA0001';
const GRACE = 'U0GRACE01';
const ALAN = 'U0ALAN001';
const DONALD = 'U0DONA001';

/** v1.10.0: week 1 Mon 2 Mar 2026; Feature Freeze planned from Mon 11 May, Manifests testing from Mon 25 May. */
describe('phase control: checklists and moving on', () => {
  let app: TestApp;
  const store = () => app.services.store;
  const release = () => {
    const found = store().releases.findByVersion('v1.10.0');
    if (!found) throw new Error('no release');
    return found;
  };

  beforeAll(async () => {
    app = await startAppWithTeam('2026-05-06T10:00:00Z');
  });
  afterAll(async () => {
    app.slack.assertNoUnexpectedCalls();
    await app.stop();
  });

  it("shows the current phase's checklist and what comes next", async () => {
    const text = answerText(await app.command('phase', ALAN));
    expect(text).toContain('Kubeflow v1.10.0: Development');
    expect(text).toContain('Next: *Feature Freeze* from Mon 11 May 2026');
    expect(text).toContain(
      '`feature-docs-flagged` Issues tracking new features say whether the docs need an update _(optional)_',
    );
    expect(text).toContain('Every criterion is met.');
  });

  it.each([
    ['a liaison', ALAN],
    ["the release manager's shadow", GRACE],
  ])('refuses %s moving the release on, naming who may', async (_who, user) => {
    const before = databaseSnapshot(store().db);
    const text = answerText(await app.command('phase advance we are ready', user));
    expect(text).toContain(
      'Only the release manager of v1.10.0 (<@U0ADA0001>) or an admin can move v1.10.0 to its next phase.',
    );
    expect(databaseSnapshot(store().db)).toBe(before);
  });

  it('lets the release manager move on with every criterion met, without a reason, re-planning so the next phase starts today', async () => {
    const text = answerText(await app.command('phase advance', RM));
    expect(text).toContain('moved from *Development* to *Feature Freeze* today (Wed 6 May 2026)');
    expect(text).toContain(
      'It starts 5 days early: re-planned as plan 2, the later dates stay where they were (release day Mon 22 Jun 2026 too)',
    );
    expect(store().releases.planCount(release().id)).toBe(2);
    expect(
      store()
        .releases.firstPlan(release())
        ?.timeline.phases.find((p) => p.key === 'feature_freeze')?.startsOn,
    ).toBe('2026-05-11');
    expect(
      store()
        .releases.latestPlan(release())
        ?.timeline.phases.find((p) => p.key === 'feature_freeze')?.startsOn,
    ).toBe('2026-05-06');
    // Documentation runs alongside from its own first day, which stays where it was planned.
    expect(getReleaseStatus(app.services).phases.map((p) => p.key)).toEqual(['feature_freeze']);
    expect(
      store()
        .releases.latestPlan(release())
        ?.timeline.milestones.find((m) => m.key === 'release')?.dueOn,
    ).toBe('2026-06-22');
    const post = await app.slack.waitForCall('chat.postMessage', (c) =>
      String(c.args.text).includes('Feature Freeze'),
    );
    expect(post.args).toMatchObject({ channel: RELEASE_CHANNEL });
    expect(String(post.args.text)).toContain(
      '<@U0ADA0001> moved from Development to Feature Freeze, 5 days early',
    );
  });

  it('shows the new phase and how the release got there', async () => {
    const text = answerText(await app.command('phase', ALAN));
    expect(text).toContain('Kubeflow v1.10.0: Feature Freeze');
    expect(text).toContain(
      'Wed 6 May 2026 – Sun 24 May 2026 · Next: *Manifests testing* from Mon 25 May 2026',
    );
    expect(text).toContain('Moved here by <@U0ADA0001> on Wed 6 May 2026, 5 days early');
    expect(text).toMatch(/:red_circle: `revisions-received` .*\(no accepted revision yet: /);
  });

  it('lets each role tick what the data says it may, and names who may when it may not', async () => {
    const refused = answerText(await app.command('check features-landed-or-punted', ALAN));
    expect(refused).toContain(
      'Only the Release Manager (<@U0ADA0001>, shadow <@U0GRACE01>) or an admin can tick "Features either landed or moved to the next release".',
    );
    expect(answerText(await app.command('check manifests-updated', ALAN))).toContain(
      ':white_check_mark: Ticked `manifests-updated`',
    );
    expect(answerText(await app.command('check manifests-updated', ALAN))).toContain(
      'was already ticked; nothing changed',
    );
    expect(answerText(await app.command('check features-landed-or-punted', RM))).toContain('Ticked');
    expect(answerText(await app.command('uncheck manifests-updated', RM))).toContain(
      'Unticked `manifests-updated`',
    );
    expect(
      store()
        .audit.forRelease(release().id)
        .map((e) => e.action),
    ).toEqual(expect.arrayContaining(['checklist.checked', 'checklist.unchecked']));
  });

  it('has each distribution give its own thumbs up', async () => {
    expect(answerText(await app.command('check distribution-thumbs-up', DONALD))).toContain('for AWS');
    const liaison = answerText(await app.command('check distribution-thumbs-up', ALAN));
    expect(liaison).toContain(
      'Only the Distribution Representatives (<@U0DONA001>, <@U0LESL001>), the Release Manager (<@U0ADA0001>, shadow <@U0GRACE01>) or an admin',
    );
    const unnamed = answerText(await app.command('check distribution-thumbs-up', RM));
    expect(unnamed).toContain('Say which distribution this is for.');
    expect(unnamed).toContain('distributions: AWS, Azure');
    expect(answerText(await app.command('check nonsense', RM))).toContain(
      'There is no checklist item "nonsense"',
    );
  });

  it('refuses to move on with criteria unmet and no reason, listing them and changing nothing', async () => {
    app.clock.set('2026-05-12T10:00:00Z');
    const before = databaseSnapshot(store().db);
    const text = answerText(await app.command('phase advance', RM));
    expect(text).toMatch(/4 criteria of Feature Freeze are not met/);
    for (const id of [
      'revisions-received',
      'manifests-updated',
      'branch-and-tags-created',
      'bugs-at-risk-identified',
    ]) {
      expect(text).toContain(`\`${id}\``);
    }
    expect(text).toContain('`/kfrelease phase advance &lt;reason&gt;`');
    expect(databaseSnapshot(store().db)).toBe(before);
  });

  it('moves on with criteria unmet when the release manager says why, and records it', async () => {
    const text = answerText(
      await app.command('phase advance Training needs two more days; the rest is ready', RM),
    );
    expect(text).toContain('moved from *Feature Freeze* to *Manifests testing* today (Tue 12 May 2026)');
    expect(text).toContain(
      'It starts 13 days early: re-planned as plan 3, the later dates stay where they were',
    );
    expect(text).toContain('4 criteria were not met');
    expect(text).toContain('Reason recorded: Training needs two more days; the rest is ready');
    expect(text).not.toContain('Now on a weekend');
    expect(
      store()
        .phaseControl.transitions(release().id)
        .map((t) => [t.fromPhase, t.toPhase, t.unmet.length]),
    ).toEqual([
      ['development', 'feature_freeze', 0],
      ['feature_freeze', 'manifests_testing', 4],
    ]);
  });

  it('shows the moves in the timeline, against the first plan', async () => {
    const text = answerText(await app.command('timeline', ALAN));
    expect(text).toMatch(
      /\*Manifests testing\*: Tue 12 May 2026 – Sun 31 May 2026\n.*moved on by <@U0ADA0001> on Tue 12 May 2026, 13 days early with 4 criteria unmet: Training needs two more days/,
    );
    expect(text).toContain('plan 3, re-planned 2026-05-12');
  });

  it('lists both moves in the decision log', async () => {
    const text = answerText(await app.command('decisions', ALAN));
    expect(text).toContain(
      'Moved from Development to Feature Freeze, 5 days early (re-planned as plan 2) with every criterion met',
    );
    expect(text).toContain(
      'Moved from Feature Freeze to Manifests testing, 13 days early (re-planned as plan 3) with 4 criteria unmet: revisions-received',
    );
    expect(text).toContain('_Training needs two more days; the rest is ready_');
  });

  it('shows the checklist progress and the move in the status', () => {
    const answer = statusBlocks(getReleaseStatus(app.services), getPhaseView(app.services));
    const text = JSON.stringify(answer.blocks);
    expect(text).toContain('*Checklist of Manifests testing:* 0 of 3 done');
    expect(text).toContain(
      'Moved to Manifests testing by <@U0ADA0001> on Tue 12 May 2026, 13 days early with 4 criteria of the phase before unmet',
    );
  });
});

/** v1.11.0: week 1 Mon 7 Sep 2026; the release manager moves through every phase on one day. */
describe('phase control: moving on several times in one day', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startAppWithTeam('2026-09-07T09:00:00Z', { version: 'v1.11.0', startDate: '2026-09-07' });
  });
  afterAll(async () => {
    app.slack.assertNoUnexpectedCalls();
    await app.stop();
  });

  it('moves one phase further each time, skipping the phases it passes, until the last', async () => {
    const order = [
      ['Development', 'Feature Freeze'],
      ['Feature Freeze', 'Manifests testing'],
      ['Manifests testing', 'Distribution testing'],
      ['Distribution testing', 'Release Day'],
      ['Release Day', 'Post Release'],
    ];
    for (const [from, to] of order) {
      const text = answerText(await app.command('phase advance rehearsing the whole cycle in one day', RM));
      expect(text).toContain(`moved from *${from}* to *${to}* today (Mon 7 Sep 2026)`);
      expect(getPhaseView(app.services, 'v1.11.0').position.current.name).toBe(to);
    }
    const last = answerText(await app.command('phase advance one more', RM));
    expect(last).toContain('Post Release is the last phase of v1.11.0: there is no next one.');
    expect(
      app.services.store.phaseControl
        .transitions(app.services.store.releases.findByVersion('v1.11.0')?.id ?? -1)
        .map((t) => t.toPhase),
    ).toEqual(['feature_freeze', 'manifests_testing', 'distribution_testing', 'release_day', 'post_release']);
  });

  it('shows the phases passed on the day they started as skipped in the timeline', async () => {
    const text = answerText(await app.command('timeline v1.11.0', ALAN));
    for (const name of ['Feature Freeze', 'Manifests testing', 'Distribution testing', 'Release Day']) {
      expect(text).toContain(`*${name}*: skipped on Mon 7 Sep 2026`);
    }
    expect(text).toContain('*Development*: skipped on Mon 7 Sep 2026');
    expect(text).toMatch(/\*Post Release\*: Mon 7 Sep 2026 – /);
  });
});

/** v1.12.0 in Feature Freeze: the bugs-at-risk criterion follows the tracked issues' triage. */
describe('phase control: bugs at risk ticked from the tracked issues', () => {
  let app: TestApp;
  const itemState = () =>
    getPhaseView(app.services, 'v1.12.0')
      .sections.flatMap((s) => s.items)
      .find((s) => s.item.id === 'bugs-at-risk-identified');

  beforeAll(async () => {
    app = await startTestApp({ now: '2026-05-12T10:00:00Z' });
    app.slack.expect('chat.postMessage');
    await createReleaseInSlack(app, 'release create v1.12.0 2026-03-02 handbook-17w Europe/Berlin', ADMIN);
  });
  afterAll(async () => {
    await app.stop();
  });

  it('is open with no tracked issue, then with one nobody triaged, and done once every open one is', () => {
    const { store } = app.services;
    const release = store.releases.findByVersion('v1.12.0');
    const wg = store.workingGroups.list()[0];
    if (!release || !wg) throw new Error('no release or working group');
    expect(itemState()).toMatchObject({ done: false, autoNote: null });
    const track = (number: number, state: 'open' | 'closed') =>
      store.blockers.insert(
        trackedIssue({
          releaseId: release.id,
          wgId: wg.id,
          repository: 'kubeflow/notebooks',
          number,
          state,
          by: ALAN,
          at: '2026-05-11T10:00:00Z',
        }),
      ) ?? 0;
    const first = track(101, 'open');
    track(102, 'closed');
    expect(itemState()).toMatchObject({ done: false, autoNote: 'no bug triaged as at risk yet' });
    const decision = { decision: 'at_risk' as const, reason: null, by: RM, at: '2026-05-12T10:00:00Z' };
    expect(store.blockers.decide(first, 'none', decision)).toBe(true);
    expect(itemState()).toMatchObject({ done: true, doneBy: 'auto', autoNote: 'bugs at risk are triaged' });
    track(103, 'open');
    expect(itemState()).toMatchObject({ done: false });
  });
});
