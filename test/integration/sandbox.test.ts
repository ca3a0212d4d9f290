import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConsoleSnapshot } from '../../src/sandbox/console-snapshot';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/start-sandbox';
import { startupMode, type StartupMode } from '../../src/startup-settings';

const GRACE = 'U0GRACE01';

function sandboxConfig(databasePath: string) {
  const mode = startupMode({ PORT: '0', DATABASE_PATH: databasePath, LOG_LEVEL: 'silent' });
  if (mode.kind !== 'sandbox') throw new Error(`expected sandbox mode, got ${mode.kind}`);
  return mode.config;
}

/** A POST as the console's own page sends it: JSON, with the page's Origin. */
async function post(url: string, body: unknown, contentType = 'application/json') {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': contentType, origin: new URL(url).origin },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** A request with any Host header (fetch always sends the URL's own), over node:http. */
function rawRequest(
  url: string,
  options: { method?: string; headers: Record<string, string>; body?: string },
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Polls the console state until `done` holds, as the page does. */
async function stateWhen(
  sandbox: RunningSandbox,
  user: string,
  done: (s: ConsoleSnapshot) => boolean,
): Promise<ConsoleSnapshot> {
  for (let i = 0; i < 50; i++) {
    const state = (await (
      await fetch(`${sandbox.url}/sandbox/api/state?user=${user}`)
    ).json()) as ConsoleSnapshot;
    if (done(state)) return state;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the console never showed what was expected');
}

const texts = (messages: { text: string; blocks: unknown[] }[]) =>
  messages.map((m) => `${m.text} ${JSON.stringify(m.blocks)}`).join('\n');

describe('startup mode', () => {
  it.each<[string, Record<string, string>, StartupMode['kind']]>([
    ['nothing set', {}, 'sandbox'],
    ['development, no credentials', { NODE_ENV: 'development', PORT: '4000' }, 'sandbox'],
    ['production, no credentials', { NODE_ENV: 'production' }, 'stop'],
    ['only a bot token', { SLACK_BOT_TOKEN: 'xoxb-1' }, 'stop'],
    ['HTTP credentials', { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'a'.repeat(32) }, 'slack'],
    ['Socket Mode credentials', { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }, 'slack'],
    ['a bad setting', { PORT: 'eighty' }, 'stop'],
  ])('%s', (_name, env, kind) => {
    expect(startupMode(env).kind).toBe(kind);
  });

  it('keeps the sandbox on loopback with its own database unless told otherwise', () => {
    expect(startupMode({})).toMatchObject({
      kind: 'sandbox',
      config: { host: '127.0.0.1', databasePath: './data/sandbox.db' },
    });
    expect(startupMode({ HOST: '0.0.0.0', DATABASE_PATH: '/tmp/x.db' })).toMatchObject({
      config: { host: '0.0.0.0', databasePath: '/tmp/x.db' },
    });
  });

  it('in production, lists what is missing and mentions the sandbox', () => {
    const mode = startupMode({ NODE_ENV: 'production' });
    const message = mode.kind === 'stop' ? mode.message : '';
    expect(message).toContain('SLACK_BOT_TOKEN: the Bot User OAuth Token');
    expect(message).toContain('SLACK_SIGNING_SECRET');
    expect(message).toContain('sandbox');
  });
});

describe('sandbox', () => {
  let dir: string;
  let sandbox: RunningSandbox;
  const lines: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kfrelease-sandbox-'));
    sandbox = await startSandbox(sandboxConfig(join(dir, 'sandbox.db')), {
      output: { write: (t) => lines.push(t) },
    });
  });
  afterAll(async () => {
    await sandbox.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('says first that it runs in sandbox mode, and where', () => {
    expect(lines[0]).toMatch(
      /^kfrelease is running in sandbox mode: open http:\/\/127\.0\.0\.1:\d+\/sandbox /,
    );
    expect(lines[0]).toContain(sandbox.url);
  });

  it('seeds the demo release from the handbook template with its team, meeting and first revisions', () => {
    const { store } = sandbox.services;
    const release = store.releases.findByVersion('v1.11.0');
    expect(release).toMatchObject({
      template: 'handbook-17w',
      timeZone: 'Europe/Berlin',
      slackChannel: 'C0KFRELEASE',
    });
    expect(store.team.assignments(release?.id ?? 0)).toHaveLength(14);
    expect(store.meetings.meeting(release?.id ?? 0)).toMatchObject({ weekday: 2, time: '16:00' });
    const accepted = store.revisions.forRelease(release?.id ?? 0).filter((r) => r.status === 'accepted');
    expect(accepted.map((r) => `${r.repo} ${r.revision}`).sort()).toEqual([
      'kserve/kserve v0.15.0',
      'kserve/models-web-app v0.14.0',
      'kubeflow/training-operator v1.9.0',
    ]);
    expect(sandbox.clock.now().toISO()).toBe('2026-05-07T08:00:00.000Z');
  });

  it('answers a command ephemerally, through the signed Slack path', async () => {
    expect((await post(`${sandbox.url}/sandbox/api/command`, { user: GRACE, text: 'status' })).body).toEqual({
      ok: true,
    });
    const state = await stateWhen(sandbox, GRACE, (s) => s.channel.messages.some((m) => m.ephemeral));
    const answer = state.channel.messages.find((m) => m.ephemeral);
    expect(answer?.text).toContain('Kubeflow v1.11.0');
    const ada = await stateWhen(sandbox, 'U0ADA0001', () => true);
    expect(ada.channel.messages.some((m) => m.ephemeral)).toBe(false);
  });

  it("previews the manifests change of the demo's accepted revisions against the seeded manifests repository", async () => {
    await post(`${sandbox.url}/sandbox/api/command`, { user: GRACE, text: 'manifests preview kserve' });
    const state = await stateWhen(sandbox, GRACE, (s) => /Manifests preview/.test(texts(s.dm.messages)));
    const dm = texts(state.dm.messages);
    expect(dm).toContain(
      '• *kserve* (kserve/kserve `v0.15.0`): would open a pull request from `kfrelease/v1.11.0/kserve`',
    );
    expect(dm).toContain(
      '+| kserve | apps/kserve/upstream | [v0.15.0](https://github.com/kserve/kserve/tree/v0.15.0/manifests) |',
    );
  });

  it('opens the revision form, shows errors next to the field, and posts the accepted revision', async () => {
    await post(`${sandbox.url}/sandbox/api/command`, { user: GRACE, text: 'submit' });
    const opened = await stateWhen(sandbox, GRACE, (s) => s.modals.length === 1);
    const form = opened.modals[0];
    expect(form?.title).toBe('Revisions v1.11.0');
    const values = (revision: string) => ({
      'repo:0': { revision: { type: 'plain_text_input', value: revision } },
      note: { note: { type: 'plain_text_input', value: null } },
    });
    await post(`${sandbox.url}/sandbox/api/submit`, {
      user: GRACE,
      viewId: form?.id,
      values: values('v9.9.9'),
    });
    const refused = await stateWhen(sandbox, GRACE, (s) => Object.keys(s.modals[0]?.errors ?? {}).length > 0);
    expect(refused.modals[0]?.errors['repo:0']).toContain('is not a tag, branch or commit');
    await post(`${sandbox.url}/sandbox/api/submit`, {
      user: GRACE,
      viewId: form?.id,
      values: values('v1.11.0-rc.1'),
    });
    const done = await stateWhen(sandbox, GRACE, (s) => s.modals[0]?.title === 'Revisions submitted');
    expect(JSON.stringify(done.modals[0]?.blocks)).toContain('accepted');
    await post(`${sandbox.url}/sandbox/api/close`, { user: GRACE, viewId: form?.id });
    const posted = await stateWhen(
      sandbox,
      GRACE,
      (s) => s.modals.length === 0 && /Notebooks\* revision accepted/.test(texts(s.channel.messages)),
    );
    expect(texts(posted.channel.messages)).toContain('v1.11.0-rc.1');
  });

  it('moves the clock forward and runs what came due', async () => {
    const before = await stateWhen(sandbox, GRACE, () => true);
    expect((await post(`${sandbox.url}/sandbox/api/clock`, { days: 5 })).body).toMatchObject({
      ok: true,
      now: '2026-05-12T08:00:00.000Z',
    });
    const after = await stateWhen(
      sandbox,
      GRACE,
      (s) => s.channel.messages.length > before.channel.messages.length,
    );
    expect(after.clock.local).toBe('Tue 12 May 2026, 10:00');
  });

  it.each([
    ['a body that is not JSON', 'command', { user: GRACE, text: 'status' }, 'text/plain', 415],
    [
      'someone not in the workspace',
      'command',
      { user: 'U0NOBODY1', text: 'status' },
      'application/json',
      400,
    ],
    ['a clock that does not move', 'clock', { days: 0 }, 'application/json', 400],
  ])('refuses %s', async (_name, path, body, type, status) => {
    expect((await post(`${sandbox.url}/sandbox/api/${path}`, body, type)).status).toBe(status);
  });

  it('serves the console page and its files from the source tree', async () => {
    const page = await fetch(`${sandbox.url}/sandbox`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<script src="/sandbox/console.js" defer></script>');
    expect((await fetch(`${sandbox.url}/sandbox/block-kit.js`)).status).toBe(200);
    expect((await fetch(`${sandbox.url}/sandbox/secrets.js`)).status).toBe(404);
  });

  describe('only for its own address and page (was: any Host and any Origin, open to DNS rebinding)', () => {
    const port = () => new URL(sandbox.url).port;
    const clockBody = JSON.stringify({ hours: 1 });
    const json = { 'content-type': 'application/json' };

    it('a request with Host evil.example is refused with 403 and the reason', async () => {
      for (const path of ['/sandbox', '/sandbox/api/state', '/sandbox/console.js']) {
        const answer = await rawRequest(`${sandbox.url}${path}`, {
          headers: { host: `evil.example:${port()}` },
        });
        expect(answer.status).toBe(403);
        expect(answer.text).toContain('The sandbox console answers only at its own address');
        expect(answer.text).toContain(`this request was for evil.example:${port()}`);
      }
      expect((await rawRequest(`${sandbox.url}/sandbox`, { headers: { host: '127.0.0.1:1' } })).status).toBe(
        403,
      );
    });

    it('a POST from a rebinding page (Host and Origin evil.example) changes nothing', async () => {
      const before = sandbox.clock.now().toISO();
      const answer = await rawRequest(`${sandbox.url}/sandbox/api/clock`, {
        method: 'POST',
        headers: { ...json, host: `evil.example:${port()}`, origin: `http://evil.example:${port()}` },
        body: clockBody,
      });
      expect(answer.status).toBe(403);
      expect(sandbox.clock.now().toISO()).toBe(before);
    });

    it.each([
      ['another site', 'http://evil.example'],
      ['the right host on another port', 'http://127.0.0.1:1'],
      ['the right host over https', () => `https://127.0.0.1:${port()}`],
      ['an opaque origin', 'null'],
    ])('a POST with Origin of %s is refused with 403 and changes nothing', async (_name, origin) => {
      const before = sandbox.clock.now().toISO();
      const answer = await rawRequest(`${sandbox.url}/sandbox/api/clock`, {
        method: 'POST',
        headers: { ...json, origin: typeof origin === 'string' ? origin : origin() },
        body: clockBody,
      });
      expect(answer.status).toBe(403);
      expect(answer.text).toContain(`takes changes only from its own page, ${sandbox.url}`);
      expect(sandbox.clock.now().toISO()).toBe(before);
    });

    it('a POST without an Origin is refused too: no page of its own sends one without', async () => {
      const answer = await rawRequest(`${sandbox.url}/sandbox/api/command`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ user: GRACE, text: 'status' }),
      });
      expect(answer.status).toBe(403);
      expect(answer.text).toContain('no page (no Origin header)');
    });

    it('a POST with its own Origin works, by any of its own names', async () => {
      const before = sandbox.clock.now();
      expect((await post(`${sandbox.url}/sandbox/api/clock`, { hours: 1 })).status).toBe(200);
      for (const host of [`localhost:${port()}`, `[::1]:${port()}`]) {
        const answer = await rawRequest(`${sandbox.url}/sandbox/api/clock`, {
          method: 'POST',
          headers: { ...json, host, origin: `http://${host}` },
          body: clockBody,
        });
        expect(answer.status).toBe(200);
      }
      expect(sandbox.clock.now().diff(before, 'hours').hours).toBe(3);
      const page = await rawRequest(`${sandbox.url}/sandbox`, { headers: { host: `LocalHost:${port()}` } });
      expect(page.status).toBe(200);
    });
  });

  it('does not seed the demo again on the next start', async () => {
    await sandbox.stop();
    sandbox = await startSandbox(sandboxConfig(join(dir, 'sandbox.db')), {
      output: { write: () => undefined },
    });
    const { store } = sandbox.services;
    expect(store.releases.list()).toHaveLength(1);
    const release = store.releases.findByVersion('v1.11.0');
    expect(store.revisions.forRelease(release?.id ?? 0).filter((r) => r.status === 'accepted')).toHaveLength(
      4,
    );
  });
});
