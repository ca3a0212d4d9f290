import { parseArgs } from 'node:util';
import { buildServices } from '../app';
import { loadConfig } from '../config';
import { isUserError } from '../errors';
import { createLogger } from '../logger';
import { CLI_COMMANDS } from './cli-commands';

const USAGE = `kfrelease: the Kubeflow release bot's command line.

Commands:
${Object.values(CLI_COMMANDS)
  .map((c) => `  ${c.usage}`)
  .join('\n')}

Settings come from the environment (DATABASE_PATH, KFRELEASE_NOW, ...): see README.md.`;

/** Runs one command line; returns the process exit code. */
export async function runCli(
  argv: string[],
  env: Record<string, string | undefined>,
  io = { out: console.log, err: console.error },
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        from: { type: 'string' },
        to: { type: 'string' },
        at: { type: 'string' },
        markdown: { type: 'boolean', default: false },
        release: { type: 'string' },
        failed: { type: 'boolean', default: false },
        'all-failed': { type: 'boolean', default: false },
        limit: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const words = parsed.positionals;
  const name = [`${words[0]} ${words[1]}`, words[0]].find(
    (candidate) => candidate !== undefined && candidate in CLI_COMMANDS,
  );
  if (parsed.values.help || !name) {
    (name || parsed.values.help ? io.out : io.err)(
      words.length && !name ? `Unknown command: ${words.join(' ')}\n\n${USAGE}` : USAGE,
    );
    return name || parsed.values.help ? 0 : 2;
  }
  const command = CLI_COMMANDS[name];
  if (!command) return 2;
  const loaded = loadConfig(env);
  if (!loaded.ok) {
    io.err(`Fix these settings first:\n${loaded.problems.map((p) => `  - ${p}`).join('\n')}`);
    return 2;
  }
  const logger = createLogger(
    loaded.config.logLevel === 'info' ? 'warn' : loaded.config.logLevel,
    process.stderr as never,
  );
  try {
    const services = buildServices(loaded.config, {
      logger,
      allowEmptyDatabaseFile: command.startsEmptyDatabase ?? false,
    });
    try {
      await command.run(
        services,
        {
          positionals: words.slice(name.split(' ').length),
          flags: {
            json: parsed.values.json ?? false,
            markdown: parsed.values.markdown ?? false,
            release: parsed.values.release,
            from: parsed.values.from,
            to: parsed.values.to,
            at: parsed.values.at,
            failed: parsed.values.failed ?? false,
            allFailed: parsed.values['all-failed'] ?? false,
            limit: parsed.values.limit,
          },
        },
        io,
      );
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
