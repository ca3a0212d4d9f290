import fs from 'node:fs';
import { Module } from 'node:module';
import path from 'node:path';

/**
 * Parts of third-party packages that load with the modules kfrelease uses but that a start does not
 * need, loaded on first use instead. Imported for its effect, before anything loads those packages:
 * first in main.ts (and the bench's app process), and by bolt-parts.ts before Bolt.
 *
 * - Bolt's App module requires its Socket Mode receiver when it loads, and that receiver requires
 *   `@slack/socket-mode` and with it undici: 60 to 80 ms and about 12 MiB at every start of an app
 *   that answers Slack over HTTP. A Socket Mode start reads it at once (`new SocketModeClient`).
 * - zod 4 loads the messages of all its 40-odd languages (about 20 ms) for `z.locales`, which
 *   kfrelease never reads: its English messages come from another file and stay as they are.
 *
 * Each gets a stand-in in Node's module cache under the path the package resolves it to; the
 * first read of any of its properties loads the real module in its place and answers from it.
 * The one read answered without loading is `__esModule`, which the importing code checks at load
 * and which the real module sets too. A path that is not there (another version of a package)
 * is left alone. Jest keeps its own module registry, so tests load the real modules as before;
 * test/integration/third-party-on-demand.test.ts checks the compiled app.
 */
function loadOnDemand(file: string): void {
  if (require.cache[file] || !fs.existsSync(file)) return;
  let real: object | undefined;
  const load = (): object => {
    if (real === undefined) {
      delete require.cache[file];
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      real = require(file) as object;
    }
    return real;
  };
  const standIn = new Module(file);
  standIn.filename = file;
  standIn.loaded = true;
  standIn.exports = new Proxy(
    {},
    {
      get: (_target, key) => (key === '__esModule' && real === undefined ? true : Reflect.get(load(), key)),
      has: (_target, key) => Reflect.has(load(), key),
    },
  );
  require.cache[file] = standIn;
}

const boltReceivers = path.dirname(require.resolve('@slack/bolt/dist/receivers/SocketModeReceiver'));
loadOnDemand(require.resolve('@slack/socket-mode', { paths: [boltReceivers] }));
loadOnDemand(path.join(path.dirname(require.resolve('zod')), 'v4', 'locales', 'index.cjs'));
