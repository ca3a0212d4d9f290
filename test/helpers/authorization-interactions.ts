import type { StoredView } from '../fakes/fake-slack';
import { pressButton, submitModal, type MatrixAction, type Outcome } from './authorization-cell';
import { textOf } from './revision-fixtures';
import { FAILED_POST, THIS_WG, type World } from './authorization-world';
import { blockAction, postSlashCommand, viewSubmission, type ViewStateValue } from './slack-request';
import { ADMIN, RELEASE_CHANNEL, SIGNING_SECRET } from './start-app';

const HELD_MESSAGE_TS = '1767225600.000100';

const select = (value: string): ViewStateValue => ({ type: 'static_select', selected_option: { value } });
const button = (user: string, actionId: string, value: string) => {
  const payload = blockAction({ user, actionId, value });
  return { ...payload, container: { ...(payload.container as object), message_ts: HELD_MESSAGE_TS } };
};
const modal =
  (callbackId: string, metadata: object, values: Record<string, Record<string, ViewStateValue>>) =>
  (user: string) =>
    viewSubmission({ user, callbackId, privateMetadata: JSON.stringify(metadata), values });

let forms = 0;

/** A revision form opened by the admin, as Slack holds it, for a working group to be picked in. */
async function openRevisionForm(w: World): Promise<StoredView> {
  const trigger = `${3_000_000_000_000 + ++forms}.1.matrix`;
  const fields = {
    command: '/kfrelease',
    text: 'submit',
    user_id: ADMIN,
    channel_id: RELEASE_CHANNEL,
    trigger_id: trigger,
  };
  await postSlashCommand(w.app.url, SIGNING_SECRET, fields);
  await w.app.slack.waitForCall('views.open', (c) => c.args.trigger_id === trigger);
  const viewId = [...w.app.slack.state.viewTriggers].find(([, t]) => t === trigger)?.[0];
  const view = viewId ? w.app.slack.view(viewId) : undefined;
  if (!view) throw new Error('the revision form was not opened');
  return view;
}

let confirmations = 0;

/**
 * *Create anyway* under a `release create` of v1.11.0 with dates in the past: the answer posted to
 * the question's response_url, or the refusal shown to the presser.
 */
