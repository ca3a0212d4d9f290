import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ensureDistBuilt, PROJECT_DIR } from '../fault/dist-build';

/**
 * Socket Mode's package and undici load only when an app starts in Socket Mode. Jest keeps its own
 * module registry, so this runs the compiled app in a plain Node process, as `npm start` does.
 */
const PROBE = `
const loaded = (name) => Object.keys(require.cache).some((path) => path.includes('/node_modules/' + name));
const seen = {};
require(${JSON.stringify(join(PROJECT_DIR, 'dist', 'src', 'app.js'))});
seen.afterApp = { undici: loaded('undici/'), socketMode: loaded('@slack/socket-mode/dist/src/SocketModeClient.js') };
const { App } = require(${JSON.stringify(join(PROJECT_DIR, 'dist', 'src', 'slack', 'bolt-parts.js'))});
const app = new App({ token: 'xoxb-1', appToken: 'xapp-1', socketMode: true, tokenVerificationEnabled: false });
seen.afterSocketApp = { undici: loaded('undici/'), socketMode: loaded('@slack/socket-mode/dist/src/SocketModeClient.js') };
const real = require(require.resolve('@slack/socket-mode', { paths: [require.resolve('@slack/bolt')] }));
seen.client = app.receiver.client instanceof real.SocketModeClient ? 'SocketModeClient' : String(app.receiver.client);
console.log(JSON.stringify(seen));
`;

beforeAll(() => ensureDistBuilt(), 120_000);

test('an app answering over HTTP never loads Socket Mode; a Socket Mode app gets the real client', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', PROBE], { cwd: PROJECT_DIR });
  expect(JSON.parse(stdout)).toEqual({
    afterApp: { undici: false, socketMode: false },
    afterSocketApp: { undici: true, socketMode: true },
    client: 'SocketModeClient',
  });
});
