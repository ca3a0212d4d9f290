import { DateTime } from 'luxon';
import { runDueJobs } from '../../src/workflows/run-due-jobs';
import type { StoredMessage, StoredView } from '../fakes/fake-slack';
import { dmChannelId } from '../fakes/fake-slack';
import { databaseSnapshot } from '../helpers/database-snapshot';
import { delivered } from '../helpers/deliver';
import { startAppWithTeam } from '../helpers/release-with-team';
import { blockAction, viewSubmission } from '../helpers/slack-request';
import { answerText, RELEASE_CHANNEL, type TestApp } from '../helpers/start-app';

const RM = 'U0ADA0001';
const ALAN = 'U0ALAN001';
/** Mon 25 May 2026, 10:00 in Berlin: the morning after Feature Freeze (Mon 11 to Sun 24 May) ended. */
const MORNING_AFTER_FREEZE = '2026-05-25T08:00:00Z';
const FREEZE_END = 'phase_end:1:feature_freeze:2026-05-24';
const FREEZE_UNMET = [
  'revisions-received',
  'manifests-updated',
  'branch-and-tags-created',
  'bugs-at-risk-identified',
  'features-landed-or-punted',
];

/** v1.10.0 (week 1 Mon 2 Mar 2026, Europe/Berlin) with the example team, created during Feature Freeze. */
async function startInFeatureFreeze(): Promise<TestApp> {
  const app = await startAppWithTeam('2026-05-20T10:00:00Z');
  for (const method of [
    'conversations.open',
    'conversations.history',
    'chat.update',
    'chat.postEphemeral',
    'views.open',
  ])
    app.slack.expect(method);
  for (const a of app.services.store.team.assignments(1))
    if (a.slackId) app.slack.addUser({ id: a.slackId, name: a.name });
  return app;
}

/** Runs the scheduled jobs at `iso`, then delivers what they queued. */
async function jobsAt(app: TestApp, iso: string) {
  app.clock.set(iso);
  const summary = runDueJobs(app.services, DateTime.fromISO(iso));
  await delivered(app);
  return summary;
}

/** The release manager's phase-end messages (direct messages with the phase-end buttons). */
function phaseEndDms(app: TestApp): StoredMessage[] {
  return app.slack
    .messages(dmChannelId(RM))
    .filter((m) => String(m.metadata?.event_payload.key ?? '').startsWith('phase_end:'));
}

/** The buttons of a message: action id and value. */
function buttonsOf(message: { blocks?: unknown }): { action_id: string; value: string }[] {
  const found: { action_id: string; value: string }[] = [];
  JSON.stringify(
    message.blocks ?? [],
    (_key, node: { type?: string; action_id?: string; value?: string }) => {
      if (node?.type === 'button') found.push({ action_id: node.action_id ?? '', value: node.value ?? '' });
      return node;
    },
  );
  return found;
}

/** Presses a button of a phase-end message as `user`, from the release manager's DM. */
async function press(app: TestApp, message: StoredMessage, actionId: string, user = RM) {
  const value = buttonsOf(message).find((b) => b.action_id === actionId)?.value;
  if (!value) throw new Error(`no ${actionId} button`);
  return app.interact(blockAction({ user, actionId, value, channel: dmChannelId(RM) }));
}

/** The view the next views.open call after `before` opened. */
async function openedView(app: TestApp, before: number): Promise<StoredView> {
  const call = await app.slack.waitForCall(
    'views.open',
    (c) => app.slack.callsTo('views.open').indexOf(c) >= before,
  );
  return call.args.view as StoredView;
}

