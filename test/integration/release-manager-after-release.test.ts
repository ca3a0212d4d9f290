import { runCli } from '../../src/cli/main';
import { startAppWithTeam } from '../helpers/release-with-team';
import { answerText, RELEASE_CHANNEL, type TestApp } from '../helpers/start-app';
import { trackedIssue } from '../helpers/tracked-issue';

const RM = 'U0ADA0001';
const ALAN = 'U0ALAN001';
const STRANGER = 'U0STRANG1';

/** v1.10.0: week 1 Mon 2 Mar 2026, Feature Freeze from Mon 11 May; rc.2 is delayed 3 days, so release day is Thu 25 Jun. */
describe('after release day: patch releases and the retrospective', () => {
  let app: TestApp;
  const store = () => app.services.store;

  beforeAll(async () => {
    app = await startAppWithTeam('2026-05-12T10:00:00Z');
    const release = store().releases.findByVersion('v1.10.0');
    const notebooks = store().workingGroups.findByName('Notebooks');
    const pipelines = store().workingGroups.findByName('Pipelines');
    if (!release || !notebooks || !pipelines) throw new Error('fixture');
    store().revisions.insertSubmission(
      {
        releaseId: release.id,
        wgId: notebooks.id,
        submittedBy: 'U0GRACE01',
        submittedAt: '2026-05-13T09:00:00Z',
        note: '',
      },
      [
        {
          repo: 'kubeflow/kubeflow',
          revision: 'v1.10.0',
          freeze: true,
          nextValidationAt: null,
          status: 'accepted',
          kind: 'tag',
          commitSha: 'a'.repeat(40),
          version: 'v1.10.0',
          warnings: [],
          review: null,
          lastError: null,
        },
      ],
    );
    store().blockers.insert(
      trackedIssue({
        releaseId: release.id,
        wgId: pipelines.id,
        repository: 'kubeflow/pipelines',
        number: 999,
        title: 'Runs never finish',
        blocksRelease: true,
        by: ALAN,
        at: '2026-05-20T09:00:00Z',
      }),
    );
  });
  afterAll(async () => {
    app.slack.assertNoUnexpectedCalls();
    await app.stop();
  });

  it('takes retrospective notes at any time, tagged with the phase, and shows them any time', async () => {
    const noted = answerText(
      await app.command('retro The rc.1 reminder came too late for the Training WG', ALAN),
    );
    expect(noted).toContain('Noted for the retrospective of v1.10.0, under Feature Freeze (1 note so far).');
    const early = answerText(await app.command('retro show', ALAN));
    expect(early).toContain(
      'Release day is Mon 22 Jun 2026: these are the notes so far, and the figures as they stand today.',
    );
    expect(early).toContain('The rc.1 reminder came too late for the Training WG');
    expect(
      answerText(await app.command('delay rc.2 2026-06-01 the manifests need one more fix', RM)),
    ).toContain('plan 2');
  });

  it('opens a patch release only once the release shipped, and only for the release manager', async () => {
    app.clock.set('2026-06-01T10:00:00Z');
    const audit = () => store().audit.forRelease(1).length;
    const before = audit();
    expect(answerText(await app.command('patch v1.10.1', ALAN))).toContain(
      'Only the release manager of v1.10.0 (<@U0ADA0001>) or an admin can open patch release v1.10.1.',
    );
    expect(answerText(await app.command('patch v1.10.1', RM))).toContain(
      'v1.10.0 has not shipped yet (planned for 2026-06-25): its patch releases are opened after.',
    );
    expect(answerText(await app.command('patch v1.11.1', RM))).toContain(
      'There is no release v1.11.0 to patch.',
    );
    expect(store().patchReleases.forRelease(1)).toEqual([]);
    expect(audit()).toBe(before);
  });

  it('opens the patch release once it shipped, in order, and tells the channel', async () => {
    app.clock.set('2026-06-30T10:00:00Z');
    expect(answerText(await app.command('release shipped 2026-06-25', RM))).toContain(
      'Kubeflow v1.10.0 shipped on Thu 25 Jun 2026 · _3 days later than first planned_.',
    );
    const opened = answerText(await app.command('patch v1.10.1 2026-07-15', RM));
    expect(opened).toContain(':package: Opened patch release *v1.10.1*.');
    expect(opened).toContain('open, planned for Wed 15 Jul 2026');
    expect(answerText(await app.command('patch v1.10.3', RM))).toContain('open v1.10.2 before v1.10.3');
    const post = await app.slack.waitForCall('chat.postMessage', (c) =>
      String(c.args.text).includes('v1.10.1'),
    );
    expect(post.args).toMatchObject({ channel: RELEASE_CHANNEL });
  });

  it("records each change with the handbook's criterion it meets", async () => {
    await app.command('patch add v1.10.1 kubeflow/pipelines#11234 bug fixes the run list', ALAN);
    const text = answerText(
      await app.command('patch add v1.10.1 https://github.com/kubeflow/katib/pull/2400 security', ALAN),
    );
    expect(text).toContain(
      '<https://github.com/kubeflow/pipelines/issues/11234|kubeflow/pipelines#11234> · *important bug fix* · fixes the run list',
    );
    expect(text).toContain('kubeflow/katib#2400> · *critical security fix*');
    expect(answerText(await app.command('patch add v1.10.1 kubeflow/pipelines#11234 docs', ALAN))).toContain(
      'v1.10.1 already includes kubeflow/pipelines#11234.',
    );
    const bad = answerText(await app.command('patch add v1.10.1 pipelines#1 feature', ALAN));
    expect(bad).toContain('"pipelines#1": ');
    expect(bad).toContain('"feature" is not one of the handbook\'s criteria');
    expect(answerText(await app.command('patch add v1.10.1 kubeflow/pipelines#1 bug', STRANGER))).toContain(
      'Only members of the v1.10.0 release team or an admin can add changes to v1.10.1.',
    );
    const listed = answerText(await app.command('patch', STRANGER));
    expect(listed).toContain('Kubeflow v1.10.1: patch release of v1.10.0');
    expect(listed).toContain('*Changes (2)*');
    expect(answerText(await app.command('decisions', STRANGER))).toContain(
      'Opened patch release v1.10.1, planned for 2026-07-15',
    );
  });

  it('compiles the retrospective by phase with the figures of the cycle', async () => {
    await app.command('retro The patch release planning was quick', RM);
    const text = answerText(await app.command('retro show', ALAN));
    expect(text).toContain('Retrospective of Kubeflow v1.10.0');
    expect(text).toContain('*Release day:* Thu 25 Jun 2026 · 2 plans');
    expect(text).toContain('• rc.2 tagged after manifests testing: Mon 1 Jun 2026 (+3 days)');
    expect(text).toContain(
      '• rc.1 tagged on the last day of feature freeze: Fri 22 May 2026 (as first planned)',
    );
    expect(text).toMatch(/Revisions after the first day of Feature Freeze:\* .*Notebooks \(2 days late\)/);
    expect(text).toContain('Training (never)');
    expect(text).toContain('*Blocking issues at release:* kubeflow/pipelines#999 36 days (open at release)');
    expect(text).toContain('*Release candidates:* 4 planned (1 optional); no RC tags were found');
    expect(text).toContain('*Patch releases:* v1.10.1');
    expect(text).toMatch(
      /\*Feature Freeze\*\n• The rc\.1 reminder came too late for the Training WG _\(<@U0ALAN001>\)_/,
    );
    expect(text).toMatch(/\*Release Day\*\n• The patch release planning was quick/);
  });

  it('prints the retrospective as Markdown at the command line', async () => {
    const out: string[] = [];
    const env = {
      DATABASE_PATH: app.databasePath,
      KFRELEASE_NOW: '2026-06-30T10:00:00Z',
      LOG_LEVEL: 'silent',
    };
    const code = await runCli(['retro', 'v1.10.0'], env, {
      out: (l) => out.push(l),
      err: (l) => out.push(l),
    });
    const text = out.join('\n');
    expect(code).toBe(0);
    expect(text).toContain('# Kubeflow v1.10.0: release retrospective');
    expect(text).toContain('  - rc.2 tagged after manifests testing: 2026-05-29 → 2026-06-01 (+3)');
    expect(text).toContain(
      '### Feature Freeze\n\n- The rc.1 reminder came too late for the Training WG (Alan Turing, 2026-05-12)',
    );
  });

  it('counts the RC tags found, and ticks the patch release item by itself', async () => {
    for (const rc of [0, 1]) {
      store().rcTags.insert({
        releaseId: 1,
        milestone: `rc.${rc}`,
        kind: 'tag',
        rc,
        name: `v1.10.0-rc.${rc}`,
        normalized: `v1.10.0-rc.${rc}`,
        commitSha: String(rc).repeat(40),
        commitDate: '2026-05-20T09:00:00Z',
        firstSeenAt: '2026-05-20T09:00:00Z',
        note: null,
      });
    }
    store().rcTags.recordCheck({
      releaseId: 1,
      repo: 'kubeflow/manifests',
      at: '2026-06-30T09:00:00Z',
      error: null,
    });
    expect(answerText(await app.command('retro show', ALAN))).toContain(
      '*Release candidates:* 2 tagged (v1.10.0-rc.0, v1.10.0-rc.1)',
    );
    app.clock.set('2026-07-02T10:00:00Z');
    expect(answerText(await app.command('phase', ALAN))).toContain(
      ':white_check_mark: `patch-release-planned` First patch release planned _(kfrelease: a patch release is open)_',
    );
  });
});
