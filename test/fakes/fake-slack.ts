import {
  startSlackStandIn,
  type SlackStandIn,
  type SlackStandInOptions,
} from '../../src/sandbox/slack-stand-in';
import { checkOptOut, watchUnexpectedCalls } from './strict-fakes';

/** The fake Slack Web API the tests use: the sandbox's Slack stand-in, under the names tests know. */
export {
  RESPONSE_URL_METHOD,
  SLACK_TEAM,
  SlackStandIn as FakeSlack,
  dmChannelId,
  type ResponseUrlPost,
  type SlackCall,
  type SlackFailure,
  type StandInChannel as FakeSlackChannel,
  type StandInUser as FakeSlackUser,
  type StoredMessage,
  type StoredView,
} from '../../src/sandbox/slack-stand-in';

export interface FakeSlackOptions extends SlackStandInOptions {
  /**
   * Why this test may call methods it does not declare with `expect()`; without it, such a call
   * fails the test it happens in.
   */
  unexpectedCallsAllowed?: string;
}

/** Starts a fake Slack that fails the test on any call not declared with `expect()`. */
export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<SlackStandIn> {
  const { unexpectedCallsAllowed, ...standIn } = options;
  checkOptOut(unexpectedCallsAllowed);
  const slack = await startSlackStandIn(standIn);
  return watchUnexpectedCalls(
    slack,
    {
      kind: 'Slack got a call nobody declared with expect()',
      unexpected: () => slack.unexpectedCalls(),
      describe: (call) => {
        const { method, args } = call as { method: string; args: unknown };
        return `${method} ${JSON.stringify(args).slice(0, 300)}`;
      },
    },
    unexpectedCallsAllowed,
  );
}
