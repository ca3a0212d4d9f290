import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { AppServices } from '../src/app-services';
import { appHomeView } from '../src/slack/blocks/app-home-blocks';
import { BLOCKERS_ROOM, blockersListBlocks } from '../src/slack/blocks/blocker-blocks';
import { statusBlocks } from '../src/slack/blocks/status-blocks';
import { timelineBlocks } from '../src/slack/blocks/timeline-blocks';
import { versionsBlocks } from '../src/slack/blocks/versions-blocks';
import { getAppHome } from '../src/workflows/app-home';
import { getBlockersPage } from '../src/workflows/blockers-page';
import { getComponentVersions } from '../src/workflows/component-versions';
import { getPhaseView } from '../src/workflows/phase-control';
import { getReleaseStatus } from '../src/workflows/release-status';
import { getReleaseTimeline } from '../src/workflows/release-timeline';
import { benchConfig } from './bench-environment';
import { buildBenchServices } from './build-bench-services';

/** CPU per answer, in-process, for each answer the growth table follows. */
export interface GrowthRow {
  factor: number;
  trackedIssues: number;
  revisions: number;
  /** Answer name to CPU ms per answer (the same work as the command, without HTTP). */
  cpuMs: Record<string, number>;
}

/** Each answer as its command or listener builds it: the read, then the Block Kit. */
export function answerBuilders(services: AppServices, homeUser: string): Record<string, () => unknown> {
  return {
    'status, uncached': () =>
      services.store.readOnce(() => {
        const status = getReleaseStatus(services);
        return statusBlocks(status, getPhaseView(services, status.version));
      }),
    versions: () => versionsBlocks(getComponentVersions(services)),
    blockers: () => blockersListBlocks(getBlockersPage(services, {}, BLOCKERS_ROOM)),
    timeline: () => timelineBlocks(getReleaseTimeline(services)),
    'App Home': () => appHomeView(getAppHome(services, homeUser)),
  };
}

/** CPU ms per call of `work`: a warm-up, then calls until about `budgetMs` of CPU is spent. */
export function cpuPerCall(work: () => unknown, budgetMs = 300): number {
  for (let i = 0; i < 20; i++) work();
  const before = process.cpuUsage();
  let calls = 0;
  let spent = 0;
  while (spent < budgetMs * 1000 || calls < 20) {
    work();
    calls += 1;
    const used = process.cpuUsage(before);
    spent = used.user + used.system;
  }
  return spent / 1000 / calls;
}

/**
 * The current release grown to `factor` times its tracked issues and revisions (copies of its
 * own rows, so their mix of states stays), on a copy of the bench database; every answer timed.
 */
export function measureGrowth(params: {
  workDir: string;
  databasePath: string;
  env: Record<string, string>;
  currentVersion: string;
  homeUser: string;
  factors: number[];
  log: (line: string) => void;
}): GrowthRow[] {
  const rows: GrowthRow[] = [];
  for (const factor of params.factors) {
    const path = join(params.workDir, `growth-${factor}x.db`);
    copyFileSync(params.databasePath, path);
    const counts = grow(path, params.currentVersion, factor);
    const services = buildBenchServices(benchConfig({ ...params.env, DATABASE_PATH: path }));
    try {
      const cpuMs: Record<string, number> = {};
      for (const [name, work] of Object.entries(answerBuilders(services, params.homeUser)))
        cpuMs[name] = cpuPerCall(work);
      rows.push({ factor, ...counts, cpuMs });
      params.log(
        `   ${factor}x: ${counts.trackedIssues} tracked issues, ${counts.revisions} revisions: ` +
          Object.entries(cpuMs)
            .map(([name, value]) => `${name} ${value.toFixed(2)} ms`)
            .join(', '),
      );
    } finally {
      services.store.db.close();
    }
  }
  return rows;
}

/** Copies the current release's tracked issues and revisions `factor - 1` times, in SQL. */
function grow(path: string, version: string, factor: number): { trackedIssues: number; revisions: number } {
  const db = new Database(path);
  try {
    const release = db.prepare('SELECT id FROM releases WHERE version = ?').pluck().get(version) as number;
    const columns = (table: string) =>
      (db.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[]).filter(
        (c) => c !== 'id',
      );
    const copies = `WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < ${factor - 1})`;
    if (factor > 1) {
      const blockers = columns('blockers');
      db.prepare(
        `INSERT INTO blockers (${blockers.join(', ')}) ${copies}
         SELECT ${blockers.map((c) => (c === 'number' ? 'number + k.n * 1000000' : c)).join(', ')}
         FROM blockers, k WHERE release_id = ?`,
      ).run(release);
      const revisions = columns('revisions');
      db.prepare(
        `INSERT INTO revisions (${revisions.join(', ')}) ${copies}
         SELECT ${revisions.join(', ')} FROM revisions, k WHERE release_id = ? ORDER BY k.n, revisions.id`,
      ).run(release);
    }
    const count = (table: string) =>
      db.prepare(`SELECT COUNT(*) FROM ${table} WHERE release_id = ?`).pluck().get(release) as number;
    return { trackedIssues: count('blockers'), revisions: count('revisions') };
  } finally {
    db.close();
  }
}
