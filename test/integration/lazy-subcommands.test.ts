import { basename } from 'node:path';
import { answerText, startTestApp, type TestApp } from '../helpers/start-app';

/** The subcommand handler modules this test file has loaded so far (jest's module registry). */
const loadedHandlers = () =>
  Object.keys(require.cache)
    .filter((file) => file.endsWith('-subcommand-handlers.ts'))
    .map((file) => basename(file, '.ts'))
    .sort();

describe('subcommand handlers are loaded the first time one of their area runs', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    app.slack.assertNoUnexpectedCalls();
    await app.stop();
  });

  it('loads none to start the app, answer help or suggest a command', async () => {
    expect(loadedHandlers()).toEqual([]);
    const help = await app.command('help');
    expect(answerText(help)).toContain('`/kfrelease blocker at-risk|punt|blocking owner/repo#N [reason]`');
    const unknown = await app.command('stauts');
    expect(answerText(unknown)).toContain(
      'There is no `/kfrelease stauts`. Did you mean `/kfrelease status`?',
    );
    expect(loadedHandlers()).toEqual([]);
  });

  it("loads the release area's handlers alone for status", async () => {
    const status = await app.command('status');
    expect(answerText(status)).toContain('There is no release yet');
    expect(loadedHandlers()).toEqual(['release-subcommand-handlers']);
  });

  it("loads another area's handlers when one of its commands runs", async () => {
    const blockers = await app.command('blockers');
    expect(answerText(blockers)).toContain('There is no release yet');
    expect(loadedHandlers()).toEqual(['blocker-subcommand-handlers', 'release-subcommand-handlers']);
  });
});
