import { databaseSnapshot } from '../helpers/database-snapshot';
import { startAppWithTeam } from '../helpers/release-with-team';
import { answerText, type TestApp } from '../helpers/start-app';

/** Liaisons and the release manager of examples/team.yml. */
const RM = 'U0ADA0001';
const ALAN = 'U0ALAN001';

/** What Slack shows for mrkdwn: its three entities decoded, once. */
const shown = (mrkdwn: string) => mrkdwn.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('text through Slack, in and out (escaped once, placeholders intact, nothing pings)', () => {
  let app: TestApp;

  beforeAll(async () => {
    // Week 11 of v1.10.0 (Feature Freeze): a release team meeting on Tuesdays.
    app = await startAppWithTeam('2026-05-12T10:00:00Z');
    await app.command('meeting set tue 16:00 Europe/Berlin', RM);
  });
  afterAll(() => app.stop());
  const openItems = () => app.services.store.actionItems.openOrDoneSince(1, '9999').filter((i) => !i.doneAt);

  it('stores text as Slack sends it (R&amp;D &lt;b&gt;) decoded once, and shows it escaped once', async () => {
    const added = answerText(await app.command('action add Ask R&amp;D &lt;b&gt; about rc.1', ALAN));
    expect(added).toContain('Ask R&amp;D &lt;b&gt; about rc.1');
    expect(added).not.toContain('&amp;amp;');
    expect(openItems().map((i) => i.text)).toContain('Ask R&D <b> about rc.1');
    const listed = answerText(await app.command('action', ALAN));
    expect(shown(listed)).toContain('Ask R&D <b> about rc.1');
  });

  it('never turns a typed broadcast or a mention inside free text into a ping', async () => {
    const noted = await app.command('retro <!channel> the rc.1 reminder came late for <@U0ALAN001|alan>', RM);
    expect(noted.status).toBe(200);
    const notes = app.services.store.retroNotes.forRelease(1).map((n) => n.note);
    expect(notes).toContain('@channel the rc.1 reminder came late for @alan');
  });

  it('shows usage placeholders in the help as typed, inside code spans', async () => {
    const help = answerText(await app.command('help', ALAN));
    expect(help).toContain('`/kfrelease delay &lt;milestone&gt; &lt;new-date&gt; &lt;reason&gt;');
    expect(shown(help)).toContain('/kfrelease delay <milestone> <new-date> <reason>');
    expect(help).not.toMatch(/<(milestone|new-date|reason|version)>/);
  });

  it('keeps the agenda footer placeholders intact', async () => {
    const agenda = answerText(await app.command('agenda', ALAN));
    expect(agenda).toContain('`/kfrelease action add &lt;text&gt; @owner`');
    expect(agenda).toContain('`/kfrelease action done &lt;id&gt;`');
  });

  it('refuses a meeting notes link that would break out of a Slack link, changing nothing', async () => {
    const before = databaseSnapshot(app.services.store.db);
    // As Slack sends what was typed: the brackets escaped, the address not linked.
    const typed = 'notes=https://evil.example/a&gt;&lt;!channel&gt;&lt;https://evil.example/phish|Changelog';
    const text = answerText(await app.command(`meeting set ${typed}`, RM));
    expect(text).toContain('is not a link to the meeting notes (a link may not contain spaces or any of');
    expect(text).not.toContain('<!channel>');
    expect(databaseSnapshot(app.services.store.db)).toBe(before);
  });

  it('takes a notes link Slack sent as a link token, and links it in the agenda', async () => {
    const set = answerText(await app.command('meeting set notes=<https://bit.ly/kf-notes?a=1&amp;b=2>', RM));
    expect(set).toContain('<https://bit.ly/kf-notes?a=1&b=2|document>');
    expect(answerText(await app.command('agenda', ALAN))).toContain(
      '<https://bit.ly/kf-notes?a=1&b=2|meeting notes>',
    );
  });

  it('lists 62 more action items 20 a page, counted, with the commands for the pages around it', async () => {
    for (let i = 1; i <= 62; i += 1) {
      await app.command(
        `action add Follow up on item ${i} with the Training working group before rc.1`,
        ALAN,
      );
    }
    const open = openItems();
    const pages = Math.ceil(open.length / 20);
    const first = answerText(await app.command('action', ALAN));
    expect((first.match(/• \*#\d+\*/g) ?? []).length).toBe(20);
    expect(first).toContain(`• *#${open[19]?.id}* ${open[19]?.text}`);
    expect(first).not.toContain(`*#${open[20]?.id}*`);
    expect(first).toContain(
      `Page 1 of ${pages}, open items 1 to 20 of ${open.length} · next: \`/kfrelease action v1.10.0 page 2\``,
    );
    const last = answerText(await app.command(`action page ${pages}`, ALAN));
    const shownLast = open.slice((pages - 1) * 20);
    expect((last.match(/• \*#\d+\*/g) ?? []).length).toBe(shownLast.length);
    expect(last).toContain(`• *#${shownLast[0]?.id}* ${shownLast[0]?.text}`);
    expect(last).toContain(
      `Page ${pages} of ${pages}, open items ${(pages - 1) * 20 + 1} to ${open.length} of ${open.length} · previous: \`/kfrelease action v1.10.0 page ${pages - 1}\``,
    );
  });
});
