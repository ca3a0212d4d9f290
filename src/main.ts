import { buildServices, startApp } from './app';
import { loadConfig, missingSlackSettings } from './config';
import { createLogger } from './logger';

/** Start-up only: read the environment, build the services, start the Slack app. */
async function main(): Promise<void> {
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    console.error(
      `kfrelease cannot start: fix these settings and start again.\n${loaded.problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    process.exit(1);
  }
  const config = loaded.config;
  const missing = missingSlackSettings(config);
  if (missing.length > 0) {
    console.error(
      `kfrelease needs Slack credentials to start. Set these environment variables (see README.md, "Set it up for a Slack workspace"):\n${missing.map((m) => `  - ${m}`).join('\n')}`,
    );
    process.exit(1);
  }
  const logger = createLogger(config.logLevel);
  const services = buildServices(config, { logger });
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
