export * from '../../src/sandbox/slack-stand-in-state';
export type {
  StandInChannel as FakeSlackChannel,
  StandInUser as FakeSlackUser,
} from '../../src/sandbox/slack-stand-in-state';
