import { createLogger } from '../../src/logger';
import { SLACK_TEAM } from '../../src/sandbox/slack-stand-in-state';
import { fetchBotIdentity } from '../../src/slack/bot-identity';
import { startFakeSlack, type FakeSlack } from '../fakes/fake-slack';

const TOKEN = 'xoxb-identity-token';

describe('who the bot is, asked of Slack at start (auth.test)', () => {
  let slack: FakeSlack;
  let lines: string[];
  const ask = () =>
    fetchBotIdentity(
      { apiUrl: slack.url, token: TOKEN },
      createLogger('warn', { write: (line: string) => void lines.push(line) }),
    );

  beforeAll(async () => {
    slack = await startFakeSlack();
  });
  afterAll(() => slack.close());
  beforeEach(() => {
    slack.reset();
    lines = [];
  });
  afterEach(() => slack.assertNoUnexpectedCalls());

  it("takes the bot's ids from Slack's answer, asking once with the bot token", async () => {
    await expect(ask()).resolves.toEqual({ botId: SLACK_TEAM.botId, botUserId: SLACK_TEAM.botUserId });
    expect(slack.callsTo('auth.test')).toEqual([expect.objectContaining({ token: TOKEN })]);
    expect(lines).toEqual([]);
  });

  it.each(['invalid_auth', 'token_revoked'])(
    'stops the start when Slack refuses the token (%s)',
    async (code) => {
      slack.failNext('auth.test', { kind: 'not_ok', error: code });
      await expect(ask()).rejects.toThrow(
        `Slack refused SLACK_BOT_TOKEN (${code}): copy the Bot User OAuth Token again from your app's OAuth & Permissions page.`,
      );
      expect(slack.callsTo('auth.test')).toHaveLength(1);
    },
  );

  it('asks once more after a failed answer, and takes the second', async () => {
    slack.failNext('auth.test', { kind: 'http_500' });
    await expect(ask()).resolves.toEqual({ botId: SLACK_TEAM.botId, botUserId: SLACK_TEAM.botUserId });
    expect(slack.callsTo('auth.test')).toHaveLength(2);
  });

  it('starts anyway, saying so, when Slack does not answer twice', async () => {
    slack.failNext('auth.test', { kind: 'drop' });
    slack.failNext('auth.test', { kind: 'http_500' });
    await expect(ask()).resolves.toEqual({ botId: 'B_UNKNOWN', botUserId: 'U_UNKNOWN' });
    expect(slack.callsTo('auth.test')).toHaveLength(2);
    expect(lines.map((line) => JSON.parse(line) as { msg: string; err: { message: string } })).toEqual([
      expect.objectContaining({
        msg: 'Slack did not answer auth.test; starting anyway',
        err: expect.objectContaining({ message: 'Slack answered auth.test with HTTP 500' }),
      }),
    ]);
    expect(lines.join('\n')).not.toContain(TOKEN);
  });

  it('starts anyway when a refusal is not about the token', async () => {
    slack.failNext('auth.test', { kind: 'not_ok', error: 'ratelimited' });
    await expect(ask()).resolves.toEqual({ botId: 'B_UNKNOWN', botUserId: 'U_UNKNOWN' });
    expect(slack.callsTo('auth.test')).toHaveLength(1);
  });
});
