/** The fake Slack Web API the tests use: the sandbox's Slack stand-in, under the names tests know. */
export {
  RESPONSE_URL_METHOD,
  SLACK_TEAM,
  SlackStandIn as FakeSlack,
  dmChannelId,
  startSlackStandIn as startFakeSlack,
  type ResponseUrlPost,
  type SlackCall,
  type SlackFailure,
  type SlackStandInOptions as FakeSlackOptions,
  type StandInChannel as FakeSlackChannel,
  type StandInUser as FakeSlackUser,
  type StoredMessage,
  type StoredView,
} from '../../src/sandbox/slack-stand-in';
