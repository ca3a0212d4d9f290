import { performance } from 'node:perf_hooks';
import { startApp } from '../src/app';
import { benchConfig } from './bench-environment';
import { buildBenchServices } from './build-bench-services';
import { reportFailure, reportReady } from './child-protocol';

/**
 * Our app in a process of its own, started the way main.ts starts it (loadConfig, buildServices,
 * startApp) but silent and on a free port, which it reports to the bench over IPC.
 */
async function main(): Promise<void> {
  // Since this process started: Node's own start-up and loading every module imported above.
  const modulesLoadedAtMs = performance.now();
  const config = benchConfig(process.env);
  const servicesStarted = performance.now();
  const services = buildBenchServices(config);
  const servicesMs = performance.now() - servicesStarted;
  const app = await startApp(config, services);
  reportReady(app.url, { modulesLoadedAtMs, servicesMs, listeningAtMs: performance.now() }, async () => {
    await app.stop();
    services.store.db.close();
  });
}

main().catch(reportFailure);
