import { buildServices, startApp } from './app';
import { createLogger } from './logger';
import { startupSettings } from './startup-settings';

/** Start-up only: read the environment, build the services, start the Slack app. */
async function main(): Promise<void> {
  const settings = startupSettings(process.env);
  if (!settings.ok) {
    console.error(settings.message);
    process.exit(1);
  }
  const config = settings.config;
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
