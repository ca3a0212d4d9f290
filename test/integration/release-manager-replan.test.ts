import type { StoredView } from '../fakes/fake-slack';
import { databaseSnapshot } from '../helpers/database-snapshot';
import { startAppWithTeam } from '../helpers/release-with-team';
import { outboxDelivered, textOf, viewAnswer } from '../helpers/revision-fixtures';
import { blockAction, viewSubmission, type ViewStateValue } from '../helpers/slack-request';
import { ADMIN, answerText, RELEASE_CHANNEL, type TestApp } from '../helpers/start-app';

const RM = 'U0ADA0001';
const ALAN = 'U0ALAN001';

/** What the release manager has chosen in the re-plan form. */
interface Choice {
  item?: string;
  date?: string;
  moveLater?: boolean;
  reason?: string;
}

/** The form's state as Slack sends it back: `values[block_id][action_id]`. */
function stateOf(choice: Choice): Record<string, Record<string, ViewStateValue>> {
  return {
    replan_item: {
      replan_item: { type: 'static_select', selected_option: choice.item ? { value: choice.item } : null },
    },
    replan_date: { replan_date: { type: 'datepicker', selected_date: choice.date ?? null } },
    replan_scope: {
      replan_scope: {
        type: 'radio_buttons',
        selected_option: { value: choice.moveLater ? 'later' : 'only' },
      },
    },
    replan_reason: { replan_reason: { type: 'plain_text_input', value: choice.reason ?? null } },
  };
}

/** The element of the field just changed, as the block action carries it. */
function actionOf(field: 'item' | 'date' | 'scope', choice: Choice): Record<string, unknown> {
  const base = { action_id: `replan_${field}`, block_id: `replan_${field}`, action_ts: '1767225601.000200' };
  if (field === 'item') return { ...base, type: 'static_select', selected_option: { value: choice.item } };
  if (field === 'date') return { ...base, type: 'datepicker', selected_date: choice.date };
  return { ...base, type: 'radio_buttons', selected_option: { value: choice.moveLater ? 'later' : 'only' } };
}

const planRevisionOf = (view: StoredView) =>
  (JSON.parse(String(view.private_metadata)) as { planRevision: number }).planRevision;

