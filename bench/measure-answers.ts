import Database from 'better-sqlite3';
import { compareUnderLoad, type LevelFigures } from './compare-under-load';
import { signedEvent } from './signed-event';
import { signedSlashCommand, type SignedRequest } from './signed-slash-command';
import type { ServerProcess } from './start-server-process';

export interface AnswerCaseFigures extends LevelFigures {
  name: string;
  /** What each request asks, as a person would type it. */
  request: string;
}

/** The answers people wait for besides cached status, each against bare Bolt at one connection. */
export async function measureAnswers(params: {
  ours: ServerProcess;
  bare: ServerProcess;
  databasePath: string;
  signingSecret: string;
  /** A team member with roles in the current release, whose Home tab is built. */
  homeUser: string;
  rounds: number;
  roundMs: number;
  warmupMs: number;
  log: (line: string) => void;
}): Promise<AnswerCaseFigures[]> {
  const { signingSecret } = params;
  // A commit from another connection, as the CLI's would be: status's answer cache must miss.
  const writer = new Database(params.databasePath);
  let writes = 0;
  const command = (text: string) => () => signedSlashCommand(signingSecret, text);
  const cases: { name: string; request: string; makeRequest: () => SignedRequest }[] = [
    {
      name: 'status, uncached',
      request: '/kfrelease status, each after a write by another connection',
      makeRequest: () => {
        writes += 1;
        writer.pragma(`user_version = ${writes}`);
        return signedSlashCommand(signingSecret, 'status');
      },
    },
    { name: 'versions', request: '/kfrelease versions', makeRequest: command('versions') },
    { name: 'blockers', request: '/kfrelease blockers', makeRequest: command('blockers') },
    { name: 'timeline', request: '/kfrelease timeline', makeRequest: command('timeline') },
    {
      name: 'App Home',
      request: `app_home_opened by ${params.homeUser}, views.publish to the fake Slack`,
      makeRequest: () =>
        signedEvent(signingSecret, {
          type: 'app_home_opened',
          user: params.homeUser,
          channel: `D${params.homeUser}`,
          tab: 'home',
        }),
    },
  ];
  const figures: AnswerCaseFigures[] = [];
  try {
    for (const c of cases) {
      params.log(`   ${c.name}: ${c.request}`);
      const [level] = await compareUnderLoad({
        ours: params.ours,
        bare: params.bare,
        levels: [1],
        rounds: params.rounds,
        roundMs: params.roundMs,
        warmupMs: params.warmupMs,
        sampleMemoryAt: 0,
        makeRequest: c.makeRequest,
        log: params.log,
      });
      if (level) figures.push({ name: c.name, request: c.request, ...level });
    }
  } finally {
    writer.pragma('user_version = 0');
    writer.close();
  }
  return figures;
}