describe('a phase that ends with its criteria unmet: the release manager decides', () => {
  let app: TestApp;
  let message: StoredMessage;

  beforeAll(async () => {
    app = await startInFeatureFreeze();
    await app.command('meeting set tue 16:00 Europe/Berlin', RM);
  });
  afterAll(() => app.stop());

  it('sends the release manager one message the morning after, listing the unmet criteria, with three buttons', async () => {
    // Sunday evening, Feature Freeze's last day: nothing yet.
    expect((await jobsAt(app, '2026-05-24T18:00:00Z')).ran).not.toContain(`${FREEZE_END}`);
    const summary = await jobsAt(app, MORNING_AFTER_FREEZE);
    expect(summary.ran).toContain(FREEZE_END);
    const dms = phaseEndDms(app);
    expect(dms).toHaveLength(1);
    message = structuredClone(dms[0]!);
    expect(message.text).toBe('Feature Freeze of Kubeflow v1.10.0 ended with 5 required criteria unmet');
    const body = JSON.stringify(message.blocks);
    for (const id of FREEZE_UNMET) expect(body).toContain(`\`${id}\``);
    expect(body).toContain('Manifests testing was planned to start Mon 25 May');
    expect(buttonsOf(message).map((b) => b.action_id)).toEqual([
      'phase_end_extend',
      'phase_end_move_on',
      'phase_end_checklist',
    ]);
    // The shadow release manager is not pinged; nobody else hears of it.
    expect(
      app.slack.messages(dmChannelId('U0GRACE01')).filter((m) => m.text?.includes('ended with')),
    ).toEqual([]);
  });

  it('sends it exactly once', async () => {
    const again = await jobsAt(app, '2026-05-25T09:00:00Z');
    expect(again.ran).not.toContain(FREEZE_END);
    expect(phaseEndDms(app)).toHaveLength(1);
  });

  it('opens the checklist of the phase for anyone who presses it', async () => {
    const before = app.slack.callsTo('views.open').length;
    await press(app, message, 'phase_end_checklist', ALAN);
    const view = await openedView(app, before);
    const text = JSON.stringify(view.blocks);
    expect(text).toContain(
      '*Feature Freeze* of Kubeflow v1.10.0 (Mon 11 May 2026 – Sun 24 May 2026): 0 of 5 done',
    );
    expect(text).toContain(':red_circle: `manifests-updated`');
  });

  it('refuses the decision to anyone but the release manager, opening nothing', async () => {
    const before = app.slack.callsTo('views.open').length;
    const told = app.slack.callsTo('chat.postEphemeral').length;
    await press(app, message, 'phase_end_move_on', ALAN);
    const refusal = await app.slack.waitForCall(
      'chat.postEphemeral',
      (c) => app.slack.callsTo('chat.postEphemeral').indexOf(c) >= told,
    );
    expect(String(refusal.args.text)).toContain('Only the release manager of v1.10.0');
    expect(app.slack.callsTo('views.open')).toHaveLength(before);
  });

  it('asks why on "Move on", and refuses an empty reason next to the field, saving nothing', async () => {
    const before = app.slack.callsTo('views.open').length;
    await press(app, message, 'phase_end_move_on');
    const view = await openedView(app, before);
    expect(view.callback_id).toBe('phase_end_move_on');
    expect(JSON.stringify(view.blocks)).toContain('`features-landed-or-punted`');
    const snapshot = databaseSnapshot(app.services.store.db);
    const response = await app.interact(
      viewSubmission({
        user: RM,
        callbackId: 'phase_end_move_on',
        privateMetadata: String(view.private_metadata),
        values: { phase_end_reason: { phase_end_reason: ' ' } },
      }),
    );
    expect(response.json()).toEqual({
      response_action: 'errors',
      errors: { phase_end_reason: 'Say why you move on: the reason goes into the decision log.' },
    });
    expect(databaseSnapshot(app.services.store.db)).toBe(snapshot);
  });

  it('records moving on with the reason, announces it once and edits the message to show it', async () => {
    const before = app.slack.callsTo('views.open').length;
    await press(app, message, 'phase_end_move_on');
    const view = await openedView(app, before);
    const response = await app.interact(
      viewSubmission({
        user: RM,
        callbackId: 'phase_end_move_on',
        privateMetadata: String(view.private_metadata),
        values: {
          phase_end_reason: { phase_end_reason: 'Pipelines lands its last fix in rc.2; the rest is done' },
        },
      }),
    );
    expect(response.status).toBe(200);
    expect(response.text).toBe('');
    await delivered(app);
    const decisions = app.services.store.phaseControl.endDecisions(1);
    expect(decisions).toMatchObject([
      { phase: 'feature_freeze', endsOn: '2026-05-24', decision: 'moved_on', actor: RM },
    ]);
    expect(decisions[0]?.unmet.map((u) => u.id)).toEqual(FREEZE_UNMET);
    const announced = app.slack
      .messages(RELEASE_CHANNEL)
      .filter((m) =>
        String(m.text).includes('moved on from Feature Freeze, which ended 2026-05-24 with 5 criteria unmet'),
      );
    expect(announced).toHaveLength(1);
    const edit = app.slack.callsTo('chat.update').at(-1);
    expect(edit?.args).toMatchObject({ channel: dmChannelId(RM), ts: message.ts });
    const edited = JSON.stringify(edit?.args.blocks);
    expect(edited).toContain(`<@${RM}> moved on on Mon 25 May 2026: Pipelines lands its last fix in rc.2`);
    expect(buttonsOf({ blocks: edit?.args.blocks }).map((b) => b.action_id)).toEqual(['phase_end_checklist']);
    expect(answerText(await app.command('decisions', RM))).toContain('Moved on from Feature Freeze');
  });

  it('says it was decided already when the button of the old message is pressed again', async () => {
    const told = app.slack.callsTo('chat.postEphemeral').length;
    await press(app, message, 'phase_end_move_on');
    const refusal = await app.slack.waitForCall(
      'chat.postEphemeral',
      (c) => app.slack.callsTo('chat.postEphemeral').indexOf(c) >= told,
    );
    expect(String(refusal.args.text)).toContain(
      `The end of Feature Freeze was already decided: <@${RM}> moved on`,
    );
  });

  it('carries the unmet items into the next agenda, with the decision', async () => {
    // Monday 16:00 in Berlin: the agenda of Tuesday 26 May.
    await jobsAt(app, '2026-05-25T14:00:00Z');
    const agenda = app.slack
      .messages(RELEASE_CHANNEL)
      .find((m) => m.metadata?.event_payload.key === 'agenda:1:2026-05-26');
    const text = JSON.stringify(agenda?.blocks);
    expect(text).toContain('Unmet at the end of Feature Freeze (Sun 24 May)');
    expect(text).toContain('manifests-updated: Manifests updated');
    expect(text).toContain('Moved on by the release manager: Pipelines lands its last fix in rc.2');
  });
});

