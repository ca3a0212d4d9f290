import { createReleaseInSlack } from '../helpers/create-release-in-slack';
import { DateTime } from 'luxon';
import { runCli } from '../../src/cli/main';
import { computeDue } from '../../src/workflows/compute-due';
import { noteTakerOn } from '../../src/workflows/note-takers';
import { runDueJobs } from '../../src/workflows/run-due-jobs';
import { importTeam } from '../../src/workflows/import-team';
import { checkRcTags, rcCheckDeps } from '../../src/workflows/check-rc-tags';
import { startFakeGitHub, type FakeGitHub } from '../fakes/fake-github';
import { fakeSha } from '../fakes/fake-github-model';
import { dmChannelId } from '../fakes/fake-slack';
import { databaseSnapshot } from '../helpers/database-snapshot';
import { delivered } from '../helpers/deliver';
import { EXAMPLE_TEAM_YAML } from '../helpers/release-with-team';
import { blockAction, viewSubmission } from '../helpers/slack-request';
import { ADMIN, answerText, startTestApp, type TestApp } from '../helpers/start-app';
import { openHome } from '../helpers/open-home';

const RM = 'U0ADA0001';
const ALAN = 'U0ALAN001';
const CHANNEL_11 = 'C0REL1110';
const CHANNEL_12 = 'C0REL1120';
const DM = 'D0ALANDM1';
const MANIFESTS = 'kubeflow/manifests';

async function createWithTeam(app: TestApp, version: string, startDate: string, channel: string) {
  await createReleaseInSlack(
    app,
    `release create ${version} ${startDate} handbook-17w Europe/Berlin`,
    ADMIN,
    { channel },
  );
  importTeam(app.services, {
    yaml: EXAMPLE_TEAM_YAML.replace(/^release: .*$/m, `release: ${version}`),
    source: 'team.yml',
    actor: { kind: 'cli', name: 'test' },
  });
}

/**
 * v1.11.0: week 1 Mon 2 Mar 2026, release day planned Mon 22 Jun, Post Release to Sun 26 Jul.
 * v1.12.0: week 1 Mon 3 Aug 2026, Preparation from Mon 6 Jul. On Wed 8 Jul both are live: v1.11.0
 * in Post Release, v1.12.0 in Preparation.
 */
