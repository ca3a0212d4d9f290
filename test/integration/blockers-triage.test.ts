import type { ReleaseRow } from '../../src/db/release-repository';
import { blockerSummary } from '../../src/workflows/list-blockers';
import { startFakeGitHub, type FakeGitHub } from '../fakes/fake-github';
import {
  ALAN,
  GRACE,
  KFP,
  MARGARET,
  outboxSettled,
  RM,
  startBlockerApp,
  submitReport,
} from '../helpers/blocker-harness';
import { databaseSnapshot } from '../helpers/database-snapshot';
import { blockAction, viewSubmission } from '../helpers/slack-request';
import { answerText, RELEASE_CHANNEL, type TestApp } from '../helpers/start-app';

const WHO_MAY =
  'Only the release manager of v1.10.0 (<@U0ADA0001>), the Pipelines liaisons (<@U0ALAN001>) or an admin';

describe('tracking and triage of blocking issues', () => {
  let github: FakeGitHub;
  let app: TestApp;
  let release: ReleaseRow;
  const idOf = (number: number) =>
    app.services.store.blockers.byRef(release.id, { owner: 'kubeflow', repo: 'pipelines', number })?.id ?? 0;
  const decisionOf = (number: number) => app.services.store.blockers.byId(idOf(number))?.decision;
  const triage = (user: string, id: number, decision: string | null, reason = '') =>
    app.interact(
      viewSubmission({
        user,
        callbackId: 'blocker_triage_view',
        privateMetadata: JSON.stringify({ blockerId: id, channel: RELEASE_CHANNEL }),
        values: {
          decision: {
            decision: { type: 'radio_buttons', selected_option: decision ? { value: decision } : null },
          },
          reason: { reason },
        },
      }),
    );
  const snapshot = async () => (await outboxSettled(app), databaseSnapshot(app.services.store.db));
  const errorsOf = (response: { json<T>(): T | undefined }) =>
    response.json<{ errors?: Record<string, string> }>()?.errors ?? {};

  beforeAll(async () => {
    github = await startFakeGitHub();
    github.addRepo(KFP);
    github.addRepo('kubeflow/kubeflow');
    github.addIssue(KFP, 101, { title: 'Run list crashes', labels: ['kind/bug'] });
    github.addIssue(KFP, 102, { title: 'Artifacts leak', labels: ['kind/bug'] });
    github.addIssue(KFP, 103, { title: 'Fixed already', state: 'closed' });
    github.addIssue('kubeflow/kubeflow', 7, { title: 'Spawner hangs', assignees: ['grace'] });
    ({ app, release } = await startBlockerApp(github, '2026-05-12T10:00:00Z'));
    for (const method of ['views.open', 'chat.postMessage', 'chat.postEphemeral']) app.slack.expect(method);
    await submitReport(app, ALAN, {
      wg: 'Pipelines',
      refs: 'kubeflow/pipelines#101\nkubeflow/pipelines#102\nkubeflow/pipelines#103',
      blocks: true,
    });
    await submitReport(app, GRACE, { wg: 'Notebooks', refs: 'kubeflow/kubeflow#7' });
    app.clock.advance({ days: 3 });
  });
  afterAll(async () => {
    app.slack.assertNoUnexpectedCalls();
    github.assertNoUnexpectedRequests();
    await app.stop();
    await github.close();
  });

  it('lists tracked issues by working group with age, state and decision', async () => {
    const response = await app.command('blockers', MARGARET);
    expect(response.json<{ response_type: string }>()?.response_type).toBe('ephemeral');
    const text = answerText(response);
    expect(text).toContain('Blocking issues of Kubeflow v1.10.0');
    expect(text).toMatch(
      /\*Notebooks\* · 1 open · 0 release-blocking[\s\S]*\*Pipelines\* · 2 open · 2 release-blocking/,
    );
    expect(text).toContain(
      'kubeflow/pipelines#101> Run list crashes\nopen issue · tracked 3 days · reported as blocking, not triaged',
    );
    expect(text).toContain('open issue · tracked 3 days · not triaged · @grace');
    expect(text).toContain(
      'Closed: <https://github.com/kubeflow/pipelines/issues/103|kubeflow/pipelines#103>',
    );
    expect(response.text).toContain('"action_id":"blocker_triage"');
    expect(response.text).toContain('"action_id":"blocker_open_form"');
  });

  it('filters by release and working group, and names the groups when one is unknown', async () => {
    const text = answerText(await app.command('blockers v1.10.0 Notebooks', MARGARET));
    expect(text).toContain('Blocking issues of Kubeflow v1.10.0 (Notebooks)');
    expect(text).not.toContain('Pipelines');
    const unknown = answerText(await app.command('blockers Nope', MARGARET));
    expect(unknown).toContain('There is no working group "Nope"');
    expect(unknown).toContain('Working groups:');
  });

  it('lets the WG liaison mark an issue at risk from the command, audited and announced', async () => {
    const text = answerText(
      await app.command('blocker at-risk kubeflow/pipelines#101 Flaky fix in review', ALAN),
    );
    expect(text).toContain('Now *at risk* for Kubeflow v1.10.0');
    expect(text).toContain('Reason: Flaky fix in review');
    expect(decisionOf(101)).toBe('at_risk');
    expect(app.services.store.audit.forRelease(release.id).at(-1)).toMatchObject({
      actor: ALAN,
      action: 'blocker.at_risk',
      details: { issue: 'kubeflow/pipelines#101', from: 'none', reason: 'Flaky fix in review' },
    });
    await app.slack.waitForCall('chat.postMessage', (c) => String(c.args.text).includes('#101 is at risk'));
  });

  it.each([
    ['the docs lead', MARGARET, 'blocker blocking kubeflow/pipelines#102'],
    [
      'another WG’s liaison (the release manager’s shadow)',
      GRACE,
      'blocker punt kubeflow/pipelines#102 no time',
    ],
  ])('refuses %s, naming who may, changing nothing', async (_who, user, command) => {
    const before = await snapshot();
    const text = answerText(await app.command(command, user));
    expect(text).toContain(WHO_MAY);
    expect(text).toContain('/kfrelease team');
    expect(databaseSnapshot(app.services.store.db)).toBe(before);
  });

  it('answers a bad decision, reference or an untracked issue with the usage', async () => {
    expect(answerText(await app.command('blocker maybe kubeflow/pipelines#102', RM))).toContain(
      'one of at-risk, punt or blocking',
    );
    expect(answerText(await app.command('blocker punt pipelines-102 x', RM))).toContain('"pipelines-102"');
    expect(answerText(await app.command('blocker punt kubeflow/pipelines#555 x', RM))).toContain(
      'kubeflow/pipelines#555 is not tracked for Kubeflow v1.10.0',
    );
    expect(answerText(await app.command('blocker blocking kubeflow/pipelines#103', RM))).toContain(
      'It is closed on GitHub',
    );
  });

  it('opens the triage form for the release manager from the button, and records a release-blocking call', async () => {
    await app.interact(blockAction({ user: RM, actionId: 'blocker_triage', value: String(idOf(102)) }));
    const call = await app.slack.waitForCall('views.open', (c) =>
      JSON.stringify(c.args.view).includes('blocker_triage_view'),
    );
    expect(JSON.stringify(call.args.view)).toContain('Artifacts leak');
    const response = await triage(RM, idOf(102), 'release_blocking', 'Data loss');
    expect(response.status).toBe(200);
    expect(response.text).toBe('');
    expect(app.services.store.blockers.byId(idOf(102))).toMatchObject({
      decision: 'release_blocking',
      decidedBy: RM,
      decisionReason: 'Data loss',
    });
    expect(app.services.store.audit.forRelease(release.id).at(-1)).toMatchObject({
      actor: RM,
      action: 'blocker.release_blocking',
    });
    await app.slack.waitForCall('chat.postMessage', (c) =>
      String(c.args.text).includes('#102 is release-blocking'),
    );
  });

  it('tells someone who may not triage, without opening the form', async () => {
    const opened = app.slack.callsTo('views.open').length;
    await app.interact(blockAction({ user: MARGARET, actionId: 'blocker_triage', value: String(idOf(102)) }));
    const told = await app.slack.waitForCall('chat.postEphemeral', (c) => c.args.user === MARGARET);
    expect(told.args.text).toContain(WHO_MAY);
    expect(app.slack.callsTo('views.open')).toHaveLength(opened);
  });

  it('keeps punting a release-blocking issue for the release manager, next to the field', async () => {
    const before = await snapshot();
    const errors = errorsOf(await triage(ALAN, idOf(102), 'punt', 'Not enough time'));
    expect(errors.decision).toContain(
      'Only the release manager of v1.10.0 (Ada Lovelace) or an admin can punt a blocking issue to the next release once it is release-blocking.',
    );
    expect(databaseSnapshot(app.services.store.db)).toBe(before);
  });

  it.each([
    ['a punt without a reason', 'punt', '', 'reason', 'Say why it is punted'],
    ['no decision', null, '', 'decision', 'Choose a decision.'],
    ['the decision it already has', 'release_blocking', '', 'decision', 'It is already release-blocking.'],
  ])('answers %s next to the field, changing nothing', async (_case, decision, reason, field, message) => {
    const before = await snapshot();
    expect(errorsOf(await triage(RM, idOf(102), decision, reason))[field]).toContain(message);
    expect(databaseSnapshot(app.services.store.db)).toBe(before);
  });

  it('lets the release manager punt with a reason; the summary for status counts what is left', async () => {
    const text = answerText(
      await app.command('blocker punt kubeflow/pipelines#102 Needs an API change; v1.11', RM),
    );
    expect(text).toContain('Now *punted to the next release*');
    expect(blockerSummary(app.services, release.id)).toEqual([
      { wg: 'Notebooks', open: 1, atRisk: 0, releaseBlocking: 0 },
      { wg: 'Pipelines', open: 1, atRisk: 1, releaseBlocking: 0 },
    ]);
    const list = answerText(await app.command('blockers Pipelines', RM));
    expect(list).toContain(
      'Punted: <https://github.com/kubeflow/pipelines/issues/102|kubeflow/pipelines#102>',
    );
  });

  it('has written every report and decision to the audit log', () => {
    const entries = app.services.store.audit
      .forRelease(release.id)
      .filter((e) => e.action.startsWith('blocker.'));
    expect(entries.map((e) => [e.actor, e.action, e.details.issue])).toEqual([
      [ALAN, 'blocker.reported', 'kubeflow/pipelines#101'],
      [ALAN, 'blocker.reported', 'kubeflow/pipelines#102'],
      [ALAN, 'blocker.reported', 'kubeflow/pipelines#103'],
      [GRACE, 'blocker.reported', 'kubeflow/kubeflow#7'],
      [ALAN, 'blocker.at_risk', 'kubeflow/pipelines#101'],
      [RM, 'blocker.release_blocking', 'kubeflow/pipelines#102'],
      [RM, 'blocker.punted', 'kubeflow/pipelines#102'],
    ]);
  });
});
