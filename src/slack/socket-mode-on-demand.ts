import { Module } from 'node:module';
import { dirname } from 'node:path';

/**
 * Bolt's App module requires its Socket Mode receiver when it loads, and that receiver requires
 * `@slack/socket-mode` and with it undici: 60 to 80 ms and about 12 MiB at every start of an app
 * that answers Slack over HTTP and never opens a socket.
 *
 * Imported before Bolt (see bolt-parts.ts), this module puts a stand-in for `@slack/socket-mode`
 * into Node's module cache under the path Bolt's receiver resolves it to. The first time anything
 * reads a property of the stand-in (a Socket Mode start does, in the receiver's constructor:
 * `new SocketModeClient(...)`), the real package is loaded and every read is answered from it.
 * Nothing else about Bolt changes. Jest keeps its own module registry, so tests load the real
 * package as before; test/integration/socket-mode-on-demand.test.ts checks the compiled app.
 */
function standInForSocketMode(): void {
  const boltReceivers = dirname(require.resolve('@slack/bolt/dist/receivers/SocketModeReceiver'));
  const path = require.resolve('@slack/socket-mode', { paths: [boltReceivers] });
  if (require.cache[path]) return;
  let real: object | undefined;
  const load = (): object => {
    if (real === undefined) {
      delete require.cache[path];
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      real = require(path) as object;
    }
    return real;
  };
  const standIn = new Module(path);
  standIn.filename = path;
  standIn.loaded = true;
  standIn.exports = new Proxy(
    {},
    {
      get: (_target, key) => Reflect.get(load(), key),
      has: (_target, key) => Reflect.has(load(), key),
    },
  );
  require.cache[path] = standIn;
}

standInForSocketMode();