async function pressCreateAnyway(w: World, user: string): Promise<Outcome> {
  const id = `matrix-create-anyway-${++confirmations}`;
  const value = JSON.stringify({
    version: 'v1.11.0',
    startDate: '2026-03-02',
    template: 'handbook-17w',
    timeZone: 'Europe/Berlin',
  });
  const payload = blockAction({
    user,
    actionId: 'release_create_anyway',
    value,
    responseUrl: w.app.slack.responseUrl(id),
  });
  const seen = w.app.slack.calls.length;
  const response = await w.app.interact(payload);
  if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${response.text}`);
  const until = Date.now() + 3000;
  while (Date.now() < until) {
    const [answer] = w.app.slack.responsesTo(id);
    if (answer) return { refused: false, text: textOf(answer.body) };
    const refusal = w.app.slack.calls
      .slice(seen)
      .find((c) => c.method === 'chat.postEphemeral' && c.args.user === user);
    if (refusal) return { refused: true, text: String(refusal.args.text ?? '') };
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('no answer to Create anyway within 3 s');
}

/** The picker inside the revision form: the person who opened it picks Notebooks. */
async function pickNotebooks(w: World, user: string) {
  const view = await openRevisionForm(w);
  const payload = blockAction({ user, actionId: 'submit_revision_pick_wg', value: '', blockId: 'wg' });
  const { channel: _channel, message: _message, ...rest } = payload;
  const action = { type: 'static_select', action_id: 'submit_revision_pick_wg', block_id: 'wg' };
  return pressButton(w, {
    ...rest,
    container: { type: 'view', view_id: view.id },
    view: { ...view, state: { values: {} } },
    actions: [{ ...action, selected_option: { value: THIS_WG }, action_ts: '1767225601.000200' }],
  });
}

/** The re-plan form opened by the admin, as Slack holds it, for `user` to pick rc.1 in. */
async function pickInReplanForm(w: World, user: string) {
  const trigger = `${3_500_000_000_000 + ++forms}.1.matrix`;
  const fields = {
    command: '/kfrelease',
    text: 'replan',
    user_id: ADMIN,
    channel_id: RELEASE_CHANNEL,
    trigger_id: trigger,
  };
  await postSlashCommand(w.app.url, SIGNING_SECRET, fields);
  await w.app.slack.waitForCall('views.open', (c) => c.args.trigger_id === trigger);
  const viewId = [...w.app.slack.state.viewTriggers].find(([, t]) => t === trigger)?.[0];
  const view = viewId ? w.app.slack.view(viewId) : undefined;
  if (!view) throw new Error('the re-plan form was not opened');
  const payload = blockAction({ user, actionId: 'replan_item', value: '', blockId: 'replan_item' });
  const { channel: _channel, message: _message, ...rest } = payload;
  const action = { type: 'static_select', action_id: 'replan_item', block_id: 'replan_item' };
  return pressButton(w, {
    ...rest,
    container: { type: 'view', view_id: view.id },
    view: { ...view, state: { values: {} } },
    actions: [{ ...action, selected_option: { value: 'rc.1' }, action_ts: '1767225601.000300' }],
  });
}

/** The plan revision of the release now, as a re-plan form opened now would carry it. */
const planRevision = (w: World) => w.app.services.store.releases.latestPlan(w.release)?.revision ?? 1;

/** The end of Preparation (Sun 1 Mar 2026), with criteria unmet, as a phase-end button names it. */
const PREPARATION_END = JSON.stringify({ release: 'v1.10.0', phase: 'preparation', endsOn: '2026-03-01' });

/** Every button and every modal submission. */
export const INTERACTION_ACTIONS: MatrixAction[] = [
  {
    name: 'button Submit revisions',
    changes: false,
    surface: 'button',
    scene: 'freeze',
    names: /Only a working group's liaisons, the release manager or an admin/,
    act: (w, user) => pressButton(w, button(user, 'open_submit_revision', '')),
  },
  {
    name: 'button Open the sign-off form',
    changes: false,
    surface: 'button',
    scene: 'freeze',
    names: /Only a distribution's representatives can sign off on v1\.10\.0: Dana Distro \(AWS\) or an admin/,
    act: (w, user) => pressButton(w, button(user, 'open_signoff_form', 'v1.10.0')),
  },
  {
    name: 'select Notebooks in the revision form',
    changes: false,
    surface: 'button',
    scene: 'freeze',
    names: /liaisons, the release manager or an admin/,
    act: pickNotebooks,
  },
  {
    name: 'select rc.1 in the re-plan form',
    changes: false,
    surface: 'button',
    scene: 'freeze',
    names: /Only the release manager of v1\.10\.0 \(<@U0RM00001>\) or an admin can re-plan v1\.10\.0/,
    act: pickInReplanForm,
  },
  {
    name: 'button Approve (held revision)',
    changes: true,
    surface: 'button',
    scene: 'freeze',
    names: /Only the release manager of v1\.10\.0 or an admin can approve a held revision/,
    act: (w, user) => pressButton(w, button(user, 'revision_approve', String(w.ids.heldRevision))),
  },
  {
    name: 'button Deny (held revision)',
    changes: false,
    surface: 'button',
    scene: 'freeze',
    names: /Only the release manager of v1\.10\.0 or an admin can deny a held revision/,
    act: (w, user) => pressButton(w, button(user, 'revision_deny', String(w.ids.heldRevision))),
  },
  {
    name: 'button Move on (Preparation ended)',
    changes: false,
    surface: 'button',
    scene: 'freeze',
    names:
      /Only the release manager of v1\.10\.0 \(<@U0RM00001>\) or an admin can decide how Preparation of v1\.10\.0 ends/,
    act: (w, user) => pressButton(w, button(user, 'phase_end_move_on', PREPARATION_END)),
  },
  {
    name: 'button Extend (Preparation ended)',
    changes: false,
    surface: 'button',
    scene: 'freeze',
    names:
      /Only the release manager of v1\.10\.0 \(<@U0RM00001>\) or an admin can decide how Preparation of v1\.10\.0 ends/,
    act: (w, user) => pressButton(w, button(user, 'phase_end_extend', PREPARATION_END)),
  },
  {
    name: 'button Report blocking issues',
    changes: false,
    surface: 'button',
    scene: 'freeze',
    names: /./,
    act: (w, user) => pressButton(w, button(user, 'blocker_open_form', '')),
  },
  {
    name: 'button Triage (Notebooks issue)',
    changes: false,
    surface: 'button',
    scene: 'freeze',
    names:
      /the release manager of v1\.10\.0 .*, the Notebooks liaisons .* or an admin can triage a blocking issue for Notebooks\./,
    act: (w, user) => pressButton(w, button(user, 'blocker_triage', String(w.ids.untriagedIssue))),
  },
  {
    name: 'button Add docs item',
    changes: false,
    surface: 'button',
    scene: 'freeze',
    names: /Only the Docs Lead, the release manager and a working group's liaison, docs lead or test lead/,
    act: (w, user) => pressButton(w, button(user, 'open_docs_add', '')),
  },
  {
    name: 'button Track a feature',
    changes: false,
    surface: 'button',
    scene: 'freeze',
    names: /Only the release manager and a working group's liaison can track features of v1\.10\.0/,
    act: (w, user) => pressButton(w, button(user, 'open_feature_add', '')),
  },
  {
    name: 'button Keep (Notebooks feature at risk)',
    changes: true,
    surface: 'button',
    scene: 'freeze',
    names:
      /Only the release manager and Notebooks's liaison can keep feature #\d+ \(Notebooks\) in the release/,
    act: (w, user) => pressButton(w, button(user, 'feature_keep', String(w.ids.feature))),
  },
  {
    name: 'button Punt (Notebooks feature at risk)',
    changes: false,
    surface: 'button',
    scene: 'freeze',
    names: /Only the release manager and Notebooks's liaison can punt feature #\d+ \(Notebooks\)/,
    act: (w, user) => pressButton(w, button(user, 'feature_punt_open', String(w.ids.feature))),
  },
  {
    name: 'button Retry (failed post)',
    changes: true,
    surface: 'button',
    scene: 'freeze',
    names: /Only the release manager of v1\.10\.0 \(<@U0RM00001>\) or an admin can retry a failed post/,
    act: (w, user) => pressButton(w, button(user, 'outbox_retry', FAILED_POST)),
  },
  {
    name: 'button Create anyway (release create, past dates)',
    changes: true,
    surface: 'button',
    scene: 'freeze',
    names: /Only kfrelease admins can create a release/,
    act: pressCreateAnyway,
  },
  {
    name: 'modal submit revisions (Notebooks)',
    changes: true,
    surface: 'modal',
    scene: 'freeze',
    names: /liaisons, the release manager or an admin can/,
    act: (w, user) =>
      submitModal(
        w,
        modal(
          'submit_revision',
          { release: 'v1.10.0', wg: THIS_WG, repos: ['kubeflow/kubeflow'] },
          {
            'repo:0': { revision: 'v1.10.2' },
            note: { note: '' },
          },
        )(user),
      ),
  },
  {
    name: 'modal declare dependencies (Notebooks)',
    changes: true,
    surface: 'modal',
    scene: 'freeze',
    names: /Only the liaisons of Notebooks \(Nora Notebooks\), the release manager or an admin can declare/,
    act: (w, user) =>
      submitModal(
        w,
        modal(
          'declare_dependencies',
          { release: 'v1.10.0', wg: THIS_WG, components: ['Notebook Controller'] },
          {
            'component:0': { value: 'v1.10.0' },
            'dep:kubernetes': { value: '>=1.29 <1.32' },
            'dep:python': { value: '' },
          },
        )(user),
      ),
  },
  {
    name: 'modal deny revision (reason)',
    changes: true,
    surface: 'modal',
    scene: 'freeze',
    names: /Only the release manager of v1\.10\.0 or an admin can deny a held revision/,
    act: (w, user) =>
      submitModal(
        w,
        modal(
          'deny_revision',
          { revisionId: w.ids.heldRevision, channel: null, ts: null },
          {
            reason: { reason: 'Minor bump after the freeze: ship v1.10.1' },
          },
        )(user),
      ),
  },
  {
    name: 'modal re-plan one date',
    changes: true,
    surface: 'modal',
    scene: 'freeze',
    names: /Only the release manager of v1\.10\.0 \(Rita Manager\) or an admin can re-plan v1\.10\.0/,
    act: (w, user) =>
      submitModal(
        w,
        modal(
          'release_replan',
          { release: 'v1.10.0', planRevision: planRevision(w) },
          {
            replan_item: { replan_item: select('rc.1') },
            replan_date: { replan_date: { type: 'datepicker', selected_date: '2026-05-26' } },
            replan_scope: { replan_scope: { type: 'radio_buttons', selected_option: { value: 'only' } } },
            replan_reason: { replan_reason: 'Pipelines needs two more days for the backend fix' },
          },
        )(user),
      ),
  },
  {
    name: 'modal move on after a phase end',
    changes: true,
    surface: 'modal',
    scene: 'freeze',
    names:
      /Only the release manager of v1\.10\.0 \(Rita Manager\) or an admin can decide how Preparation of v1\.10\.0 ends/,
    act: (w, user) =>
      submitModal(
        w,
        modal('phase_end_move_on', JSON.parse(PREPARATION_END) as object, {
          phase_end_reason: { phase_end_reason: 'Permissions were granted by hand in the first week' },
        })(user),
      ),
  },
  {
    name: 'modal add docs item (Notebooks)',
    changes: true,
    surface: 'modal',
    scene: 'freeze',
    names:
      /Only the Docs Lead, the release manager and (a working group's|Notebooks's) liaison, docs lead or test lead/,
    act: (w, user) =>
      submitModal(
        w,
        modal(
          'docs_add',
          { release: 'v1.10.0' },
          {
            wg: { wg: select(THIS_WG) },
            feature: { feature: 'Notebook GPU picker' },
            pages: { pages: '/docs/notebooks/gpu' },
            owner: { owner: { type: 'users_select', selected_user: null } },
            status: { status: select('needed') },
          },
        )(user),
      ),
  },
  {
    name: 'modal add feature (Notebooks)',
    changes: true,
    surface: 'modal',
    scene: 'freeze',
    names: /Only the release manager and (a working group's|Notebooks's) liaison can track features/,
    act: (w, user) =>
      submitModal(
        w,
        modal(
          'feature_add',
          { release: 'v1.10.0' },
          {
            wg: { wg: select(THIS_WG) },
            title: { title: 'Notebook idle culling' },
            ref: { ref: 'kubeflow/kubeflow#101' },
            docs: { docs: { type: 'checkboxes', selected_options: [] } },
            pages: { pages: '' },
            highlight: { highlight: { type: 'checkboxes', selected_options: [] } },
          },
        )(user),
      ),
  },
  {
    name: 'modal punt feature (Notebooks)',
    changes: true,
    surface: 'modal',
    scene: 'freeze',
    names: /Only the release manager and Notebooks's liaison can punt feature #\d+ \(Notebooks\)/,
    act: (w, user) =>
      submitModal(
        w,
        modal(
          'feature_punt',
          { feature: w.ids.feature },
          { reason: { reason: 'Needs a new scheduler API' } },
        )(user),
      ),
  },
  {
    name: 'modal sign off (AWS)',
    changes: true,
    surface: 'modal',
    scene: 'freeze',
    names: /Only the AWS distribution representatives \(Dana Distro\) or an admin can sign off for AWS/,
    act: (w, user) =>
      submitModal(
        w,
        modal(
          'distribution_signoff',
          { release: 'v1.10.0' },
          {
            distribution: { distribution: select('AWS') },
            rc: { rc: select('rc.0') },
            result: { result: { type: 'radio_buttons', selected_option: { value: 'thumbs_up' } } },
            issues: { issues: '' },
            kubernetes: { kubernetes: '1.29' },
            evidence: { evidence: { type: 'url_text_input', value: null } },
            notes: { notes: '' },
          },
        )(user),
      ),
  },
  {
    name: 'modal report blocking issues',
    changes: true,
    surface: 'modal',
    scene: 'freeze',
    names: /./,
    act: (w, user) =>
      submitModal(
        w,
        modal(
          'blocker_report',
          { release: 'v1.10.0', attempt: 0 },
          {
            'wg:0': { wg: select(THIS_WG) },
            'refs:0': { refs: 'kubeflow/kubeflow#103' },
            'blocks:0': { blocks: { type: 'radio_buttons', selected_option: { value: 'no' } } },
            'note:0': { note: '' },
          },
        )(user),
      ),
  },
  {
    name: 'modal triage decision (Notebooks issue)',
    changes: true,
    surface: 'modal',
    scene: 'freeze',
    names: /the release manager of v1\.10\.0 .*, the Notebooks liaisons .* or an admin/,
    act: (w, user) =>
      submitModal(
        w,
        modal(
          'blocker_triage_view',
          { blockerId: w.ids.untriagedIssue, channel: null },
          {
            decision: { decision: select('at_risk') },
            reason: { reason: '' },
          },
        )(user),
      ),
  },
];
