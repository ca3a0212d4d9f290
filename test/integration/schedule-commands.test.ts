import { createReleaseInSlack } from '../helpers/create-release-in-slack';
import { readFileSync } from 'node:fs';
import { rendered } from '../helpers/rendered-posts';
import { join } from 'node:path';
import { importTeam } from '../../src/workflows/import-team';
import { rehearse } from '../../src/workflows/rehearse';
import { databaseSnapshot } from '../helpers/database-snapshot';
import { answerText, startTestApp, type TestApp } from '../helpers/start-app';

const TEAM_YAML = readFileSync(join(__dirname, '..', '..', 'examples', 'team.yml'), 'utf8');
const RM = 'U0ADA0001';
const ALAN = 'U0ALAN001';
const BARBARA = 'U0BARB001';
const GRACE = 'U0GRACE01';
const KATHERINE = 'U0KATH001';
const MARGARET = 'U0MARG001';
const STRANGER = 'U0STRANG1';

describe('/kfrelease meeting, agenda, notetaker, away and action through signed HTTP', () => {
  let app: TestApp;
  const say = async (text: string, user: string) => answerText(await app.command(text, user));

  beforeAll(async () => {
    // Tuesday of week 11, 12:00 in Berlin. Meetings go on Thursdays: nothing is due while the test runs.
    app = await startTestApp({ now: '2026-05-12T10:00:00Z' });
    await createReleaseInSlack(app, 'release create v1.10.0 2026-03-02 handbook-17w Europe/Berlin');
    importTeam(app.services, { yaml: TEAM_YAML, source: 'team.yml', actor: { kind: 'cli', name: 'test' } });
  });
  afterAll(async () => {
    app.slack.assertNoUnexpectedCalls();
    await app.stop();
  });

  it('tells a release without a meeting how to set one', async () => {
    expect(await say('agenda', ALAN)).toContain('has no release team meeting yet');
    expect(await say('meeting', ALAN)).toContain('No weekly meeting is set');
  });

  it("refuses a liaison's meeting set, changing nothing", async () => {
    expect(await say('meeting set thu 15:00', ALAN)).toContain(
      'Only the release manager of v1.10.0 or an admin can set the release team meeting.',
    );
    expect(app.services.store.meetings.meeting(1)).toBeNull();
  });

  it('reports every problem of a meeting set at once, with the usage', async () => {
    const text = await say('meeting set funday 25:00 agenda=200 colour=red', RM);
    expect(text).toContain('"funday" is none of weekday, time');
    expect(text).toContain('"25:00" is none of');
    expect(text).toContain('"200" is not a number of hours before the meeting');
    expect(text).toContain('There is no setting "colour"');
    expect(text).toContain('Usage: `/kfrelease meeting set &lt;weekday&gt; &lt;HH:MM&gt;');
  });

  it('lets the release manager set the meeting, words by shape, Slack escapes and all', async () => {
    const text = await say(
      'meeting set thu 15:00 <#C0MEET123|kf-meeting> 24h <https://example.com/notes>',
      RM,
    );
    expect(text).toContain('Meeting settings saved');
    expect(text).toContain('Thursdays at 15:00 (Europe/Berlin)');
    expect(text).toContain('<#C0MEET123>');
    expect(text).toContain('24 h before');
    expect(text).toContain('7d, 1d, 0d before, at 09:00 · quiet hours 20:00-08:00');
    expect(app.services.store.meetings.meeting(1)).toMatchObject({
      weekday: 4,
      time: '15:00',
      channel: 'C0MEET123',
      notesUrl: 'https://example.com/notes',
    });
    expect(await say('meeting set notes=none', RM)).toContain('*Notes*\n_none_');
  });

  it('lets the release manager change the reminders', async () => {
    const text = await say('reminders set offsets=7d,2d,0d at=10:00 quiet=21:00-07:30', RM);
    expect(text).toContain('7d, 2d, 0d before, at 10:00 · quiet hours 21:00-07:30');
    expect(await say('reminders set offsets=1w', RM)).toContain('"1w" is not an offset');
  });

  it('adds action items for anyone on the team, and previews the agenda with them', async () => {
    expect(await say(`action add Ask Training WG for the rc.1 tag <@${ALAN}|alan>`, GRACE)).toContain(
      'Added action item #1',
    );
    expect(await say('action add Book the room', 'U0STRANGER')).toContain(
      'Only members of its release team or an admin can manage',
    );
    const agenda = await say('agenda', ALAN);
    expect(agenda).toContain('Release team meeting, Kubeflow v1.10.0');
    expect(agenda).toContain('Thu 14 May 2026, 15:00 Europe/Berlin');
    expect(agenda).toContain('Week 11 of 17 · Feature Freeze');
    expect(agenda).toContain(`#1 Ask Training WG for the rc.1 tag · <@${ALAN}>`);
    expect(agenda).toContain('Identify bugs at risk');
    expect(agenda).toContain(`*Note-taker:* <@${KATHERINE}>`);
  });

  it('shows the next note-takers, skips someone away and puts them first in line when back', async () => {
    expect(await say('notetaker', ALAN)).toContain(`*Next:* Thu 14 May, 15:00: <@${KATHERINE}>`);
    expect(await say('away 2026-05-13 2026-05-15', KATHERINE)).toContain(
      'You are marked away from Wed 13 May 2026 to Fri 15 May 2026',
    );
    const text = await say('notetaker', ALAN);
    expect(text).toContain(`*Next:* Thu 14 May, 15:00: <@${ALAN}>`);
    expect(text).toContain(`Thu 21 May, 15:00: <@${KATHERINE}>`);
    expect(await say('away 2026-05-20 2026-05-18', KATHERINE)).toContain('2026-05-18 is before 2026-05-20');
  });

  it('swaps turns between two members, and only between members', async () => {
    const text = await say(`notetaker swap <@${BARBARA}|barbara>`, ALAN);
    expect(text).toMatch(
      new RegExp(`<@${BARBARA}> takes the notes on 2026-05-14; you take them on 2026-05-\\d\\d`),
    );
    expect(text).toContain(`*Next:* Thu 14 May, 15:00: <@${BARBARA}> _(swapped)_`);
    // The day-before notice and the agenda follow the swap.
    const posts = rendered(rehearse(app.services, { from: '2026-05-13', to: '2026-05-13' }).posts);
    expect(posts.map((p) => [p.kind, p.channel])).toEqual([
      ['agenda', 'C0MEET123'],
      ['note_taker', BARBARA],
    ]);
    expect(JSON.stringify(posts[0]?.blocks)).toContain(`*Note-taker:* <@${BARBARA}>`);
    expect(await say(`notetaker swap <@${ALAN}>`, MARGARET)).toContain(
      'You are not a release team member (WG liaison) of v1.10.0',
    );
    expect(await say(`notetaker swap <@${MARGARET}>`, ALAN)).toContain(
      `<@${MARGARET}> is not a release team member`,
    );
    expect(await say(`notetaker swap <@${KATHERINE}>`, BARBARA)).toContain('is away on 2026-05-14');
    expect(await say('notetaker swap nobody', ALAN)).toContain('Name one person to swap with');
  });

  it('closes action items; the agenda shows them done once', async () => {
    expect(await say('action done 1', ALAN)).toContain('Action item #1 is done');
    expect(await say('action done 1', ALAN)).toContain(`Action item #1 was already done (by <@${ALAN}>).`);
    expect(await say('action done 9', ALAN)).toContain('There is no action item #9');
    expect(await say('agenda', ALAN)).toContain(':white_check_mark: ~#1 Ask Training WG for the rc.1 tag');
    expect(await say('action', ALAN)).toContain('No open action items.');
  });

  it('lists your away dates and takes back those that have not started, recording it', async () => {
    // Today is Tue 12 May 2026.
    expect(await say('away 2026-05-12', KATHERINE)).toContain('You are marked away from Tue 12 May 2026');
    expect(await say('away 2026-06-01 2026-06-05', KATHERINE)).toContain(
      'You are marked away from Mon 1 Jun 2026',
    );
    const listed = await say('away', KATHERINE);
    expect(listed).toContain(
      '• Tue 12 May 2026\n• Wed 13 May 2026 to Fri 15 May 2026\n• Mon 1 Jun 2026 to Fri 5 Jun 2026',
    );
    expect(listed).toContain('`/kfrelease away cancel &lt;first day&gt;`');

    const before = databaseSnapshot(app.services.store.db);
    expect(await say('away cancel 2026-06-02', KATHERINE)).toContain(
      'Yours: 2026-05-12, 2026-05-13 to 2026-05-15, 2026-06-01 to 2026-06-05. Give the first day of the one to take back.',
    );
    expect(await say('away cancel 2026-05-12', KATHERINE)).toContain(
      'Your away dates from 2026-05-12 have started, so they stay',
    );
    expect(await say('away cancel June', KATHERINE)).toContain('June is not a date.');
    expect(await say('away cancel', KATHERINE)).toContain(
      'Give the first day of the away dates to take back.',
    );
    expect(await say('away cancel 2026-06-01', STRANGER)).toContain('kfrelease does not know you yet.');
    expect(await say('away', STRANGER)).toContain('kfrelease does not know you yet.');
    expect(databaseSnapshot(app.services.store.db)).toBe(before);

    expect(await say('away cancel 2026-06-01', KATHERINE)).toContain(
      'You are no longer marked away from Mon 1 Jun 2026 to Fri 5 Jun 2026',
    );
    expect(await say('away', KATHERINE)).not.toContain('Jun 2026');
    const audit = app.services.store.db
      .prepare("SELECT actor, details FROM audit_log WHERE action = 'away.cancelled'")
      .all();
    expect(audit).toEqual([{ actor: KATHERINE, details: expect.stringContaining('"fromOn":"2026-06-01"') }]);
    expect(await say('away', ALAN)).toContain('You are not marked away from today on.');
  });
});