describe('two live releases: which one a command is about', () => {
  let app: TestApp;
  const say = async (text: string, channel: string, user = ALAN) =>
    answerText(await app.command(text, user, { channel }));

  beforeAll(async () => {
    app = await startTestApp({ now: '2026-02-20T10:00:00Z' });
    app.slack.expect('chat.postMessage');
    app.slack.expect('views.publish');
    app.slack.expect('views.open');
    await createWithTeam(app, 'v1.11.0', '2026-03-02', CHANNEL_11);
    await createWithTeam(app, 'v1.12.0', '2026-08-03', CHANNEL_12);
    app.clock.set('2026-07-08T10:00:00Z');
  });
  afterAll(() => app.stop());

  it('answers about the release bound to the channel it is asked in, with no note', async () => {
    const in11 = await say('status', CHANNEL_11);
    expect(in11).toContain('Kubeflow v1.11.0');
    expect(in11).toContain('Post Release');
    expect(in11).not.toContain('one of the live releases');
    const in12 = await say('status', CHANNEL_12);
    expect(in12).toContain('Kubeflow v1.12.0');
    expect(in12).toContain('Preparation');
  });

  it('answers from a direct message about the one closer to its release day, and says the other is live', async () => {
    const text = await say('status', DM);
    expect(text).toContain('Kubeflow v1.11.0');
    expect(text).toContain(
      'About Kubeflow v1.11.0, one of the live releases (v1.11.0, v1.12.0). For another, add `--release v1.12.0` or ask in its release channel.',
    );
  });

  it('takes the release named, with --release anywhere or as the only word of a reading command', async () => {
    expect(await say('status --release v1.12.0', DM)).toContain('Kubeflow v1.12.0');
    expect(await say('timeline v1.12.0', CHANNEL_11)).toContain('Timeline of Kubeflow v1.12.0');
    expect(await say('status v1.11.0 --release v1.12.0', DM)).toContain(
      'Name one release: v1.11.0 or v1.12.0.',
    );
  });

  it('never reads free text as a version: a retro note starting with one goes to the channel’s release', async () => {
    await say('retro v1.12.0 should start its meetings earlier', CHANNEL_11);
    const notes = app.services.store.retroNotes.forRelease(1).map((n) => n.note);
    expect(notes).toContain('v1.12.0 should start its meetings earlier');
    expect(app.services.store.retroNotes.forRelease(2)).toEqual([]);
  });

  it('ticks the post-release checklist of the release still in Post Release, from its channel', async () => {
    const text = await say('check retrospective-held', CHANNEL_11, RM);
    expect(text).toContain('Ticked `retrospective-held`');
    expect(text).toContain('(v1.11.0)');
  });

  it('reads retrospective notes of either release at any time, by channel or by version', async () => {
    expect(await say('retro list', CHANNEL_11)).toContain('v1.12.0 should start its meetings earlier');
    expect(await say('retro show v1.11.0', DM)).toContain('v1.12.0 should start its meetings earlier');
    expect(await say('retro list', CHANNEL_12)).not.toContain('should start its meetings earlier');
  });

  it('shows on App Home every live release the person has a role in, each with its own buttons', async () => {
    const call = await openHome(app, ALAN);
    const home = JSON.stringify(call.args.view);
    expect(home).toContain('Kubeflow v1.11.0');
    expect(home).toContain('Kubeflow v1.12.0');
    const buttons: Array<{ action_id?: string; value?: string }> = [];
    JSON.stringify(call.args.view, (_key, node: { type?: string; action_id?: string; value?: string }) => {
      if (node && node.type === 'button') buttons.push(node);
      return node;
    });
    const values = buttons.filter((b) => b.action_id === 'open_submit_revision').map((b) => b.value);
    expect(values.sort()).toEqual(['v1.11.0', 'v1.12.0']);
  });

  it('opens the revision form for the release the button names, not the one the channel picks', async () => {
    const opened = app.slack.callsTo('views.open').length;
    await app.interact(
      blockAction({ user: ALAN, actionId: 'open_submit_revision', value: 'v1.12.0', channel: CHANNEL_11 }),
    );
    const call = await app.slack.waitForCall(
      'views.open',
      (c) => app.slack.callsTo('views.open').indexOf(c) >= opened,
    );
    const view = call.args.view as { private_metadata: string };
    expect(JSON.parse(view.private_metadata)).toMatchObject({ release: 'v1.12.0' });
  });

  it('refuses to create or bind a release in a direct message, changing nothing', async () => {
    const before = databaseSnapshot(app.services.store.db);
    expect(
      answerText(
        await createReleaseInSlack(app, 'release create v1.13.0 2026-12-07', ADMIN, { channel: DM }),
      ),
    ).toContain('Create the release in the channel the release team works in');
    expect(await say('release channel v1.12.0', DM, RM)).toContain('not in a direct message');
    expect(databaseSnapshot(app.services.store.db)).toBe(before);
  });
});

