import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/project-root';
import type { LevelFigures } from './compare-under-load';
import type { TargetResult } from './evaluate-targets';
import type { GitInfo, MachineInfo } from './machine-info';
import type { BlockerSyncFigures } from './measure-blocker-sync';
import type { ModalCaseFigures } from './measure-modal-ack';
import type { SchedulerFigures } from './measure-scheduler';
import type { StatusAssemblyResult } from './measure-status-assembly';
import type { SeededLiaison } from './seed-database';
import type { AnswerCaseFigures } from './measure-answers';
import type { GrowthRow } from './measure-growth';
import type { StartupFigures } from './measure-startup';

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
  /** Issue 3: signed view_submissions of the revision form, GitHub fast and slow. */
  revisionForm: {
    liaison: SeededLiaison;
    slowGitHubMs: number;
    /** How long the app waits for GitHub before it saves a revision as pending validation. */
    githubDeadlineMs: number;
    cases: ModalCaseFigures[];
    /** Calls the app under test made to its fake Slack Web API (the outbox delivering notices). */
    slackCalls: Record<string, number>;
  };
  /** Issue 4: syncBlockers against the GitHub stand-in. */
  blockerSync: BlockerSyncFigures;
  /** Issue 5: rehearse and computeDue on twenty active releases. */
  scheduler: SchedulerFigures;
  fakeSlackApi: { calls: Record<string, number>; unexpected: string[] };
  /** Issue 18: each answer over HTTP against bare Bolt at one connection. */
  answers: AnswerCaseFigures[];
  /** Issue 18: CPU per answer in-process as the current release grows. */
  growth: GrowthRow[];
  /** Issue 18: start-up and idle RSS over alternating runs. */
  startupRuns: StartupFigures;
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

const valueOf = (t: TargetResult) =>
  t.unit === 'ratio'
    ? t.value.toFixed(2)
    : t.unit === 'ms'
      ? `${ms(t.value)} ms`
      : `${count(t.value)} ${t.unit}`;
const tally = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([key, n]) => `${n} ${key}`)
    .join(', ');

