export * from '../../src/sandbox/slack-stand-in-http';