/** v1.10.0: week 1 Mon 2 Mar 2026; today Tue 12 May, in Feature Freeze; rc.1 Fri 22 May, release day Mon 22 Jun. */
describe('re-planning one date with /kfrelease replan', () => {
  let app: TestApp;
  let form: StoredView;
  const store = () => app.services.store;
  const release = () => {
    const found = store().releases.findByVersion('v1.10.0');
    if (!found) throw new Error('no release');
    return found;
  };
  const due = (which: 'firstPlan' | 'latestPlan', key: string) =>
    store()
      .releases[which](release())
      ?.timeline.milestones.find((m) => m.key === key)?.dueOn;
  const snapshot = () => databaseSnapshot(store().db);

  /** `/kfrelease <text>` as `user`, answered by opening the form: the view Slack now holds. */
  async function open(user: string, text = 'replan'): Promise<StoredView> {
    const seen = app.slack.callsTo('views.open').length;
    const response = await app.command(text, user);
    expect(response.text).toBe('');
    await app.slack.waitForCall('views.open', () => app.slack.callsTo('views.open').length > seen);
    const view = [...app.slack.state.views.values()].at(-1);
    if (!view) throw new Error('no view opened');
    return view;
  }

  /** A field of the open form changed by `user`: the form as views.update left it. */
  async function change(user: string, field: 'item' | 'date' | 'scope', choice: Choice): Promise<StoredView> {
    const seen = app.slack.callsTo('views.update').length;
    const {
      channel: _channel,
      message: _message,
      ...payload
    } = blockAction({
      user,
      actionId: `replan_${field}`,
      value: '',
    });
    const response = await app.interact({
      ...payload,
      container: { type: 'view', view_id: form.id },
      view: { ...form, state: { values: stateOf(choice) } },
      actions: [actionOf(field, choice)],
    });
    expect(response.status).toBe(200);
    const update = await app.slack.waitForCall(
      'views.update',
      () => app.slack.callsTo('views.update').length > seen,
    );
    expect(update.args).toMatchObject({ view_id: form.id, hash: form.hash });
    const view = app.slack.view(form.id);
    if (!view) throw new Error('the form is gone');
    form = view;
    return view;
  }

  function submit(user: string, choice: Choice, planRevision = planRevisionOf(form)) {
    // A minute passes between two saves: decisions are announced once per action and moment.
    app.clock.advance({ minutes: 1 });
    return app.interact(
      viewSubmission({
        user,
        callbackId: 'release_replan',
        privateMetadata: JSON.stringify({ release: 'v1.10.0', planRevision }),
        values: stateOf(choice),
        viewId: form.id,
        hash: form.hash,
      }),
    );
  }

  /** The release channel's announcements of re-plans, once the outbox delivered them. */
  async function announcements(): Promise<string[]> {
    await outboxDelivered(app);
    return app.slack
      .messages(RELEASE_CHANNEL)
      .map((m) => String(m.text))
      .filter((text) => text.includes('re-planned'));
  }

  beforeAll(async () => {
    app = await startAppWithTeam('2026-05-12T10:00:00Z');
  });
  afterAll(async () => {
    app.slack.assertNoUnexpectedCalls();
    await app.stop();
  });

  it('refuses a liaison plainly before any form opens, changing nothing', async () => {
    const before = snapshot();
    const text = answerText(await app.command('replan rc.1 2026-05-26', ALAN));
    expect(text).toContain(
      'Only the release manager of v1.10.0 (<@U0ADA0001>) or an admin can re-plan v1.10.0.',
    );
    expect(app.slack.callsTo('views.open')).toHaveLength(0);
    expect(snapshot()).toBe(before);
  });

  it.each([
    ['an unknown milestone', 'replan rc.9 2026-05-26', '"rc.9" is not a milestone or phase of v1.10.0'],
    [
      'a date that is not one',
      'replan rc.1 26/05/2026',
      '"26/05/2026" is not a date; write it as YYYY-MM-DD.',
    ],
    ['too many words', 'replan rc.1 2026-05-26 now', 'Give at most the milestone or phase and its new date.'],
  ])('answers %s with the usage instead of a form', async (_case, command, problem) => {
    const text = answerText(await app.command(command, RM));
    expect(text).toContain(problem);
    expect(text).toContain('/kfrelease replan [milestone-or-phase] [new-date] [--move-later]');
    expect(app.slack.callsTo('views.open')).toHaveLength(0);
  });

  it('opens the form with every milestone and phase to choose from, and nothing chosen yet', async () => {
    app.slack.expect('views.open', 1);
    form = await open(RM);
    const text = textOf(form.blocks);
    expect(form.callback_id).toBe('release_replan');
    expect(planRevisionOf(form)).toBe(1);
    expect(text).toContain('rc.1 tagged on the last day of feature freeze (rc.1) · Fri 22 May 2026');
    expect(text).toContain('Feature Freeze · from Mon 11 May 2026');
    expect(text).toContain('Only this date: the later dates stay');
    expect(text).toContain('the new plan shows here, next to the current one, before anything is saved');
  });

  it('shows, before anything is saved, one milestone moved later alone next to the current plan', async () => {
    app.slack.expect('views.update', 2);
    const before = snapshot();
    const picked = textOf((await change(RM, 'item', { item: 'rc.1' })).blocks);
    expect(picked).toContain('the new plan shows here');
    const text = textOf((await change(RM, 'date', { item: 'rc.1', date: '2026-05-26' })).blocks);
    expect(text).toContain('• *Feature Freeze* ends: Sun 24 May 2026 → *Tue 26 May 2026*');
    expect(text).toContain('• *Manifests testing* starts: Mon 25 May 2026 → *Wed 27 May 2026*');
    expect(text).toContain(
      '• *rc.1 tagged on the last day of feature freeze*: Fri 22 May 2026 → *Tue 26 May 2026*',
    );
    expect(text).toContain(':calendar: Release day stays *Mon 22 Jun 2026*.');
    expect(text).toContain('*Current plan* (plan 1)\nPreparation: Mon 2 Feb – Sun 1 Mar');
    expect(text).toMatch(
      /\*New plan\*\n[^]*\*Feature Freeze: Mon 11 May – Tue 26 May\*[^]*\*rc\.1: Tue 26 May\*/,
    );
    expect(text).toContain('No moved date falls on a holiday or conference');
    expect(snapshot()).toBe(before);
  });

  it('shows the holidays the moved dates fall on', async () => {
    app.slack.expect('views.update', 1);
    const text = textOf((await change(RM, 'date', { item: 'rc.1', date: '2026-05-25' })).blocks);
    expect(text).toContain(':warning: *Moved dates on holidays or conferences* (not a block):');
    expect(text).toContain(
      '• Mon 25 May 2026: rc.1 tagged on the last day of feature freeze (v1.10.0-rc.1) on *Memorial Day* (United States)',
    );
    expect(text).toContain('on *Whit Monday* (Germany, France, Netherlands and others)');
  });

  it('shows a problem under the date, and refuses to save it next to the field, changing nothing', async () => {
    app.slack.expect('views.update', 1);
    const view = await change(RM, 'date', { item: 'rc.1', date: '2026-05-30' });
    const blocks = view.blocks as { block_id?: string; type: string }[];
    const at = blocks.findIndex((b) => b.block_id === 'replan_date');
    expect(textOf(blocks[at + 1])).toContain(
      ':warning: rc.1 tagged on the last day of feature freeze on 2026-05-30 would come after rc.2 tagged after manifests testing (2026-05-29).',
    );
    expect(textOf(view.blocks)).not.toContain('What changes');
    const before = snapshot();
    const refused = viewAnswer(
      await submit(RM, { item: 'rc.1', date: '2026-05-30', reason: 'Needs more time' }),
    );
    expect(refused.response_action).toBe('errors');
    expect(refused.errors?.replan_date).toContain('would come after rc.2 tagged after manifests testing');
    const past = viewAnswer(
      await submit(RM, { item: 'rc.1', date: '2026-05-01', reason: 'Needs more time' }),
    );
    expect(past.errors?.replan_date).toContain('2026-05-01 is in the past; today is 2026-05-12.');
    const noReason = viewAnswer(await submit(RM, { item: 'rc.1', date: '2026-05-26', reason: ' ok ' }));
    expect(noReason.errors).toEqual({
      replan_reason: 'Say why: the reason goes into the plan and the decision log.',
    });
    const nothing = viewAnswer(await submit(RM, { reason: 'Needs more time' }));
    expect(nothing.errors).toEqual({ replan_item: 'Choose a milestone or a phase.' });
    expect(snapshot()).toBe(before);
  });

  it('saves one milestone later alone as a new plan, keeping the first, and announces it once', async () => {
    const saved = viewAnswer(
      await submit(RM, { item: 'rc.1', date: '2026-05-26', reason: 'Pipelines needs two more days' }),
    );
    expect(saved.response_action).toBe('update');
    const text = textOf(saved.view);
    expect(text).toContain(
      ':white_check_mark: Saved as plan 2 of Kubeflow v1.10.0: *rc.1 tagged on the last day of feature freeze* from Fri 22 May 2026 to *Tue 26 May 2026*, only that date.',
    );
    expect(text).toContain('Release day stays *Mon 22 Jun 2026*');
    expect(text).toContain('The release channel has been told.');
    expect(store().releases.planCount(release().id)).toBe(2);
    expect([due('firstPlan', 'rc.1'), due('latestPlan', 'rc.1')]).toEqual(['2026-05-22', '2026-05-26']);
    expect([due('latestPlan', 'rc.2'), due('latestPlan', 'release')]).toEqual(['2026-05-29', '2026-06-22']);
    expect(store().releases.latestPlan(release())?.reason).toBe(
      'Re-planned rc.1 tagged on the last day of feature freeze from 2026-05-22 to 2026-05-26 (4 days later, only that date): Pipelines needs two more days',
    );
    const [audit] = store()
      .audit.forRelease(release().id)
      .filter((e) => e.action === 'plan.replanned');
    expect(audit?.details).toEqual({
      item: 'rc.1',
      name: 'rc.1 tagged on the last day of feature freeze',
      from: '2026-05-22',
      to: '2026-05-26',
      days: 4,
      moveLater: false,
      planRevision: 2,
      releaseDayFrom: '2026-06-22',
      releaseDayTo: '2026-06-22',
      reason: 'Pipelines needs two more days',
    });
    expect(await announcements()).toEqual([
      'Kubeflow v1.10.0: <@U0ADA0001> re-planned rc.1 tagged on the last day of feature freeze from 2026-05-22 to 2026-05-26, only that date (plan 2); release day stays 2026-06-22',
    ]);
  });

  it('shows the form again with the new plan when the one it was made from changed meanwhile', async () => {
    const before = snapshot();
    const answer = viewAnswer(
      await submit(RM, { item: 'rc.2', date: '2026-05-28', reason: 'One day less testing' }, 1),
    );
    expect(answer.response_action).toBe('update');
    const text = textOf(answer.view);
    expect(text).toContain(
      ':warning: The plan changed while this form was open (it is now plan 2): check the new preview, then save again.',
    );
    expect(text).toContain('• *rc.2 tagged after manifests testing*: Fri 29 May 2026 → *Thu 28 May 2026*');
    expect(snapshot()).toBe(before);
  });

  it('moves one milestone earlier alone', async () => {
    const saved = viewAnswer(
      await submit(
        RM,
        { item: 'rc.2', date: '2026-05-28', reason: 'Manifests testing is quick this time' },
        2,
      ),
    );
    expect(textOf(saved.view)).toContain('Saved as plan 3');
    expect([due('latestPlan', 'rc.2'), due('latestPlan', 'release')]).toEqual(['2026-05-28', '2026-06-22']);
  });

  it('previews and saves a milestone later with every date after it, release day too', async () => {
    app.slack.expect('views.update', 1);
    const choice = { item: 'rc.2', date: '2026-06-04', moveLater: true };
    const text = textOf((await change(RM, 'scope', choice)).blocks);
    expect(text).toContain(
      ':calendar: *Release day moves* from Mon 22 Jun 2026 to *Mon 29 Jun 2026* (7 days later).',
    );
    expect(text).toContain(
      '• *Distribution testing*: Mon 1 Jun 2026 – Sun 21 Jun 2026 → *Mon 8 Jun 2026 – Sun 28 Jun 2026*',
    );
    const saved = viewAnswer(await submit(RM, { ...choice, reason: 'The manifests need one more fix' }, 3));
    expect(textOf(saved.view)).toContain('Saved as plan 4');
    expect([due('latestPlan', 'rc.2'), due('latestPlan', 'release')]).toEqual(['2026-06-04', '2026-06-29']);
  });

  it('moves a milestone earlier with every date after it, pulling release day in', async () => {
    const choice = { item: 'rc.3', date: '2026-06-12', moveLater: true, reason: 'No rc.3 needed after all' };
    const saved = viewAnswer(await submit(RM, choice, 4));
    expect(textOf(saved.view)).toContain(
      'Release day moves* from Mon 29 Jun 2026 to *Mon 22 Jun 2026* (7 days earlier)',
    );
    expect([due('latestPlan', 'rc.3'), due('latestPlan', 'release')]).toEqual(['2026-06-12', '2026-06-22']);
    expect([due('firstPlan', 'rc.2'), due('firstPlan', 'release')]).toEqual(['2026-05-29', '2026-06-22']);
    expect(store().releases.planCount(release().id)).toBe(5);
  });

  it('lists every re-plan in the decision log with its reason, each announced once', async () => {
    const text = answerText(await app.command('decisions', ALAN));
    expect(text).toContain(
      'Re-planned rc.2 tagged after manifests testing from 2026-05-28 to 2026-06-04, and everything after it (plan 4); release day moves from 2026-06-22 to 2026-06-29',
    );
    expect(text).toContain('_The manifests need one more fix_');
    expect(text).toContain(
      'Re-planned rc.3 tagged if distribution testing needs it from 2026-06-19 to 2026-06-12, and everything after it (plan 5); release day moves from 2026-06-29 to 2026-06-22',
    );
    expect(await announcements()).toHaveLength(4);
  });

  it("refuses a liaison's change or save of the form, changing nothing", async () => {
    const before = snapshot();
    const seen = app.slack.callsTo('chat.postMessage').length;
    const {
      channel: _channel,
      message: _message,
      ...payload
    } = blockAction({
      user: ALAN,
      actionId: 'replan_item',
      value: '',
    });
    await app.interact({
      ...payload,
      container: { type: 'view', view_id: form.id },
      view: { ...form, state: { values: stateOf({ item: 'rc.1' }) } },
      actions: [actionOf('item', { item: 'rc.1' })],
    });
    const told = await app.slack.waitForCall(
      'chat.postMessage',
      (c) => c.args.channel === ALAN && app.slack.callsTo('chat.postMessage').length > seen,
    );
    expect(String(told.args.text)).toContain(
      'Only the release manager of v1.10.0 (<@U0ADA0001>) or an admin',
    );
    const refused = viewAnswer(await submit(ALAN, { item: 'rc.1', date: '2026-05-27', reason: 'Because' }));
    expect(refused.errors?.replan_item).toContain(
      'Only the release manager of v1.10.0 (Ada Lovelace) or an admin',
    );
    expect(snapshot()).toBe(before);
  });

  it('refuses a closed release plainly, before the form opens and when it is saved', async () => {
    store().releases.setStatus(release().id, 'live', 'closed', {
      at: '2026-05-12T12:00:00.000Z',
      by: ADMIN,
      reason: 'replaced by v1.11.0',
    });
    const before = snapshot();
    const text = answerText(await app.command('replan rc.1 2026-05-27 --release v1.10.0', RM));
    expect(text).toContain(
      'Kubeflow v1.10.0 is closed on 2026-05-12 (replaced by v1.11.0): it can no longer change, so nothing was saved.',
    );
    const refused = viewAnswer(await submit(RM, { item: 'rc.1', date: '2026-05-27', reason: 'Because' }, 5));
    expect(refused.errors?.replan_item).toContain('Kubeflow v1.10.0 is closed');
    expect(snapshot()).toBe(before);
    expect(app.slack.callsTo('views.open')).toHaveLength(1);
  });
});

