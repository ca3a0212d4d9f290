/* global setTimeout */
/**
 * The child process of the fault-injection tests: the compiled app from dist/, built and started
 * as src/main.ts does it, with its settings from the environment.
 *
 * Loading the modules takes most of a second, so it loads them first and opens the database only
 * when the parent sends `{ start: true }`: the parent warms the next child up while the current one
 * is still running, and starts it once that one is dead. It reports `{ ready: url }` over IPC.
 * It installs no signal handler: it is meant to die by SIGKILL.
 */
const { buildServices, startApp } = require('../../dist/src/app.js');
const { loadConfig } = require('../../dist/src/config.js');

function fail(error) {
  console.error(`fault-app could not start: ${error && error.stack ? error.stack : String(error)}`);
  // Let stderr reach the parent before exiting.
  setTimeout(() => process.exit(1), 50);
}

async function start() {
  const loaded = loadConfig(process.env);
  if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
  const services = buildServices(loaded.config);
  // A test may make the background lease short, so a killed holder is replaced at once.
  const ttlMs = Number(process.env.FAULT_LEASE_TTL_MS);
  const renewMs = Number(process.env.FAULT_LEASE_RENEW_MS);
  const lease = ttlMs > 0 && renewMs > 0 ? { lease: { ttlMs, renewMs } } : {};
  const app = await startApp(loaded.config, services, lease);
  process.send({ ready: app.url });
}

process.on('message', (message) => {
  if (message && message.start) start().catch(fail);
});
process.send({ loaded: true });
// An orphan would hold the database and a port: go when the parent does.
process.on('disconnect', () => process.exit(0));
