// First, as in main.ts: the parts of third-party packages a start does not need load on first use.
import '../src/startup/third-party-on-demand';
import { performance } from 'node:perf_hooks';
import type * as AppModule from '../src/app';
import { startStartupChecks, startupCheckRequest } from '../src/startup/startup-checks';
import type * as BenchEnvironment from './bench-environment';
import type * as BenchServices from './build-bench-services';
import { reportFailure, reportReady } from './child-protocol';

/**
 * Our app in a process of its own, started the way main.ts starts it (the start-up worker, the
 * settings, then the app's modules, buildServices, startApp) but silent and on a free port, which
 * it reports to the bench over IPC.
 */
async function main(): Promise<void> {
  const checks = startStartupChecks(startupCheckRequest(process.env));
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { benchConfig } = require('./bench-environment') as typeof BenchEnvironment;
  const config = benchConfig(process.env);
  const { startApp } = require('../src/app') as typeof AppModule;
  const { buildBenchServices } = require('./build-bench-services') as typeof BenchServices;
  /* eslint-enable @typescript-eslint/no-require-imports */
  // Since this process started: Node's own start-up and loading every module.
  const modulesLoadedAtMs = performance.now();
  const startupChecks = await checks;
  const servicesStarted = performance.now();
  const services = buildBenchServices(config, undefined, startupChecks);
  const servicesMs = performance.now() - servicesStarted;
  const app = await startApp(config, services);
  reportReady(
    app.url,
    {
      modulesLoadedAtMs,
      checksWaitMs: servicesStarted - modulesLoadedAtMs,
      servicesMs,
      listeningAtMs: performance.now(),
    },
    async () => {
      await app.stop();
      services.store.db.close();
    },
  );
}

main().catch(reportFailure);