/** The figures as rows of text, for the terminal summary. */
export function summaryTables(
  results: BenchResults,
): Record<'load' | 'startup' | 'revisionForm' | 'blockerSync' | 'targets', string[][]> {
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
  const revisionForm = [
    ['GitHub', 'at once', 'p50 ms', 'p99 ms', 'max ms', 'answers', 'revisions', 'GitHub calls'],
  ];
  for (const c of results.revisionForm.cases) {
    revisionForm.push([
      c.github === 'fast' ? 'fast' : `slow (${c.githubDelayMs} ms)`,
      String(c.concurrency),
      ms(c.p50),
      ms(c.p99),
      ms(c.max),
      tally(c.answers),
      tally(c.revisions),
      count(c.githubCalls),
    ]);
  }
  const blockerSync = [['run', 'requests', 'received by GitHub', 'points', 'ms', 'changed', 'remaining']];
  for (const [name, run] of [
    ['first', results.blockerSync.first],
    ['unchanged re-run', results.blockerSync.rerun],
  ] as const) {
    blockerSync.push([
      name,
      count(run.requests),
      count(run.requestsReceived),
      count(run.points),
      ms(run.ms),
      count(run.changed),
      count(run.remaining),
    ]);
  }
  const targets = [['target', 'wanted', 'measured', 'met']];
  for (const t of results.targets) {
    targets.push([
      t.name,
      t.met === null
        ? t.target
        : `${t.target}${t.unit === 'ratio' ? '' : ` ${t.unit}`}${t.proposed ? ' (proposed)' : ''}`,
      valueOf(t),
      t.met === null ? '-' : t.met ? 'met' : 'NOT MET',
    ]);
  }
  return { load, startup, revisionForm, blockerSync, targets };
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
  const rows = results.database.rows;
  log(
    `database: ${count(rows.releases ?? 0)} releases, ${count(rows.team_roles ?? 0)} team roles, ` +
      `${count(rows.revisions ?? 0)} revisions in ${count(rows.revision_submissions ?? 0)} submissions, ` +
      `${count(rows.blockers ?? 0)} tracked issues, ${count(rows.audit_log ?? 0)} audit entries, ` +
      `current ${results.database.currentVersion}, now ${results.database.now}`,
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
  const form = results.revisionForm;
  log(
    `Revision form, signed view_submission by liaison ${form.liaison.userId} (${form.liaison.wg}, ` +
      `${form.liaison.repos.length} repositories); the app waits ${form.githubDeadlineMs} ms for GitHub`,
  );
  log(formatTable(tables.revisionForm));
  log(`its Slack Web API calls (notices delivered): ${JSON.stringify(form.slackCalls)}`);
  log('');
  const sync = results.blockerSync;
  log(
    `Blocker sync (syncBlockers), ${sync.trackedIssues} tracked issues in ${sync.repositories} repositories, ` +
      `${sync.changedOnGitHub} changed on GitHub before the first run`,
  );
  log(formatTable(tables.blockerSync));
  log('');
  const { scheduler } = results;
  log(
    `Scheduler, ${scheduler.releases} releases (${scheduler.activeReleases} active), now ${scheduler.now}: ` +
      `rehearse ${scheduler.rehearse.version} ${scheduler.rehearse.from} to ${scheduler.rehearse.to} ` +
      `(${scheduler.rehearse.posts} posts) x ${scheduler.rehearse.count}: median ${ms(scheduler.rehearse.p50)} ms, ` +
      `first ${ms(scheduler.rehearse.firstMs)} ms, max ${ms(scheduler.rehearse.max)} ms`,
  );
  const due = scheduler.computeDue;
  log(
    `computeDue: first tick ${ms(due.firstTickMs)} ms (${due.firstTickDue.run} to run, ${due.firstTickDue.skip} to skip); ` +
      `runDueJobs catching up ${ms(due.catchUpMs)} ms; then ${due.ticks.count} ticks a minute apart: ` +
      `median ${ms(due.ticks.p50)} ms, max ${ms(due.ticks.max)} ms`,
  );
  log('');
  log('Answers over HTTP, one connection, against bare Bolt (issue 18)');
  log(formatTable(answerTable(results.answers)));
  log('');
  log('CPU per answer in-process as the current release grows (issue 18)');
  log(formatTable(growthTable(results.growth)));
  log('');
  const s = results.startupRuns;
  log(
    `Start-up to the first answer, median of ${s.runs.ours.length} alternating runs: ours ${ms(s.ours.firstAnswerMs)} ms, ` +
      `bare ${ms(s.bare.firstAnswerMs)} ms (${s.firstAnswerRatio.toFixed(2)}x); idle RSS ours ${mib(s.ours.rssIdleBytes)}, ` +
      `bare ${mib(s.bare.rssIdleBytes)} (${s.rssIdleRatio.toFixed(2)}x)`,
  );
  for (const run of s.runs.ours) {
    const child = Object.entries(run.child).map(([key, value]) => `${key} ${ms(value)} ms`);
    log(`  ours, measured in its own process: ${child.join(', ')}`);
  }
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

/** One row per answer: ours and bare Bolt side by side, CPU and latency. */
export function answerTable(answers: AnswerCaseFigures[]): string[][] {
  return [
    [
      'answer',
      'ours CPU/answer',
      'bare CPU/request',
      'CPU ours/bare',
      'ours p50',
      'ours p99',
      'req/s ours/bare',
    ],
    ...answers.map((a) => [
      a.name,
      `${a.ours.cpuMsPerRequest.toFixed(3)} ms`,
      `${a.bare.cpuMsPerRequest.toFixed(3)} ms`,
      `${(a.ours.cpuMsPerRequest / a.bare.cpuMsPerRequest).toFixed(2)}x`,
      `${ms(a.ours.p50)} ms`,
      `${ms(a.ours.p99)} ms`,
      a.throughputRatio.toFixed(2),
    ]),
  ];
}

/** One row per size of the current release, one column per answer. */
export function growthTable(growth: GrowthRow[]): string[][] {
  const names = Object.keys(growth[0]?.cpuMs ?? {});
  return [
    ['size', 'tracked issues', 'revisions', ...names.map((n) => `${n} CPU`)],
    ...growth.map((row) => [
      `${row.factor}x`,
      count(row.trackedIssues),
      count(row.revisions),
      ...names.map((n) => `${(row.cpuMs[n] ?? Number.NaN).toFixed(2)} ms`),
    ]),
  ];
}