describe('what actually shipped, and when', () => {
  let github: FakeGitHub;
  let app: TestApp;
  const say = async (text: string, user = ALAN) =>
    answerText(await app.command(text, user, { channel: CHANNEL_11 }));

  beforeAll(async () => {
    github = await startFakeGitHub();
    github.addRepo(MANIFESTS, { defaultBranch: 'master' });
    const commit = fakeSha('final');
    // The final tag came on Thu 18 Jun, four days before the planned Mon 22 Jun.
    github.addCommit(MANIFESTS, commit, [], { date: '2026-06-18T09:30:00Z' });
    github.addTag(MANIFESTS, 'v1.11.0', commit);
    app = await startTestApp({ now: '2026-02-20T10:00:00Z', githubUrl: github.url });
    app.slack.expect('chat.postMessage');
    await createWithTeam(app, 'v1.11.0', '2026-03-02', CHANNEL_11);
    app.clock.set('2026-06-19T10:00:00Z');
    const release = app.services.store.releases.findByVersion('v1.11.0');
    if (!release) throw new Error('fixture');
    await checkRcTags(rcCheckDeps(app.services), release);
  });
  afterAll(async () => {
    await app.stop();
    await github.close();
  });

  it('shows release day as it happened in status and timeline, with the slip against the first plan', async () => {
    const status = await say('status');
    expect(status).toContain(
      '*Released:* Thu 18 Jun 2026, yesterday (tag `v1.11.0`) · _4 days earlier than first planned_',
    );
    const timeline = await say('timeline');
    expect(timeline).toContain(
      ':white_check_mark: Thu 18 Jun 2026: *Final release published* `v1.11.0` · done (tag `v1.11.0`)',
    );
    expect(timeline).toContain(
      '*Release day came 4 days earlier than first planned* (first plan Mon 22 Jun 2026)',
    );
  });

  it('publishes the actual day in the schedule JSON and the calendar feed, the list and the release agreeing', async () => {
    const list = (await (await fetch(`${app.url}/api/releases.json`)).json()) as { releases: unknown[] };
    const one = (await (await fetch(`${app.url}/api/releases/v1.11.0.json`)).json()) as Record<
      string,
      unknown
    >;
    const summary = {
      version: 'v1.11.0',
      startDate: '2026-03-02',
      releaseOn: '2026-06-18',
      shippedOn: '2026-06-18',
      cycle: { startsOn: '2026-02-02', endsOn: '2026-07-22' },
    };
    expect(list.releases).toEqual([expect.objectContaining(summary)]);
    expect(one).toEqual(expect.objectContaining(summary));
    expect((one.milestones as { key: string }[]).find((m) => m.key === 'release')).toMatchObject({
      plannedOn: '2026-06-22',
      dueOn: '2026-06-18',
      doneOn: '2026-06-18',
      slipDays: -4,
    });
    const ics = await (await fetch(`${app.url}/schedule/v1.11.0.ics`)).text();
    expect(ics).toContain('DTSTART;VALUE=DATE:20260618');
    expect(ics).toContain('Done on 2026-06-18.');
  });

  it('puts the actual day in the announcement draft and the retrospective figures', async () => {
    expect(await say('announcement')).toContain('(release day Thu 18 Jun 2026)');
    const retro = await say('retro show');
    expect(retro).toContain('*Release day:* Thu 18 Jun 2026');
    expect(retro).toContain('Final release published: Thu 18 Jun 2026 (-4 days)');
  });

  it('opens patch releases once shipped, not by the planned day', async () => {
    const opened = await say('patch v1.11.1', RM);
    expect(opened).toContain(':package: Opened patch release *v1.11.1*.');
  });

  it('lets the release manager correct release day by hand; the date given wins over the tag', async () => {
    expect(await say('release shipped 2026-06-17', ALAN)).toContain(
      'Only the release manager of v1.11.0 (<@U0ADA0001>) or an admin can record that v1.11.0 shipped.',
    );
    expect(await say('release shipped 2026-06-17', RM)).toContain(
      'Kubeflow v1.11.0 shipped on Wed 17 Jun 2026 · _5 days earlier than first planned_.',
    );
    expect(await say('status')).toContain(
      '*Released:* Wed 17 Jun 2026, 2 days ago (recorded by the release manager)',
    );
    expect(await say('release shipped 2026-06-30', RM)).toContain('2026-06-30 has not come yet');
    expect(await say('decisions')).toContain(
      'Recorded that the release shipped on 2026-06-17, 5 days earlier than first planned',
    );
  });
});

