import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ensureDistBuilt, PROJECT_DIR } from '../fault/dist-build';

/**
 * What a start does not need of third-party packages loads on first use: Socket Mode's package
 * with undici, and zod's messages in other languages. Jest keeps its own module registry, so this
 * runs the compiled app in a plain Node process, loading what main.ts loads first.
 */
const dist = (...parts: string[]) => JSON.stringify(join(PROJECT_DIR, 'dist', 'src', ...parts));
const PROBE = `
const loaded = (name) => Object.keys(require.cache).some((path) => path.includes('/node_modules/' + name));
const now = () => ({
  undici: loaded('undici/'),
  socketMode: loaded('@slack/socket-mode/dist/src/SocketModeClient.js'),
  zodLocales: loaded('zod/v4/locales/de.cjs'),
});
const seen = {};
require(${dist('startup', 'third-party-on-demand.js')});
require(${dist('app.js')});
seen.afterApp = now();
const { z } = require('zod');
seen.zodMessage = z.string().safeParse(1).error.issues[0].message;
seen.afterZodMessage = now();
z.config(z.locales.de());
seen.zodGerman = z.string().safeParse(1).error.issues[0].message;
seen.afterGerman = now();
const { App } = require(${dist('slack', 'bolt-parts.js')});
const app = new App({ token: 'xoxb-1', appToken: 'xapp-1', socketMode: true, tokenVerificationEnabled: false });
seen.afterSocketApp = now();
const real = require(require.resolve('@slack/socket-mode', { paths: [require.resolve('@slack/bolt')] }));
seen.client = app.receiver.client instanceof real.SocketModeClient ? 'SocketModeClient' : String(app.receiver.client);
console.log(JSON.stringify(seen));
`;

beforeAll(() => ensureDistBuilt(), 120_000);

test('an HTTP start loads neither; each loads, and works, when it is first used', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', PROBE], { cwd: PROJECT_DIR });
  expect(JSON.parse(stdout)).toEqual({
    afterApp: { undici: false, socketMode: false, zodLocales: false },
    zodMessage: 'Invalid input: expected string, received number',
    afterZodMessage: { undici: false, socketMode: false, zodLocales: false },
    zodGerman: 'Ungültige Eingabe: erwartet string, erhalten Zahl',
    afterGerman: { undici: false, socketMode: false, zodLocales: true },
    afterSocketApp: { undici: true, socketMode: true, zodLocales: true },
    client: 'SocketModeClient',
  });
});
