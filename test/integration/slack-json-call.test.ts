import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { callSlackJson } from '../../src/slack/slack-json-call';
import { startFakeSlack, type FakeSlack } from '../fakes/fake-slack';

const TOKEN = 'xoxb-json-call-token';
const VIEW = { type: 'home', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*Hi*' } }] };

describe('a Slack Web API call with a JSON body (the Home tab)', () => {
  let slack: FakeSlack;
  let target: { apiUrl: string; token: string };

  beforeAll(async () => {
    slack = await startFakeSlack();
    target = { apiUrl: slack.url, token: TOKEN };
  });
  afterAll(() => slack.close());
  beforeEach(() => {
    slack.reset();
    slack.expect('views.publish');
  });
  afterEach(() => slack.assertNoUnexpectedCalls());

  it('sends the arguments as JSON with the bot token, as Slack takes them', async () => {
    await callSlackJson(target, 'views.publish', { user_id: 'U0ALAN001', view: VIEW });
    await callSlackJson(target, 'views.publish', { user_id: 'U0ALAN001', view: VIEW });
    const calls = slack.callsTo('views.publish');
    expect(calls).toHaveLength(2);
    expect(calls[1]).toMatchObject({ token: TOKEN, args: { user_id: 'U0ALAN001', view: VIEW } });
  });

  it("rejects with Slack's error code when it refuses, without the token", async () => {
    slack.failNext('views.publish', { kind: 'not_ok', error: 'invalid_auth' });
    const refused = callSlackJson(target, 'views.publish', { user_id: 'U0ALAN001', view: VIEW });
    await expect(refused).rejects.toThrow('Slack refused views.publish: invalid_auth');
    await expect(refused).rejects.not.toThrow(TOKEN);
  });

  it('rejects with the HTTP status of an answer that is not 200', async () => {
    slack.failNext('views.publish', { kind: 'http_500' });
    await expect(
      callSlackJson(target, 'views.publish', { user_id: 'U0ALAN001', view: VIEW }),
    ).rejects.toThrow('Slack answered views.publish with HTTP 500');
  });

  it('rejects a connection closed without an answer', async () => {
    slack.failNext('views.publish', { kind: 'drop' });
    await expect(
      callSlackJson(target, 'views.publish', { user_id: 'U0ALAN001', view: VIEW }),
    ).rejects.toThrow(/socket hang up|ECONNRESET/);
  });

  describe('an answer that is not the Web API', () => {
    let proxy: Server;
    let url: string;
    beforeAll(async () => {
      proxy = createServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<html>captive portal</html>');
      });
      await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/api/`;
    });
    afterAll(() => new Promise<void>((resolve) => proxy.close(() => resolve())));

    it('is refused for what it is, not taken as a success', async () => {
      await expect(
        callSlackJson({ apiUrl: url, token: TOKEN }, 'views.publish', { user_id: 'U0ALAN001', view: VIEW }),
      ).rejects.toThrow("Slack's answer to views.publish was not a Web API answer");
    });
  });
});
