import { existsSync } from 'node:fs';
import { buildServices, readConfigFolder } from '../app';
import { loadConfig } from '../config';
import { missingDatabaseMessage } from '../db/database-path-problem';
import { isUserError } from '../errors';
import { createLogger } from '../logger';
import { CLI_COMMANDS } from './cli-commands';
import { readCommandLine } from './read-command-line';

/** Runs one command line; returns the process exit code (2: a mistake in the command line itself). */
export async function runCli(
  argv: string[],
  env: Record<string, string | undefined>,
  io = { out: console.log, err: console.error },
): Promise<number> {
  const line = readCommandLine(argv, CLI_COMMANDS);
  if (line.kind === 'help') {
    io.out(line.text);
    return 0;
  }
  if (line.kind === 'mistake') {
    io.err(line.text);
    return 2;
  }
  const { command, invocation } = line;
  const loaded = loadConfig(env);
  if (!loaded.ok) {
    io.err(`Fix these settings first:\n${loaded.problems.map((p) => `  - ${p}`).join('\n')}`);
    return 2;
  }
  // The config folder first: a broken file is reported before anything else, database included.
  try {
    readConfigFolder(loaded.config.configDir);
  } catch (error) {
    io.err((error as Error).message);
    return 1;
  }
  const { config } = loaded;
  if (!command.createsDatabase && config.databasePath !== ':memory:' && !existsSync(config.databasePath)) {
    io.err(missingDatabaseMessage(config.databasePath, env.DATABASE_PATH || undefined));
    return 1;
  }
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, process.stderr as never);
  try {
    const services = buildServices(config, {
      logger,
      allowEmptyDatabaseFile: command.startsEmptyDatabase ?? false,
    });
    try {
      await command.run(services, invocation, io);
    } finally {
      services.store.db.close();
    }
    return 0;
  } catch (error) {
    if (isUserError(error)) {
      // A terminal shows no code spans: the backquotes around commands would only be noise.
      const hint = error.plainHint ? `\n${error.plainHint.replaceAll('/kfrelease', 'kfrelease')}` : '';
      io.err(`${error.message}${hint}`.replaceAll('`', ''));
      return 1;
    }
    io.err(`kfrelease failed: ${(error as Error).message}`);
    return 1;
  }
}
