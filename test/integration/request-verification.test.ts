import { request } from 'node:http';
import { databaseSnapshot } from '../helpers/database-snapshot';
import { postForm, postSlashCommand, signSlackRequest, slashCommandBody } from '../helpers/slack-request';
import { ADMIN, SIGNING_SECRET, startTestApp, type TestApp } from '../helpers/start-app';

const now = () => Math.floor(Date.now() / 1000);
const create = {
  command: '/kfrelease',
  text: 'release create v1.10.0 2026-03-02',
  user_id: ADMIN,
  channel_id: 'C1',
};

describe('Slack request verification', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    app.slack.assertNoUnexpectedCalls();
    await app.stop();
  });

  it.each([
    ['a bad signature', { signature: 'v0=0000000000000000000000000000000000000000000000000000000000000000' }],
    [
      'a signature made with another secret',
      { signature: signSlackRequest('another-secret', 'x', now())['x-slack-signature'] },
    ],
    ['a timestamp six minutes old', { timestamp: now() - 6 * 60 }],
    ['a timestamp six minutes in the future', { timestamp: now() + 6 * 60 }],
    ['a timestamp a day in the future', { timestamp: now() + 24 * 3600 }],
  ])('refuses %s with 401 and changes nothing', async (_case, opts) => {
    const before = databaseSnapshot(app.services.store.db);
    const response = await postSlashCommand(app.url, SIGNING_SECRET, create, opts);
    expect(response.status).toBe(401);
    expect(databaseSnapshot(app.services.store.db)).toBe(before);
  });

  it.each([
    ['without its signature headers', { unsigned: true }],
    [
      'signed with another version',
      { signature: 'v1=0000000000000000000000000000000000000000000000000000000000000000' },
    ],
    [
      'with a bad signature, sent to /slack/events?retry=1',
      { signature: 'v0=00', path: '/slack/events?retry=1' },
    ],
    ['with a bad signature, sent to /x/../slack/events', { signature: 'v0=00', path: '/x/../slack/events' }],
    ['with a bad signature, sent to /slack/./events', { signature: 'v0=00', path: '/slack/./events' }],
  ])(
    'refuses a request %s with 401: every path Bolt takes as its endpoint is checked',
    async (_case, opts) => {
      const before = databaseSnapshot(app.services.store.db);
      const response = await postSlashCommand(app.url, SIGNING_SECRET, create, opts);
      expect(response.status).toBe(401);
      expect(databaseSnapshot(app.services.store.db)).toBe(before);
    },
  );

  it("answers Slack's unsigned certificate check, and runs nothing smuggled into it", async () => {
    const before = databaseSnapshot(app.services.store.db);
    const body = `ssl_check=1&${new URLSearchParams(slashCommandBody(create)).toString()}`;
    const response = await postForm(app.url, body, { signature: 'v0=00' });
    expect([response.status, response.text]).toEqual([200, '']);
    expect(databaseSnapshot(app.services.store.db)).toBe(before);
  });

  it('accepts a correctly signed request a few seconds either side of now', async () => {
    const early = await postSlashCommand(
      app.url,
      SIGNING_SECRET,
      { ...create, text: 'help' },
      { timestamp: now() + 30 },
    );
    const late = await postSlashCommand(
      app.url,
      SIGNING_SECRET,
      { ...create, text: 'help' },
      { timestamp: now() - 30 },
    );
    expect([early.status, late.status]).toEqual([200, 200]);
  });

  it('refuses an oversized body', async () => {
    const response = await postSlashCommand(app.url, SIGNING_SECRET, {
      ...create,
      text: `status ${'x'.repeat(400_000)}`,
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  it('answers GET /healthz with 200 and a small JSON body while the database is reachable', async () => {
    const { status, body } = await get(`${app.url}/healthz`);
    expect(status).toBe(200);
    expect(JSON.parse(body)).toMatchObject({ status: 'ok', database: 'ok', releases: 0 });
  });
});

function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request(url, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}
