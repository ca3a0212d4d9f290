import { blockAction } from '../helpers/slack-request';
import { textOf } from '../helpers/revision-fixtures';
import { ADMIN, RELEASE_CHANNEL, startTestApp, type TestApp } from '../helpers/start-app';

const STRANGER = 'U0STRANGR';

/** How many releases and release.created audit rows there are: what a press may change. */
function created(app: TestApp): { releases: number; audited: number } {
  const db = app.services.store.db;
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  return {
    releases: count('SELECT count(*) AS n FROM releases'),
    audited: count("SELECT count(*) AS n FROM audit_log WHERE action = 'release.created'"),
  };
}

let responses = 0;

/** Presses a button of the question as `user`; what was posted to its response_url, if anything. */
async function press(app: TestApp, user: string, actionId: string, value: string) {
  const id = `confirm-${++responses}`;
  const seen = app.slack.calls.length;
  const response = await app.interact(
    blockAction({ user, actionId, value, responseUrl: app.slack.responseUrl(id) }),
  );
  expect(response.status).toBe(200);
  return { id, seen };
}

describe('release create with dates in the past: said plainly, created only once confirmed', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ now: '2026-05-12T10:00:00Z' });
    app.slack.expect('chat.postEphemeral');
  });
  afterAll(async () => {
    await app.stop();
  });

  it('asks the person who typed it, with Create anyway and Cancel, and writes nothing', async () => {
    const response = await app.command('release create v1.10.0 2026-03-02 handbook-17w Europe/Berlin');
    const body = response.json<{ response_type: string; text: string; blocks: unknown[] }>();
    expect(body?.response_type).toBe('ephemeral');
    expect(body?.text).toBe('Kubeflow v1.10.0 has dates in the past: create it anyway?');
    expect(textOf(body?.blocks ?? [])).toBe(
      [
        ':warning: *Kubeflow v1.10.0 has dates in the past.* Nothing is created yet.',
        'Its start date, 2026-03-02, is 71 days in the past (today is 2026-05-12 in Europe/Berlin); 2 milestones would already be past (the latest, First release candidate (rc.0) tagged, was due 2026-05-11).',
        'Create anyway',
        'Cancel',
        'Create anyway creates it with the same arguments: `/kfrelease release create v1.10.0 2026-03-02 handbook-17w Europe/Berlin`.',
      ].join('\n'),
    );
    expect(created(app)).toEqual({ releases: 0, audited: 0 });
  });

  it('Cancel: nothing is created and the question is replaced', async () => {
    const { id } = await press(app, ADMIN, 'release_create_cancel', 'v1.10.0');
    expect((await app.slack.waitForResponse(id)).body).toMatchObject({
      replace_original: true,
      text: 'Nothing was created: Kubeflow v1.10.0 was not created.',
    });
    expect(created(app)).toEqual({ releases: 0, audited: 0 });
  });

  const REQUEST = JSON.stringify({
    version: 'v1.10.0',
    startDate: '2026-03-02',
    template: 'handbook-17w',
    timeZone: 'Europe/Berlin',
  });

  it('Create anyway by someone who may not create releases: refused again on the press', async () => {
    const { seen } = await press(app, STRANGER, 'release_create_anyway', REQUEST);
    const refusal = await app.slack.waitForCall('chat.postEphemeral', (c) => c.args.user === STRANGER, 3000);
    expect(app.slack.calls.indexOf(refusal)).toBeGreaterThanOrEqual(seen);
    expect(refusal.args.text).toBe(
      'Only kfrelease admins can create a release. Ask one of the admins listed in KFRELEASE_ADMINS (the person who runs kfrelease knows who they are).',
    );
    expect(created(app)).toEqual({ releases: 0, audited: 0 });
  });

  it('Create anyway: created with the same arguments in the same channel; a second press creates nothing more', async () => {
    const first = await press(app, ADMIN, 'release_create_anyway', REQUEST);
    expect((await app.slack.waitForResponse(first.id)).body).toMatchObject({
      replace_original: true,
      text: 'Created Kubeflow v1.10.0',
    });
    expect(app.services.store.releases.findByVersion('v1.10.0')).toMatchObject({
      startDate: '2026-03-02',
      template: 'handbook-17w',
      timeZone: 'Europe/Berlin',
      slackChannel: RELEASE_CHANNEL,
      createdBy: ADMIN,
    });
    const second = await press(app, ADMIN, 'release_create_anyway', REQUEST);
    expect((await app.slack.waitForResponse(second.id)).body).toMatchObject({
      replace_original: true,
      text: 'Kubeflow v1.10.0 is already created (week 1 starts 2026-03-02); nothing changed. See it with `/kfrelease status v1.10.0`.',
    });
    expect(created(app)).toEqual({ releases: 1, audited: 1 });
  });

  it('a release day already over is said as such', async () => {
    app.clock.set('2026-12-07T10:00:00Z');
    const body = (await app.command('release create v1.11.0 2026-03-02')).json<{ blocks: unknown[] }>();
    expect(textOf(body?.blocks ?? []).split('\n')[1]).toBe(
      'Its release day, 2026-06-22, is already over (today is 2026-12-07 in UTC): the whole cycle from 2026-03-02 is in the past.',
    );
    expect(created(app).releases).toBe(1);
  });

  it('a release that lies ahead is created at once, without a question', async () => {
    const body = (await app.command('release create v1.12.0 2027-01-04')).json<{ text: string }>();
    expect(body?.text).toBe('Created Kubeflow v1.12.0');
  });

  it('a button carrying something else is refused as out of date', async () => {
    await press(app, ADMIN, 'release_create_anyway', '{"version":"v1.13.0"}');
    const refusal = await app.slack.waitForCall(
      'chat.postEphemeral',
      (c) => c.args.user === ADMIN && String(c.args.text).includes('out of date'),
      3000,
    );
    expect(refusal.args.text).toBe('This button is out of date: run `/kfrelease release create` again.');
  });
});
