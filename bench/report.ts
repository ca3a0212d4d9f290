import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/project-root';
import type { LevelFigures } from './compare-under-load';
import type { TargetResult } from './evaluate-targets';
import type { GitInfo, MachineInfo } from './machine-info';
import type { StatusAssemblyResult } from './measure-status-assembly';

export const RESULTS_DIR = join(PROJECT_ROOT, 'bench', 'results');

export interface AppStartup {
  listeningMs: number;
  firstAnswerMs: number;
  child: Record<string, number>;
  rssIdleBytes: number;
  /** Size of the answer to one status request: ours carries the whole status in Block Kit. */
  answerBytes: number;
}

/** Everything one run measured, as written to bench/results. */
export interface BenchResults {
  startedAt: string;
  git: GitInfo;
  machine: MachineInfo;
  settings: Record<string, number | number[]>;
  database: { currentVersion: string; now: string; seedMs: number; rows: Record<string, number> };
  statusAssembly: StatusAssemblyResult;
  startup: { ours: AppStartup; bare: AppStartup };
  load: LevelFigures[];
  fakeSlackApi: { calls: Record<string, number>; unexpected: string[] };
  targets: TargetResult[];
  /** Why the figures cannot be trusted (answers other than 200); empty when sound. */
  problems: string[];
  /** What a reader should know, e.g. background work calling Slack or GitHub during the run. */
  warnings: string[];
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : 'n/a');
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const count = (value: number) => Math.round(value).toLocaleString('en-US');

/** Columns padded to their widest cell, numbers and all, for a terminal. */
export function formatTable(rows: string[][]): string {
  const widths = (rows[0] ?? []).map((_, column) =>
    Math.max(...rows.map((row) => (row[column] ?? '').length)),
  );
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** The figures as rows of text, for the terminal summary. */
export function summaryTables(results: BenchResults): Record<'load' | 'startup' | 'targets', string[][]> {
  const load = [
    ['connections', 'app', 'req/s', 'p50 ms', 'p99 ms', 'CPU ms/request', 'errors', 'ours/bare', 'by CPU'],
  ];
  for (const level of results.load) {
    for (const [name, app] of [
      ['ours', level.ours],
      ['bare', level.bare],
    ] as const) {
      load.push([
        String(level.connections),
        name,
        count(app.requestsPerSecond),
        ms(app.p50),
        ms(app.p99),
        app.cpuMsPerRequest.toFixed(3),
        count(app.errors),
        name === 'ours' ? level.throughputRatio.toFixed(2) : '',
        name === 'ours' ? level.cpuRatio.toFixed(2) : '',
      ]);
    }
  }
  const at100 = results.load.find((level) => level.connections === 100);
  const startup = [['app', 'fork to listening', 'fork to first 200', 'RSS idle', 'RSS under load (peak)']];
  for (const name of ['ours', 'bare'] as const) {
    const s = results.startup[name];
    const peak = at100?.[name].rssUnderLoad?.peak;
    startup.push([
      name,
      `${ms(s.listeningMs)} ms`,
      `${ms(s.firstAnswerMs)} ms`,
      mib(s.rssIdleBytes),
      peak ? mib(peak) : 'n/a',
    ]);
  }
  const targets = [['target', 'wanted', 'measured', 'met']];
  for (const t of results.targets) {
    targets.push([
      t.name,
      `${t.target}${t.unit === 'ratio' ? '' : ` ${t.unit}`}`,
      t.unit === 'ratio' ? t.value.toFixed(2) : `${ms(t.value)} ${t.unit}`,
      t.met ? 'met' : 'NOT MET',
    ]);
  }
  return { load, startup, targets };
}

/** The summary a person reads at the end of `npm run bench`. */
export function printSummary(results: BenchResults, log: (line: string) => void): void {
  const { machine, statusAssembly: status } = results;
  const tables = summaryTables(results);
  log('');
  log(
    `kfrelease bench ${results.startedAt}, commit ${results.git.sha}${results.git.dirty ? ' (uncommitted changes)' : ''}`,
  );
  log(
    `${machine.cpu}, ${machine.cores} cores, ${mib(machine.totalMemoryBytes)}, Node ${machine.node}, ${machine.platform}, load average ${machine.loadAverage.join(' ')} at start`,
  );
  log(
    `database: ${count(results.database.rows.releases ?? 0)} releases, ${count(results.database.rows.team_roles ?? 0)} team roles, current ${results.database.currentVersion}, now ${results.database.now}`,
  );
  log('');
  log('Signed /kfrelease status, POST /slack/events');
  log(formatTable(tables.load));
  log('');
  log(
    `Status assembly in-process (getReleaseStatus x ${count(status.count)}): median ${ms(status.p50)} ms, p99 ${ms(status.p99)} ms, max ${ms(status.max)} ms, CPU ${ms(status.cpuMsPerCall)} ms per call`,
  );
  log('');
  log(formatTable(tables.startup));
  for (const name of ['ours', 'bare'] as const) {
    const child = Object.entries(results.startup[name].child).map(([key, value]) => `${key} ${ms(value)} ms`);
    log(`${name}, measured in its own process: ${child.join(', ')}`);
  }
  log(`fake Slack Web API calls: ${JSON.stringify(results.fakeSlackApi.calls)}`);
  log('');
  log(formatTable(tables.targets));
  for (const warning of results.warnings) log(`WARNING: ${warning}`);
  for (const problem of results.problems) log(`PROBLEM: ${problem}`);
}

/** Writes `<date>-<sha>.json` and `latest.json` under bench/results; returns the dated file. */
export function writeResults(results: BenchResults): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const stamp = results.startedAt.replace(/\.\d+Z$/, 'Z').replace(/:/g, '');
  const file = join(RESULTS_DIR, `${stamp}-${results.git.sha}.json`);
  const text = `${JSON.stringify(results, null, 2)}\n`;
  writeFileSync(file, text);
  writeFileSync(join(RESULTS_DIR, 'latest.json'), text);
  return file;
}
