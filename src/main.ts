// First: the parts of third-party packages a start does not need are loaded on first use.
import './startup/third-party-on-demand';
import type * as AppModule from './app';
import type * as Logging from './logger';
import type * as Sandbox from './sandbox/start-sandbox';
import { startStartupChecks, startupCheckRequest } from './startup/startup-checks';
import type * as Settings from './startup-settings';

/** Start-up only: read the environment, build the services, start the Slack app (or the sandbox). */
async function main(): Promise<void> {
  // First of all, on the second core: the config folder's YAML and the database's quick_check run
  // while the settings (zod) and then the app's modules load, which is why those are required here.
  const checks = startStartupChecks(startupCheckRequest(process.env));
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { startupMode } = require('./startup-settings') as typeof Settings;
  const { createLogger } = require('./logger') as typeof Logging;
  /* eslint-enable @typescript-eslint/no-require-imports */
  const mode = startupMode(process.env);
  if (mode.kind === 'stop') {
    console.error(mode.message);
    process.exit(1);
  }
  if (mode.kind === 'sandbox') {
    // Only the sandbox loads its stand-ins and console: a start for Slack does not wait for them.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { startSandbox } = require('./sandbox/start-sandbox') as typeof Sandbox;
    const sandbox = await startSandbox(mode.config);
    const stop = () => void sandbox.stop().finally(() => process.exit(0));
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
    return;
  }
  const config = mode.config;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { buildServices, startApp } = require('./app') as typeof AppModule;
  const logger = createLogger(config.logLevel);
  const services = buildServices(config, { logger, startupChecks: await checks });
  const app = await startApp(config, services);
  logger.info({ url: app.url, mode: app.mode, database: config.databasePath }, 'kfrelease is listening');
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    void app.stop().finally(() => {
      services.store.db.close();
      process.exit(0);
    });
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  console.error(`kfrelease stopped: ${(error as Error).message}`);
  process.exit(1);
});
