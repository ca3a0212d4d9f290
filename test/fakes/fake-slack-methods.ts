export * from '../../src/sandbox/slack-stand-in-methods';