describe('the final tag found late', () => {
  let github: FakeGitHub;
  let app: TestApp;
  const say = async (text: string) => answerText(await app.command(text, ALAN, { channel: CHANNEL_11 }));
  const check = async () => {
    const release = app.services.store.releases.findByVersion('v1.11.0');
    if (!release) throw new Error('fixture');
    await checkRcTags(rcCheckDeps(app.services), release);
  };

  beforeAll(async () => {
    github = await startFakeGitHub();
    github.addRepo(MANIFESTS, { defaultBranch: 'master' });
    app = await startTestApp({ now: '2026-02-20T10:00:00Z', githubUrl: github.url });
    app.slack.expect('chat.postMessage');
    await createWithTeam(app, 'v1.11.0', '2026-03-02', CHANNEL_11);
  });
  afterAll(async () => {
    await app.stop();
    await github.close();
  });

  it('says release day passed without the tag while it is missing', async () => {
    app.clock.set('2026-06-24T10:00:00Z');
    await check();
    const status = await say('status');
    expect(status).toContain('*Release day:* Mon 22 Jun 2026, 2 days ago');
    expect(status).not.toContain('*Released:*');
  });

  it('moves release day to the tag’s day once found, everywhere, with the slip', async () => {
    const commit = fakeSha('late-final');
    // The final tag came on Fri 26 Jun, four days after the planned Mon 22 Jun.
    github.addCommit(MANIFESTS, commit, [], { date: '2026-06-26T15:00:00Z' });
    github.addTag(MANIFESTS, 'v1.11.0', commit);
    app.clock.set('2026-06-27T10:00:00Z');
    await check();
    expect(await say('status')).toContain(
      '*Released:* Fri 26 Jun 2026, yesterday (tag `v1.11.0`) · _4 days later than first planned_',
    );
    const one = (await (await fetch(`${app.url}/api/releases/v1.11.0.json`)).json()) as {
      releaseOn: string;
      milestones: { key: string }[];
    };
    expect(one.releaseOn).toBe('2026-06-26');
    expect(one.milestones.find((m) => m.key === 'release')).toMatchObject({
      plannedOn: '2026-06-22',
      doneOn: '2026-06-26',
      slipDays: 4,
    });
    expect(await (await fetch(`${app.url}/schedule/v1.11.0.ics`)).text()).toContain(
      'DTSTART;VALUE=DATE:20260626',
    );
    expect(await say('announcement')).toContain('(release day Fri 26 Jun 2026)');
    expect(await say('retro show')).toContain('Final release published: Fri 26 Jun 2026 (+4 days)');
  });
});