describe('extending a phase from its end message, and a phase that ends with everything met', () => {
  let app: TestApp;
  let message: StoredMessage;

  beforeAll(async () => {
    app = await startInFeatureFreeze();
    await jobsAt(app, MORNING_AFTER_FREEZE);
    message = structuredClone(phaseEndDms(app)[0]!);
  });
  afterAll(() => app.stop());

  it('opens the re-plan form with the next phase a week later, every later date moving with it', async () => {
    const before = app.slack.callsTo('views.open').length;
    await press(app, message, 'phase_end_extend');
    const view = await openedView(app, before);
    expect(view.callback_id).toBe('release_replan');
    const text = JSON.stringify(view.blocks);
    expect(text).toContain('Extending *Feature Freeze*, which ended Sun 24 May 2026 with criteria unmet');
    expect(text).toContain('Release day moves* from Mon 22 Jun 2026 to *Mon 29 Jun 2026*');
    expect(JSON.parse(String(view.private_metadata))).toMatchObject({
      release: 'v1.10.0',
      phaseEnd: { phase: 'feature_freeze', endsOn: '2026-05-24' },
    });
    const response = await app.interact(
      viewSubmission({
        user: RM,
        callbackId: 'release_replan',
        privateMetadata: String(view.private_metadata),
        values: {
          replan_item: {
            replan_item: { type: 'static_select', selected_option: { value: 'manifests_testing' } },
          },
          replan_date: { replan_date: { type: 'datepicker', selected_date: '2026-06-01' } },
          replan_scope: { replan_scope: { type: 'radio_buttons', selected_option: { value: 'later' } } },
          replan_reason: { replan_reason: 'Training and KServe need a week for their fixes' },
        },
        viewId: view.id,
        hash: view.hash,
      }),
    );
    expect(JSON.stringify(response.json())).toContain('Saved as plan 2');
    await delivered(app);
    const plan = app.services.store.releases.latestPlan(
      app.services.store.releases.findByVersion('v1.10.0')!,
    );
    expect(plan?.timeline.phases.find((p) => p.key === 'feature_freeze')?.endsOn).toBe('2026-05-31');
    expect(app.services.store.phaseControl.endDecisions(1)).toMatchObject([
      { phase: 'feature_freeze', endsOn: '2026-05-24', decision: 'extended', planRevision: 2 },
    ]);
    const edit = app.slack.callsTo('chat.update').at(-1);
    expect(edit?.args.ts).toBe(message.ts);
    expect(JSON.stringify(edit?.args.blocks)).toContain(
      `<@${RM}> extended Feature Freeze: it now ends Sun 31 May 2026 (plan 2).`,
    );
    const announced = app.slack
      .messages(RELEASE_CHANNEL)
      .filter((m) => String(m.text).includes('re-planned'));
    expect(announced).toHaveLength(1);
  });

  it('checks the new end again when it passes: nothing is posted once every criterion is met', async () => {
    for (const id of FREEZE_UNMET)
      expect(answerText(await app.command(`check ${id} --release v1.10.0`, RM))).toContain(
        `Ticked \`${id}\``,
      );
    const summary = await jobsAt(app, '2026-06-01T08:00:00Z');
    expect(summary.ran).toContain('phase_end:1:feature_freeze:2026-05-31');
    expect(app.services.store.jobRuns.byKey('phase_end:1:feature_freeze:2026-05-31')?.outcome).toBe(
      'nothing_to_say',
    );
    expect(phaseEndDms(app)).toHaveLength(1);
  });
});
