import { DateTime } from 'luxon';
import { createLogger } from '../../src/logger';
import { createOutboxSender } from '../../src/outbox/outbox-sender';
import { renderOutbox } from '../../src/slack/notices/render-notice';
import { createWebClientPoster } from '../../src/slack/slack-poster';
import { runDueJobs } from '../../src/workflows/run-due-jobs';
import { dmChannelId, startFakeSlack, type FakeSlack, type SlackFailure } from '../fakes/fake-slack';
import { CHANNEL, KATHERINE, RM, scheduleWorld, type ScheduleWorld } from './schedule-world';

const AGENDA_DUE = '2026-05-11T14:00:00.000Z'; // Monday 16:00 Berlin, the day before Tuesday's meeting

let slack: FakeSlack;
let world: ScheduleWorld;

beforeAll(async () => {
  slack = await startFakeSlack({ firstTs: DateTime.fromISO(AGENDA_DUE).toSeconds() });
});
afterAll(() => slack.close());

beforeEach(() => {
  slack.reset();
  for (const method of ['chat.postMessage', 'conversations.history', 'conversations.open'])
    slack.expect(method);
  for (const id of [KATHERINE, RM]) slack.addUser({ id, name: id.toLowerCase() });
  world = scheduleWorld({ now: '2026-05-11T13:00:00Z' });
  world.clock.set(AGENDA_DUE);
});
afterEach(() => {
  world.close();
  slack.assertNoUnexpectedCalls();
});

function sender() {
  const logger = createLogger('silent');
  return createOutboxSender({
    outbox: world.services.store.outbox,
    poster: createWebClientPoster({ token: 'xoxb-schedule-test', apiUrl: slack.url }),
    render: renderOutbox,
    clock: world.clock,
    logger,
    releaseManagers: () => [RM],
    transaction: world.services.store.transaction,
  });
}

const withKey = (channel: string, key: string) =>
  slack.messages(channel).filter((m) => m.metadata?.event_payload.key === key);

describe('scheduled posts through the outbox sender and a Slack that fails', () => {
  it.each<[string, SlackFailure, number]>([
    ['429 with Retry-After', { kind: 'rate_limited', retryAfter: 7 }, 7],
    ['500', { kind: 'http_500' }, 5],
    ['a connection dropped before Slack saw the post', { kind: 'drop' }, 5],
    ['a connection dropped after Slack stored the post', { kind: 'drop_after_post' }, 5],
  ])('posts the agenda exactly once after %s', async (_case, failure, waitSeconds) => {
    const tick = runDueJobs(world.services, world.clock.now());
    expect(tick.ran).toEqual(['agenda:1:2026-05-12', 'note_taker:1:2026-05-12']);
    slack.failNext('chat.postMessage', failure);

    const first = await sender().deliverDue();
    expect(first).toEqual({ sent: 1, retried: 1, failed: 0 }); // the note-taker's DM went; the agenda waits

    world.clock.advance({ seconds: waitSeconds - 1 });
    expect(runDueJobs(world.services, world.clock.now()).posts).toBe(0); // a second tick adds nothing
    expect(await sender().deliverDue()).toEqual({ sent: 0, retried: 0, failed: 0 });

    world.clock.advance({ seconds: 1 });
    expect(await sender().deliverDue()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await sender().deliverDue()).toEqual({ sent: 0, retried: 0, failed: 0 });

    expect(withKey(CHANNEL, 'agenda:1:2026-05-12')).toHaveLength(1);
    expect(withKey(CHANNEL, 'agenda:1:2026-05-12')[0]?.text).toMatch(
      /^Agenda for the Kubeflow v1.10.0 release team meeting/,
    );
    expect(withKey(dmChannelId(KATHERINE), `note_taker:1:2026-05-12:${KATHERINE}`)).toHaveLength(1);
    expect(slack.messages(dmChannelId(RM))).toEqual([]);
  });

  it('tells the release manager once when the meeting channel is gone', async () => {
    runDueJobs(world.services, world.clock.now());
    slack.failNext('chat.postMessage', { kind: 'not_ok', error: 'channel_not_found' });
    await sender().deliverDue();
    await sender().deliverDue();
    await sender().deliverDue();
    const reports = slack.messages(dmChannelId(RM));
    expect(reports).toHaveLength(1);
    expect(reports[0]?.text).toMatch(
      new RegExp(`could not post a message to <#${CHANNEL}>: the channel does not exist`),
    );
  });
});
