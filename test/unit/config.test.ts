import { loadConfig } from '../../src/config';
import { startupSettings } from '../../src/startup-settings';

const valid = { SLACK_BOT_TOKEN: 'xoxb-1-2-3', SLACK_SIGNING_SECRET: 'abcdef0123456789abcdef' };

describe('configuration from the environment', () => {
  it('fills in the documented defaults', () => {
    const result = loadConfig(valid);
    expect(result.ok && result.config).toMatchObject({
      slack: { apiUrl: 'https://slack.com/api/' },
      github: { apiUrl: 'https://api.github.com' },
      databasePath: './data/kfrelease.db',
      port: 3000,
      host: '0.0.0.0',
      logLevel: 'info',
      admins: [],
    });
  });

  it('reads admins, a frozen clock and URLs without a trailing slash', () => {
    const result = loadConfig({
      ...valid,
      KFRELEASE_ADMINS: 'U012AB, W034CD',
      KFRELEASE_NOW: '2026-03-02T09:00:00Z',
      SLACK_API_URL: 'http://127.0.0.1:5555/api',
    });
    expect(result.ok && result.config).toMatchObject({
      admins: ['U012AB', 'W034CD'],
      now: '2026-03-02T09:00:00Z',
      slack: { apiUrl: 'http://127.0.0.1:5555/api/' },
    });
  });

  it('lists every bad value at once, each with how to fix it', () => {
    const result = loadConfig({
      SLACK_BOT_TOKEN: 'xoxp-user-token',
      PORT: 'eighty',
      LOG_LEVEL: 'loud',
      KFRELEASE_ADMINS: 'alice',
      KFRELEASE_NOW: 'yesterday',
      SLACK_API_URL: 'slack.com',
    });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toEqual([
      'SLACK_BOT_TOKEN: starts with "xoxp-…", but must be the Bot User OAuth Token (OAuth & Permissions page of https://api.slack.com/apps (your app)) starting with xoxb-',
      'SLACK_API_URL: "slack.com" is not an http(s) URL, e.g. https://slack.com/api/',
      'PORT: "eighty" is not a port: give a whole number from 0 to 65535 (0 picks a free one)',
      'LOG_LEVEL: "loud" is not a log level: use one of fatal, error, warn, info, debug, trace, silent',
      'KFRELEASE_ADMINS: "alice" is not a Slack user ID: give member IDs separated by commas, e.g. U012ABCDEF,U034GHIJKL (in Slack, a profile\'s ⋮ menu, "Copy member ID")',
      'KFRELEASE_NOW: "yesterday" is not an ISO timestamp: write it like 2026-03-02T09:00:00Z',
    ]);
  });

  it('stops without Slack credentials, naming each missing setting and where to find it', () => {
    const result = startupSettings({});
    expect(result.ok).toBe(false);
    const message = result.ok ? '' : result.message;
    expect(message).toContain('SLACK_BOT_TOKEN: the Bot User OAuth Token');
    expect(message).toContain('SLACK_SIGNING_SECRET: the Signing Secret, on the Basic Information page');
  });

  it('needs no signing secret in Socket Mode', () => {
    expect(startupSettings({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).ok).toBe(true);
  });
});
