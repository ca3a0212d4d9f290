import { createReleaseInSlack } from '../helpers/create-release-in-slack';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importTeam } from '../../src/workflows/import-team';
import { databaseSnapshot } from '../helpers/database-snapshot';
import { ADMIN, answerText, RELEASE_CHANNEL, startTestApp, type TestApp } from '../helpers/start-app';

const TEAM_YAML = readFileSync(join(__dirname, '..', '..', 'examples', 'team.yml'), 'utf8');
const RM = 'U0ADA0001';
const LIAISON = 'U0ALAN001';

describe('/kfrelease through signed HTTP', () => {
  let app: TestApp;

  beforeAll(async () => {
    // Tuesday of week 11 of v1.10.0 (week 1 = 2026-03-02): Feature Freeze and Documentation.
    app = await startTestApp({ now: '2026-05-12T10:00:00Z' });
  });
  afterAll(async () => {
    app.slack.assertNoUnexpectedCalls();
    await app.stop();
  });

  it('says there is no release yet, and how to create one', async () => {
    const response = await app.command('status', LIAISON);
    expect(response.status).toBe(200);
    expect(response.json<{ response_type: string }>()?.response_type).toBe('ephemeral');
    expect(answerText(response)).toContain('There is no release yet');
    expect(answerText(response)).toContain('/kfrelease release create');
  });

  it('lets an admin create a release in the channel the command was typed in', async () => {
    const response = await createReleaseInSlack(
      app,
      'release create v1.10.0 2026-03-02 handbook-17w Europe/Berlin',
    );
    expect(answerText(response)).toContain('Created Kubeflow *v1.10.0*');
    const release = app.services.store.releases.findByVersion('v1.10.0');
    expect(release).toMatchObject({
      slackChannel: RELEASE_CHANNEL,
      timeZone: 'Europe/Berlin',
      createdBy: ADMIN,
    });
    expect(app.services.store.releases.planCount(release!.id)).toBe(1);
    expect(app.services.store.audit.forRelease(release!.id).map((e) => e.action)).toEqual([
      'release.created',
    ]);
    importTeam(app.services, { yaml: TEAM_YAML, source: 'team.yml', actor: { kind: 'cli', name: 'test' } });
  });

  it('shows the status: phases, week, next milestone with countdown, key roles', async () => {
    const response = await app.command('status', LIAISON);
    const text = answerText(response);
    expect(text).toContain('Kubeflow v1.10.0');
    expect(text).toContain('*Feature Freeze*');
    expect(text).toContain('*Documentation*');
    expect(text).toContain('Week 11 of 17');
    expect(text).toMatch(/rc\.1 .*Fri 22 May 2026, in 10 days/);
    expect(text).toContain('Release day:* Mon 22 Jun 2026, in 41 days');
    expect(text).toContain(`<@${RM}>`);
    expect(text).toContain('6 of 6 working groups covered');
  });

  it('shows a named release and shares it to the channel when asked', async () => {
    const response = await app.command('status v1.10.0 --share', LIAISON);
    expect(response.json<{ response_type: string }>()?.response_type).toBe('in_channel');
    expect(answerText(response)).toContain('Kubeflow v1.10.0');
  });

  it('shows every phase and milestone of the timeline', async () => {
    const text = answerText(await app.command('timeline', LIAISON));
    for (const phase of [
      'Preparation',
      'Development',
      'Feature Freeze',
      'Manifests testing',
      'Documentation',
      'Distribution testing',
      'Release Day',
    ]) {
      expect(text).toContain(`*${phase}*`);
    }
    expect(text).toContain('`v1.10-branch`');
    expect(text).toContain('Mon 11 May 2026');
    expect(text).toContain('`v1.10.0-rc.3` _(optional)_');
  });

  it('shows the team: roles, liaisons by working group, distribution representatives', async () => {
    const text = answerText(await app.command('team v1.10.0', LIAISON));
    expect(text).toMatch(/\*Pipelines\*: <@U0ALAN001> \(docs: <@U0FRAN001>\)/);
    expect(text).toContain('*AWS*: <@U0DONA001>');
    expect(text).toContain('*Docs Lead*\n<@U0MARG001>');
    expect(text).toContain('served on 0 earlier release teams');
  });

  it('lists every subcommand with an example in help', async () => {
    const text = answerText(await app.command('help', LIAISON));
    for (const sub of ['status', 'timeline', 'team', 'release create'])
      expect(text).toContain(`/kfrelease ${sub}`);
    expect(text.match(/Example:/g)?.length).toBeGreaterThanOrEqual(4);
  });

  it('answers an unknown subcommand with the closest match and help', async () => {
    const text = answerText(await app.command('stauts', LIAISON));
    expect(text).toContain('There is no `/kfrelease stauts`');
    expect(text).toContain('Did you mean `/kfrelease status`?');
    expect(text).toContain('/kfrelease timeline');
  });

  it("refuses a non-admin's release create with the reason, changing nothing", async () => {
    const before = databaseSnapshot(app.services.store.db);
    const text = answerText(await createReleaseInSlack(app, 'release create v1.11.0 2026-07-06', RM));
    expect(text).toContain('Only kfrelease admins can create a release');
    expect(text).toContain('KFRELEASE_ADMINS');
    expect(databaseSnapshot(app.services.store.db)).toBe(before);
  });

  it.each([
    ['a date that does not exist', 'release create v1.11.0 2026-02-30', 'not a real date'],
    ['a start date not written YYYY-MM-DD', 'release create v1.11.0 2026-7-8', 'is not a date'],
    [
      'an unknown template',
      'release create v1.11.0 2026-07-06 handbook-99w',
      'There is no template "handbook-99w"',
    ],
    [
      'an unknown time zone',
      'release create v1.11.0 2026-07-06 Mars/Olympus',
      '"Mars/Olympus" is not a time zone',
    ],
    ['a malformed version', 'release create version-eleven 2026-07-06', 'is not a valid version'],
    ['a release candidate', 'release create v1.11.0-rc.0 2026-07-06', 'is a release candidate'],
    ['a duplicate release', 'release create v1.10.0 2026-03-02', 'Release v1.10.0 already exists'],
    ['a calendar version on the SemVer template', 'release create 26.10 2026-07-06', 'uses semver versions'],
    ['missing arguments', 'release create v1.11.0', 'Give at least a version and the start date'],
    ['too many arguments', 'release create v1.11.0 2026-07-06 a b c', 'Too many arguments'],
  ])('answers %s with what was wrong and an example, changing nothing', async (_case, text, message) => {
    const before = databaseSnapshot(app.services.store.db);
    const answer = answerText(await app.command(text));
    expect(answer).toContain(message);
    expect(answer).toMatch(/release create v1\.10\.0 2026-03-02/);
    expect(databaseSnapshot(app.services.store.db)).toBe(before);
  });

  it('reports every problem of a bad release create at once', async () => {
    const answer = answerText(
      await createReleaseInSlack(app, 'release create 1.x 2026-13-01 nope Nowhere/City'),
    );
    expect(answer).toContain('is not a valid version');
    expect(answer).toContain('There is no template "nope"');
    expect(answer).toContain('"Nowhere/City" is not a time zone');
    expect(answer).toContain('2026-13-01');
  });

  it('answers a status for an unknown release with the releases it knows', async () => {
    const answer = answerText(await app.command('status v9.9.9', LIAISON));
    expect(answer).toContain('There is no release v9.9.9');
    expect(answer).toContain('Known releases: v1.10.0');
  });

  it('lets the release manager move the release channel, and refuses anyone else', async () => {
    const before = databaseSnapshot(app.services.store.db);
    const refused = answerText(await app.command('release channel', LIAISON, { channel: 'C0ELSEWHERE' }));
    expect(refused).toContain(
      'Only the release manager of v1.10.0 or an admin can choose the release channel',
    );
    expect(databaseSnapshot(app.services.store.db)).toBe(before);
    const moved = answerText(await app.command('release channel v1.10.0', RM, { channel: 'C0NEWCHAN' }));
    expect(moved).toContain('<#C0NEWCHAN> is now the channel of Kubeflow v1.10.0');
    expect(app.services.store.releases.findByVersion('v1.10.0')?.slackChannel).toBe('C0NEWCHAN');
    const release = app.services.store.releases.findByVersion('v1.10.0')!;
    expect(app.services.store.audit.forRelease(release.id).map((e) => e.action)).toContain(
      'release.channel_set',
    );
    const inDm = answerText(await app.command('release channel', RM, { channel: 'D0DIRECT' }));
    expect(inDm).toContain('Run this in the public or private channel');
  });
});