describe('closing and cancelling: read-only afterwards, nothing written or posted', () => {
  let app: TestApp;
  const say = async (text: string, user = RM, channel = CHANNEL_11) =>
    answerText(await app.command(text, user, { channel }));

  beforeAll(async () => {
    app = await startTestApp({ now: '2026-02-20T10:00:00Z' });
    app.slack.expect('chat.postMessage');
    app.slack.expect('chat.postEphemeral');
    app.slack.expect('conversations.open');
    await createWithTeam(app, 'v1.11.0', '2026-03-02', CHANNEL_11);
    await createWithTeam(app, 'v1.12.0', '2026-08-03', CHANNEL_12);
    await app.command('meeting set tue 16:00 Europe/Berlin', RM, { channel: CHANNEL_11 });
    app.clock.set('2026-05-12T10:00:00Z');
  });
  afterAll(() => app.stop());

  it('refuses to close before release day without a reason, then closes with one and says so once', async () => {
    const before = databaseSnapshot(app.services.store.db);
    expect(await say('release close')).toContain(
      'v1.11.0 has not shipped yet (release day 2026-06-22): say why it is closed before.',
    );
    expect(await say('release close', ALAN)).toContain('Only the release manager of v1.11.0');
    expect(databaseSnapshot(app.services.store.db)).toBe(before);
    const closed = await say('release close v1.11.0 folded into v1.12.0 after the security freeze');
    expect(closed).toContain(
      ':lock: Kubeflow v1.11.0 is closed before its release day: folded into v1.12.0 after the security freeze.',
    );
    await delivered(app);
    const posts = app.slack
      .messages(CHANNEL_11)
      .filter((m) => String(m.text).includes('closed the release before its release day'));
    expect(posts).toHaveLength(1);
    expect(await say('status v1.11.0', ALAN)).toContain(
      ':lock: *Closed* on Tue 12 May 2026: folded into v1.12.0 after the security freeze.',
    );
  });

  it.each([
    ['action add Ask the Training WG for rc.1'],
    ['retro The freeze came too early'],
    ['check schedule-sent'],
    ['phase advance the team is ready'],
    ['delay rc.1 2026-05-29 Pipelines needs a week'],
    ['meeting set wed 15:00'],
    ['reminders set at=10:00'],
    ['release shipped'],
    ['release close'],
    ['docs set 1 done'],
    ['feature add'],
    ['feature public hide'],
    ['patch v1.11.1'],
    ['tracking-issue setup kubeflow/manifests'],
    ['submit Notebooks'],
    ['block Pipelines'],
    ['signoff'],
    ['replan'],
  ])(
    'refuses "/kfrelease %s --release v1.11.0" in one sentence, writing and posting nothing',
    async (command) => {
      const before = databaseSnapshot(app.services.store.db);
      const calls = app.slack.calls.length;
      const text = await say(`${command} --release v1.11.0`);
      expect(text).toMatch(
        /(Kubeflow v1\.11\.0 is closed on 2026-05-12 \(folded into v1\.12\.0 after the security freeze\): it can no longer change, so nothing was saved\.|There is no docs item)/,
      );
      expect(databaseSnapshot(app.services.store.db)).toBe(before);
      expect(app.slack.calls.slice(calls).map((c) => c.method)).toEqual([]);
    },
  );

  it('refuses a form submitted for it, next to the field, saving nothing', async () => {
    const before = databaseSnapshot(app.services.store.db);
    const response = await app.interact(
      viewSubmission({
        user: ALAN,
        callbackId: 'docs_add',
        privateMetadata: JSON.stringify({ release: 'v1.11.0' }),
        values: {
          wg: { wg: { type: 'static_select', selected_option: { value: 'Pipelines' } } },
          feature: { feature: 'Run caching' },
          pages: { pages: '' },
          owner: { owner: { type: 'users_select', selected_user: null } },
          status: { status: { type: 'static_select', selected_option: { value: 'needed' } } },
        },
      }),
    );
    expect(JSON.stringify(response.json())).toContain('Kubeflow v1.11.0 is closed');
    expect(databaseSnapshot(app.services.store.db)).toBe(before);
  });

  it('refuses a button of the closed release, opening nothing', async () => {
    const before = databaseSnapshot(app.services.store.db);
    const calls = app.slack.calls.length;
    await app.interact(
      blockAction({ user: ALAN, actionId: 'open_submit_revision', value: 'v1.11.0', channel: CHANNEL_11 }),
    );
    const told = await app.slack.waitForCall(
      'chat.postEphemeral',
      (c) => app.slack.calls.indexOf(c) >= calls,
    );
    expect(String(told.args.text)).toContain('Kubeflow v1.11.0 is closed');
    expect(app.slack.callsTo('views.open')).toEqual([]);
    expect(databaseSnapshot(app.services.store.db)).toBe(before);
  });

  it('refuses it at the command line too', async () => {
    const err: string[] = [];
    const env = {
      DATABASE_PATH: app.databasePath,
      KFRELEASE_NOW: '2026-05-12T10:00:00Z',
      LOG_LEVEL: 'silent',
    };
    const code = await runCli(['meeting', 'set', 'wed', '15:00', '--release', 'v1.11.0'], env, {
      out: () => undefined,
      err: (l) => err.push(l),
    });
    expect(code).toBe(1);
    expect(err.join('\n')).toContain('Kubeflow v1.11.0 is closed');
  });

  it('stops its scheduled posts and leaves commands without a version to the live release', async () => {
    expect(await say('status', ALAN, DM)).toContain('Kubeflow v1.12.0');
    const due = computeDue(app.services, app.clock.now().plus({ days: 7 }));
    expect(due.map((d) => d.release.version)).not.toContain('v1.11.0');
  });

  it('cancels a release with a reason, naming it; without one it refuses', async () => {
    expect(await say('release cancel v1.12.0', RM, CHANNEL_12)).toContain(
      'Name the release to cancel and say why.',
    );
    expect(
      await say('release cancel v1.12.0 merged into the calendar-versioned 26.10', RM, CHANNEL_12),
    ).toContain(':lock: Kubeflow v1.12.0 is cancelled: merged into the calendar-versioned 26.10.');
    expect(await say('status', ALAN, DM)).toContain(
      'No release is live: v1.12.0 was the last, and it is cancelled.',
    );
    expect(await say('status v1.12.0', ALAN, DM)).toContain(':lock: *Cancelled* on Tue 12 May 2026');
  });
});

