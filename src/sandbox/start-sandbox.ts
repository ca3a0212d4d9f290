import { randomBytes } from 'node:crypto';
import { buildServices, startApp } from '../app';
import type { AppServices } from '../app-services';
import { adjustableClock } from '../clock';
import type { Config } from '../config';
import { ROLE_TITLES } from '../domain/roles';
import { createOctokitGitHubClient } from '../github/octokit-github-client';
import { createLogger } from '../logger';
import { consoleRoutes } from './console-routes';
import { demoClockStart, loadDemoSetup, type DemoSetup } from './demo-workspace';
import { startGitHubStandIn } from './github-stand-in';
import { heldOutput, type LineSink } from './held-output';
import { passTime } from './pass-time';
import { SandboxConsole, type ConsolePerson } from './sandbox-console';
import { seedDemo } from './seed-demo';
import { seedGitHub } from './seed-github';
import { seedManifestsFiles } from './seed-manifests-files';
import { startSlackStandIn } from './slack-stand-in';
import { sandboxTimeRunners, type SandboxTimeRunners } from './sandbox-time-runners';

/**
 * The token kfrelease sends the GitHub stand-in. Like GitHub, the stand-in refuses writes without
 * one; with it, the tracking issue and the manifests pull requests are written there, on loopback.
 * It means nothing anywhere else.
 */
const STAND_IN_GITHUB_TOKEN = 'github_pat_sandbox_stand_in';

/**
 * The GitHub stand-in answers on loopback with no rate limit, so nothing is spaced out: throttled,
 * each blocker sync would wait a second for its GraphQL query, and a sandbox week (a stop at
 * every due instant) would take a quarter of a minute.
 */
function withUnthrottledGitHub(services: AppServices, apiUrl: string): AppServices {
  const logger = services.logger.child({ component: 'github' });
  const github = createOctokitGitHubClient({
    baseUrl: apiUrl,
    token: STAND_IN_GITHUB_TOKEN,
    logger,
    throttle: { enabled: false },
  });
  return { ...services, github };
}

export interface RunningSandbox {
  /** Where the app listens; the console is at `${url}/sandbox`. */
  url: string;
  services: AppServices;
  clock: ReturnType<typeof adjustableClock>;
  stop(): Promise<void>;
}

/** Everyone on the demo team, with their roles, then the guests. */
function consolePeople(demo: DemoSetup, admins: string[]): ConsolePerson[] {
  const people = new Map<string, ConsolePerson>();
  for (const entry of demo.team.team) {
    if (!entry.slack) continue;
    const role = `${entry.shadow ? 'Shadow ' : ''}${ROLE_TITLES[entry.role]}${entry.wg ? `: ${entry.wg}` : ''}${entry.distribution ? `: ${entry.distribution}` : ''}`;
    const known = people.get(entry.slack);
    people.set(entry.slack, {
      id: entry.slack,
      name: entry.name,
      title: known ? `${known.title}; ${role}` : role,
    });
  }
  for (const person of people.values()) if (admins.includes(person.id)) person.title += '; kfrelease admin';
  for (const guest of demo.workspace.guests)
    people.set(guest.id, { id: guest.id, name: guest.name, title: 'Not on the release team' });
  return [...people.values()];
}

/**
 * The sandbox: the real app, talking to a Slack stand-in and a GitHub stand-in on loopback, with
 * the console on `/sandbox` where a person acts as someone of the demo team, and a clock that
 * only moves when they say so. The demo release is created on the first start.
 */
export async function startSandbox(
  config: Config,
  options: { output?: LineSink } = {},
): Promise<RunningSandbox> {
  const output = heldOutput(options.output ?? process.stdout);
  const logger = createLogger(config.logLevel, output);
  const demo = loadDemoSetup();
  const { workspace } = demo;
  const slack = await startSlackStandIn();
  const github = await startGitHubStandIn();
  const admins = [...new Set([...config.admins, ...workspace.admins])];
  const signingSecret = randomBytes(20).toString('hex');
  const sandboxConfig: Config = {
    ...config,
    slack: { botToken: 'xoxb-sandbox-stand-in', signingSecret, apiUrl: slack.url },
    github: { apiUrl: github.url, token: STAND_IN_GITHUB_TOKEN },
    admins,
  };
  const clock = adjustableClock(config.now ?? demoClockStart(workspace));
  let services: AppServices | undefined;
  let runners: SandboxTimeRunners | undefined;
  try {
    for (const entry of demo.team.team) {
      if (entry.slack) slack.addUser({ id: entry.slack, name: entry.github, realName: entry.name });
    }
    for (const guest of workspace.guests)
      slack.addUser({ id: guest.id, name: guest.name.toLowerCase(), realName: guest.name });
    slack.addChannel(workspace.channel);
    const built = withUnthrottledGitHub(buildServices(sandboxConfig, { logger, clock }), github.url);
    services = built;
    seedGitHub(github, workspace, built.store.workingGroups.list(), clock.now());
    // The revisions kubeflow/manifests synced last: each repository's first demo tag, else main.
    const synced = (repo: string) => workspace.github[repo]?.[0] ?? 'main';
    seedManifestsFiles(github, built.manifestsRepo, built.manifestsSync.config, synced);
    await seedDemo(built, demo);
    const target = new SandboxConsole(slack, {
      signingSecret,
      channel: workspace.channel,
      people: consolePeople(demo, admins),
    });
    const release = { version: workspace.release.version, timeZone: workspace.release.time_zone };
    const time = sandboxTimeRunners({
      services: built,
      clock,
      slack: { botToken: sandboxConfig.slack.botToken ?? '', apiUrl: slack.url },
    });
    runners = time;
    const app = await startApp(sandboxConfig, built, {
      routes: (running) =>
        consoleRoutes({
          console: target,
          services: running,
          clock,
          release,
          host: config.host,
          passTime: (to) => passTime({ from: clock.now(), to, runners: time }),
        }),
    });
    target.attach(app.url);
    // What a bot does within minutes of starting: upkeep finds the RC tags, the outbox is emptied.
    await time.upkeep(clock.now());
    await time.deliver(clock.now());
    output.release(
      `kfrelease is running in sandbox mode: open ${app.url}/sandbox (no Slack credentials are set, so Slack and GitHub are simulated on this machine; public schedule at ${app.url}/schedule)`,
    );
    if (!['127.0.0.1', '::1', 'localhost'].includes(config.host))
      logger.warn(
        { host: config.host },
        'the sandbox console has no login: whoever reaches it can act as anyone',
      );
    logger.info(
      { url: `${app.url}/sandbox`, database: config.databasePath, now: clock.now().toISO() },
      'sandbox is listening',
    );
    return {
      url: app.url,
      services: built,
      clock,
      stop: async () => {
        await time.stop();
        await app.stop();
        built.store.db.close();
        await Promise.all([slack.close(), github.close()]);
      },
    };
  } catch (error) {
    output.release('kfrelease sandbox mode could not start; its log so far:');
    await runners?.stop();
    services?.store.db.close();
    await Promise.all([slack.close(), github.close()]);
    throw error;
  }
}