/** v1.10.0 on Wed 6 May 2026: Feature Freeze is planned from Mon 11 May, Manifests testing from Mon 25 May. */
describe('moving on early with /kfrelease phase advance', () => {
  let app: TestApp;
  const plan = () => {
    const release = app.services.store.releases.findByVersion('v1.10.0');
    const latest = release && app.services.store.releases.latestPlan(release);
    if (!latest) throw new Error('no plan');
    return latest.timeline;
  };
  const releaseDay = () => plan().milestones.find((m) => m.key === 'release')?.dueOn;

  beforeAll(async () => {
    app = await startAppWithTeam('2026-05-06T10:00:00Z');
  });
  afterAll(async () => {
    app.slack.assertNoUnexpectedCalls();
    await app.stop();
  });

  it('starts the next phase today and keeps release day and every later date', async () => {
    const text = answerText(await app.command('phase advance', RM));
    expect(text).toContain(
      'It starts 5 days early: re-planned as plan 2, the later dates stay where they were (release day Mon 22 Jun 2026 too); the first plan is kept.',
    );
    const phases = Object.fromEntries(plan().phases.map((p) => [p.key, `${p.startsOn}..${p.endsOn}`]));
    expect(phases).toMatchObject({
      development: '2026-03-02..2026-05-05',
      feature_freeze: '2026-05-06..2026-05-24',
      manifests_testing: '2026-05-25..2026-05-31',
    });
    expect(releaseDay()).toBe('2026-06-22');
  });

  it('with --move-later brings every later date as many days earlier, release day too', async () => {
    app.clock.set('2026-05-12T10:00:00Z');
    const text = answerText(
      await app.command('phase advance --move-later Training is ready early; the rest is too', RM),
    );
    expect(text).toContain(
      'It starts 13 days early: re-planned as plan 3, every later phase and milestone 13 days earlier (release day now Tue 9 Jun 2026); the first plan is kept.',
    );
    expect(text).toContain('Reason recorded: Training is ready early; the rest is too');
    expect(text).toContain(
      ':warning: Now on a weekend: rc.2 tagged after manifests testing (Sat 16 May 2026)',
    );
    expect(releaseDay()).toBe('2026-06-09');
    const decisions = answerText(await app.command('decisions', RM));
    expect(decisions).toContain(
      'Moved from Feature Freeze to Manifests testing, 13 days early (re-planned as plan 3, every later date 13 days earlier) with 5 criteria unmet',
    );
    expect(decisions).toContain(
      'Moved from Development to Feature Freeze, 5 days early (re-planned as plan 2) with every criterion met',
    );
  });
});
