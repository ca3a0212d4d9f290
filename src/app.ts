import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver } from './slack/bolt-parts';
import type { AppServices } from './app-services';
import { clockStartingAt, systemClock, wallClockSeconds, type Clock } from './clock';
import type { Config } from './config';
import { SERVING_BUSY_TIMEOUT_MS } from './db/database-busy';
import { loadMigrations, migrate, MIGRATIONS_DIR } from './db/migrate';
import { createOctokitGitHubClient } from './github/octokit-github-client';
import { createIssueWriter } from './github/octokit-issue-writer';
import { createManifestsRepo } from './github/octokit-manifests-repo';
import { openConfiguredDatabase } from './db/open-configured-database';
import { createStore } from './db/store';
import { healthRoute } from './http/health-route';
import { startBackgroundWorkSoon, type BackgroundWork, type LeaseTiming } from './jobs/background-work-soon';
import { createHttpRouter, type HttpRoute } from './http/http-router';
import { publicScheduleRoutes } from './public-schedule/public-schedule-routes';
import { createLogger, type Logger } from './logger';
import { boltLogger } from './slack/bolt-logger';
import { fetchBotIdentity } from './slack/bot-identity';
import { registerListeners } from './slack/listeners';
import { refuseFutureTimestamps } from './slack/refuse-future-timestamps';
import { slackRequestGate } from './slack/slack-request-gate';
import { loadTemplates } from './templates/load-templates';
import { configDir, useConfigDir } from './config-files/config-dir';
import { offerPreparsedYaml } from './config-files/read-config-file';
import type { StartupChecks } from './startup/startup-checks';
import { loadWorkingGroups } from './working-groups/load-working-groups';
import type { WorkingGroupsFile } from './working-groups/working-groups-schema';
import type { ReleaseTemplate } from './domain/release-template';
import { loadAgendaItems } from './workflows/load-agenda-items';
import { loadDependencyList } from './workflows/load-dependency-list';
import { readPhaseChecklists } from './workflows/phase-checklists-file';
import { manifestsWorkSettled } from './workflows/manifests-work';
import { readCalendar } from './workflows/calendar-file';

/**
 * How long a write waits for another process's lock (the CLI, a backup) before giving up, at start
 * (migrations) and in the command line. Once the app serves Slack, a write blocks far shorter
 * (SERVING_BUSY_TIMEOUT_MS) and request handlers wait between attempts instead (retryWhileBusy).
 */
const DATABASE_BUSY_TIMEOUT_MS = 2800;

/** Where Slack sends commands, buttons, forms and events. */
const SLACK_EVENTS_PATH = '/slack/events';

/** Slack requests larger than this are refused: real ones are a few kilobytes. */
const BODY_LIMIT_BYTES = 256 * 1024;

/**
 * Builds every long-lived dependency once: clock, database (migrated), templates, working groups.
 * The command line and the Slack app both start from here.
 */
export function buildServices(
  config: Config,
  options: {
    logger?: Logger;
    clock?: Clock;
    githubDeadlineMs?: number;
    /** Starts a new database in an existing empty file instead of refusing it (`kfrelease migrate`). */
    allowEmptyDatabaseFile?: boolean;
    /** What the start-up worker found (startStartupChecks); without it everything is checked here. */
    startupChecks?: StartupChecks;
  } = {},
): AppServices {
  const logger = options.logger ?? createLogger(config.logLevel);
  const clock = options.clock ?? (config.now ? clockStartingAt(config.now) : systemClock);
  const checks = options.startupChecks ?? null;
  if (checks && 'failed' in checks)
    logger.warn({ why: checks.failed }, 'start-up worker failed; checking in the main thread');
  const verdict = checks && !('failed' in checks) ? checks : null;
  if (verdict) offerPreparsedYaml(verdict.yaml);
  // Every config loader reads from here (checked before the database is opened): KFRELEASE_CONFIG_DIR, or the shipped config/.
  const { workingGroups, templates } = readConfigFolder(config.configDir);
  // Longer than a typical lock by another process, shorter than Slack's 3 s: a write waits, then answers.
  const db = openConfiguredDatabase(config.databasePath, {
    busyTimeoutMs: DATABASE_BUSY_TIMEOUT_MS,
    allowEmptyFile: options.allowEmptyDatabaseFile,
    quickCheckPassed: verdict?.databasePath === config.databasePath && verdict.databaseSound,
  });
  const { applied, current } = migrate(db, loadMigrations(MIGRATIONS_DIR), () => clock.now().toISO() ?? '');
  if (applied.length > 0) logger.info({ applied, current }, 'database migrated');
  const store = createStore(db);
  if (store.workingGroups.sync(workingGroups.working_groups))
    logger.info({}, 'working groups updated from config');
  const github = createOctokitGitHubClient({
    baseUrl: config.github.apiUrl,
    token: config.github.token,
    logger: logger.child({ component: 'github' }),
  });
  return {
    store,
    clock,
    templates,
    admins: config.admins,
    logger,
    github,
    manifestsRepo: workingGroups.manifests_repo,
    issueWriter: createIssueWriter(config, logger.child({ component: 'github' })),
    manifestsSync: {
      config: workingGroups.manifests_sync,
      repo: createManifestsRepo(config, logger.child({ component: 'github' })),
      canWrite: Boolean(config.github.token),
    },
    githubDeadlineMs: options.githubDeadlineMs ?? GITHUB_DEADLINE_MS,
    deliverSoon: () => undefined,
  };
}

