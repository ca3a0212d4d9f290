import { createWebClientPoster, SlackPostError, type SlackPoster } from '../../src/slack/slack-poster';
import { startFakeSlack, type FakeSlack, type SlackFailure } from '../fakes/fake-slack';

let slack: FakeSlack;
let poster: SlackPoster;

beforeAll(async () => {
  slack = await startFakeSlack();
  poster = createWebClientPoster({ token: 'xoxb-test', apiUrl: slack.url });
});
beforeEach(() => {
  slack.reset();
  for (const method of ['chat.postMessage', 'conversations.history', 'conversations.open'])
    slack.expect(method);
});
afterEach(() => slack.assertNoUnexpectedCalls());
afterAll(() => slack.close());

const message = { channel: 'C1', text: 'hello', blocks: [], key: 'k1', seq: 1, attempt: 1 };

describe('WebClient poster', () => {
  it.each<[SlackFailure, Partial<SlackPostError>]>([
    [
      { kind: 'rate_limited', retryAfter: 3 },
      { kind: 'rate_limited', retryAfterSeconds: 3 },
    ],
    [{ kind: 'http_500' }, { kind: 'transient', code: 'http_500' }],
    [{ kind: 'drop' }, { kind: 'transient', code: 'network' }],
    [{ kind: 'drop_after_post' }, { kind: 'transient', code: 'network' }],
    [
      { kind: 'not_ok', error: 'fatal_error' },
      { kind: 'transient', code: 'fatal_error' },
    ],
    [
      { kind: 'not_ok', error: 'channel_not_found' },
      { kind: 'permanent', code: 'channel_not_found' },
    ],
    [
      { kind: 'not_ok', error: 'not_in_channel' },
      { kind: 'permanent', code: 'not_in_channel' },
    ],
    [
      { kind: 'not_ok', error: 'msg_too_long' },
      { kind: 'permanent', code: 'msg_too_long' },
    ],
  ])('maps %o to %o, calling Slack once', async (failure, expected) => {
    slack.failNext('chat.postMessage', failure);
    const error = await poster.post(message).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SlackPostError);
    expect(error).toMatchObject(expected);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('refuses an ok answer without a ts as transient', async () => {
    slack.answer('chat.postMessage', () => ({ ok: true, channel: 'C1' }));
    await expect(poster.post(message)).rejects.toMatchObject({ kind: 'transient', code: 'bad_answer' });
  });

  it('finds a message by its key on a later page of history, whatever our clock says', async () => {
    const posted = await poster.post(message);
    for (let i = 0; i < 150; i += 1) slack.addMessage('C1', { text: `chatter ${i}` });

    await expect(poster.findByKey('C1', 'k1', { seq: 99 })).resolves.toBe(posted.ts);
    expect(slack.callsTo('conversations.history')).toHaveLength(2);
    expect(slack.callsTo('conversations.history')[0]?.args.oldest).toBeUndefined();
    await expect(poster.findByKey('C1', 'other-key')).resolves.toBeNull();
  });

  it('stops at the first attempt of an earlier row, and only at the end of that page', async () => {
    await poster.post({ ...message, key: 'earlier', seq: 4, attempt: 1 });
    const retried = await poster.post({ ...message, key: 'retried-earlier', seq: 3, attempt: 2 });
    for (let i = 0; i < 120; i += 1) slack.addMessage('C1', { text: `chatter ${i}` });
    const before = slack.callsTo('conversations.history').length;
    await expect(poster.findByKey('C1', 'sought', { seq: 5 })).resolves.toBeNull();
    expect(slack.callsTo('conversations.history').length - before).toBe(2);
    // A retried earlier row is no bound: it may have been posted after the one sought.
    await expect(poster.findByKey('C1', 'retried-earlier', { seq: 5 })).resolves.toBe(retried.ts);
  });

  it('opens a direct message with a user, and refuses an unknown user permanently', async () => {
    slack.addUser({ id: 'U1', name: 'alice' });
    await expect(poster.openDirectMessage('U1')).resolves.toBe('DU1');
    await expect(poster.openDirectMessage('U404')).rejects.toMatchObject({
      kind: 'permanent',
      code: 'user_not_found',
    });
  });
});
