import { loadConfig } from '../../src/config';
import { startupCheckRequest } from '../../src/startup/startup-checks';

const SLACK = {
  SLACK_BOT_TOKEN: 'xoxb-1',
  SLACK_SIGNING_SECRET: 'abcdef0123456789abcdef0123456789',
};

/** The worker starts before the settings load: it must look where the settings will point. */
describe('what the start-up worker looks at, read before the settings load', () => {
  it.each([
    ['nothing set', {}],
    ['blank values, which the settings treat as unset', { DATABASE_PATH: '', KFRELEASE_CONFIG_DIR: '' }],
    [
      'a relative database path and config folder',
      { DATABASE_PATH: 'var/kf.db', KFRELEASE_CONFIG_DIR: 'my-config' },
    ],
    ['absolute ones', { DATABASE_PATH: '/srv/kf.db', KFRELEASE_CONFIG_DIR: '/etc/kfrelease/../kfrelease' }],
  ])('%s: the same database and config folder as the settings', (_case, env: Record<string, string>) => {
    const loaded = loadConfig({ ...SLACK, ...env });
    if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
    expect(startupCheckRequest({ ...SLACK, ...env })).toEqual({
      configDir: loaded.config.configDir,
      databasePath: loaded.config.databasePath,
    });
  });
});