/**
 * Reads every file of the config folder once at start, so a broken one stops the start with the
 * problems of every file at once, not a later command.
 */
export function readConfigFolder(dir: string): {
  workingGroups: WorkingGroupsFile;
  templates: Map<string, ReleaseTemplate>;
} {
  useConfigDir(dir);
  const problems: string[] = [];
  const attempt = <T>(read: () => T): T | undefined => {
    try {
      return read();
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
      return undefined;
    }
  };
  const workingGroups = attempt(() => loadWorkingGroups());
  const templates = attempt(() => loadTemplates());
  attempt(() => readPhaseChecklists());
  attempt(() => readCalendar());
  attempt(() => loadAgendaItems());
  attempt(() => loadDependencyList());
  if (!workingGroups || !templates || problems.length > 0)
    throw new Error(`${problems.join('\n\n')}\n\nFix the files in ${configDir()} and start again.`);
  return { workingGroups, templates };
}

/** Slack closes a modal submission after 3 s; GitHub gets most of that, the rest is ours. */
const GITHUB_DEADLINE_MS = 2200;

export interface RunningApp {
  /** Where the HTTP server listens, e.g. http://127.0.0.1:3000. */
  url: string;
  mode: 'http' | 'socket';
  stop(): Promise<void>;
}

/**
 * Starts the Slack app: HTTP receiver on /slack/events (or Socket Mode) plus GET /healthz, the
 * public schedule, and any `routes` the caller adds (the sandbox console), all on one port.
 */
export async function startApp(
  config: Config,
  baseServices: AppServices,
  options: {
    routes?: (services: AppServices) => HttpRoute[];
    lease?: LeaseTiming;
    /** How long after listening the background work starts (default BACKGROUND_START_DELAY_MS). */
    backgroundStartDelayMs?: number;
  } = {},
): Promise<RunningApp> {
  const { botToken, signingSecret, appToken, apiUrl } = config.slack;
  // A lock held by another program must never stall the event loop: /healthz and every request
  // stay answered; a request waits between attempts (retryWhileBusy), background work next run.
  baseServices.store.db.pragma(`busy_timeout = ${SERVING_BUSY_TIMEOUT_MS}`);
  let background: BackgroundWork | null = null;
  const services: AppServices = { ...baseServices, deliverSoon: () => background?.kick() };
  // A moment after the server listens: the scheduler's first pass is not needed to answer a request.
  const startBackground = () =>
    (background = startBackgroundWorkSoon(
      { botToken: config.slack.botToken ?? '', apiUrl: config.slack.apiUrl },
      baseServices,
      options.lease,
      options.backgroundStartDelayMs,
    ));
  const logger = boltLogger(services.logger);
  const clientOptions = {
    slackApiUrl: apiUrl,
    retryConfig: { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 5000 },
  };
  const health = healthRoute(
    services.store.db,
    services.clock.now().toISO() ?? '',
    services.store.writeHealth,
  );
  const identity = await fetchBotIdentity({ apiUrl, token: botToken ?? '' }, services.logger);
  const router = createHttpRouter(
    [...publicScheduleRoutes(services), ...(options.routes?.(services) ?? [])],
    services.logger,
  );

  if (appToken) {
    const app = new App({
      token: botToken,
      ...identity,
      appToken,
      socketMode: true,
      logger,
      clientOptions,
      convoStore: false,
    });
    registerListeners(app, services);
    await app.start();
    const server = await listen(
      createServer(router.before((req, res) => (req.url === '/healthz' ? health(req, res) : notFound(res)))),
      config,
    );
    const running = startBackground();
    return {
      url: server.url,
      mode: 'socket',
      stop: async () => (
        await app.stop(),
        await manifestsWorkSettled(),
        await running.stop(),
        server.close()
      ),
    };
  }

  const receiver = new HTTPReceiver({
    signingSecret: signingSecret ?? '',
    endpoints: SLACK_EVENTS_PATH,
    // slackRequestGate below checks every request's signature, once, before Bolt sees it.
    signatureVerification: false,
    logger,
    bodyLimit: BODY_LIMIT_BYTES,
    customRoutes: [{ path: '/healthz', method: ['GET'], handler: health }],
  });
  // No conversation store: kfrelease keeps its state in SQLite, and the store costs every request.
  const app = new App({ token: botToken, ...identity, receiver, logger, clientOptions, convoStore: false });
  registerListeners(app, services);
  const slackRequests = slackRequestGate(receiver.requestListener, {
    signingSecret: signingSecret ?? '',
    path: SLACK_EVENTS_PATH,
    limitBytes: BODY_LIMIT_BYTES,
    logger: services.logger,
    nowSeconds: wallClockSeconds,
  });
  const server = await listen(
    createServer(router.before(refuseFutureTimestamps(slackRequests, wallClockSeconds), [SLACK_EVENTS_PATH])),
    config,
  );
  const running = startBackground();
  return {
    url: server.url,
    mode: 'http',
    // Work a request started in the background queues its outcome before the sender stops.
    stop: async () => (await server.close(), await manifestsWorkSettled(), await running.stop()),
  };
}

async function listen(server: Server, config: Config): Promise<{ url: string; close(): Promise<void> }> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function notFound(res: import('node:http').ServerResponse): void {
  res.writeHead(404).end();
}