describe('a note-taker change after the notice went out', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ now: '2026-05-08T10:00:00Z' });
    for (const m of ['chat.postMessage', 'conversations.open', 'conversations.history', 'chat.update'])
      app.slack.expect(m);
    await createWithTeam(app, 'v1.11.0', '2026-03-02', CHANNEL_11);
    for (const a of app.services.store.team.assignments(1))
      if (a.slackId) app.slack.addUser({ id: a.slackId, name: a.name });
    await app.command('meeting set tue 16:00 Europe/Berlin', RM, { channel: CHANNEL_11 });
  });
  afterAll(() => app.stop());

  it('tells the new note-taker and the relieved one, and edits the agenda already posted', async () => {
    // Monday 11 May, 16:30 in Berlin: the agenda and the note-taker notice of Tuesday's meeting went out.
    app.clock.set('2026-05-11T14:30:00Z');
    runDueJobs(app.services, DateTime.fromISO('2026-05-11T14:30:00Z'));
    await delivered(app);
    const release = app.services.store.releases.findByVersion('v1.11.0');
    if (!release) throw new Error('fixture');
    const first = noteTakerOn(app.services.store, release, '2026-05-12');
    if (!first?.slackId) throw new Error('no note-taker with a Slack ID for the first meeting');
    const agenda = app.slack
      .messages(CHANNEL_11)
      .find((m) => m.metadata?.event_payload.key === `agenda:${release.id}:2026-05-12`);
    expect(agenda).toBeDefined();

    const other = app.services.store.team
      .assignments(release.id)
      .find((a) => a.role === 'team_member' && a.slackId && a.slackId !== first.slackId)?.slackId;
    if (!other) throw new Error('no second liaison');
    const swapped = answerText(
      await app.command(`notetaker swap <@${other}>`, first.slackId, { channel: CHANNEL_11 }),
    );
    expect(swapped).toContain(`<@${other}> takes the notes on 2026-05-12`);
    await delivered(app);

    const told = app.slack.messages(dmChannelId(other)).map((m) => String(m.text));
    expect(
      told.some(
        (t) =>
          t.includes('You take the notes at the Kubeflow v1.11.0 release team meeting') &&
          t.includes(`instead of ${first.name}`),
      ),
    ).toBe(true);
    const relieved = app.slack.messages(dmChannelId(first.slackId)).map((m) => String(m.text));
    expect(
      relieved.some((t) =>
        t.includes('You no longer take the notes at the Kubeflow v1.11.0 release team meeting'),
      ),
    ).toBe(true);
    const edit = app.slack.callsTo('chat.update').at(-1);
    expect(edit?.args).toMatchObject({ channel: CHANNEL_11, ts: agenda?.ts });
    expect(JSON.stringify(edit?.args.blocks)).toContain(`<@${other}>`);
  });
});
