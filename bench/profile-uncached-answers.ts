import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { answerBuilders, cpuPerCall } from './measure-growth';
import { benchConfig, seedingEnvironment } from './bench-environment';
import { buildBenchServices } from './build-bench-services';
import { seedDatabase } from './seed-database';
import { runCommand } from '../src/slack/commands/run-command';

/**
 * `node dist/bench/profile-uncached-answers.js <database> [rounds] [answer]`: the uncached status,
 * versions and App Home answers built in-process as their commands build them (and serialised as Bolt would),
 * CPU per answer and SQL statements per answer, on the bench's ten-year database. The database is
 * seeded once at `<database>` and reused (its `now` kept beside it); run under `node --cpu-prof` to
 * see where an answer's time goes.
 */
function main(): void {
  const databasePath = process.argv[2];
  if (!databasePath) throw new Error('usage: profile-uncached-answers <database> [rounds]');
  const rounds = Number(process.argv[3] ?? '15');
  const env = seedingEnvironment(databasePath, 'abcdef0123456789abcdef0123456789');
  const facts = `${databasePath}.json`;
  if (!existsSync(databasePath) || !existsSync(facts)) {
    const seeded = seedDatabase(benchConfig(env));
    writeFileSync(facts, JSON.stringify({ now: seeded.now, homeUser: seeded.liaison.userId }));
  }
  const { now, homeUser } = JSON.parse(readFileSync(facts, 'utf8')) as { now: string; homeUser: string };
  const services = buildBenchServices(benchConfig({ ...env, KFRELEASE_NOW: now }));
  const builders = answerBuilders(services, homeUser);
  // As the HTTP bench forces status's cache to miss: a commit from another connection before each
  // answer, after which SQLite reads the pages it needs again.
  const writer = new Database(databasePath);
  let writes = 0;
  const afterWrite = (build: (() => unknown) | undefined) => () => {
    writer.pragma(`user_version = ${(writes += 1)}`);
    return build?.();
  };
  // The commands as Slack's requests run them (choosing the release, the answer cache), less Bolt.
  const command = (text: string) => () =>
    runCommand({ services, userId: homeUser, channelId: null }, text).answer;
  const all = {
    'status, uncached': builders['status, uncached'],
    'status command, after a write': afterWrite(command('status')),
    versions: builders.versions,
    'versions command': command('versions'),
    'App Home, after a write': afterWrite(builders['App Home']),
  };
  // An optional third argument keeps only the answers whose name starts with it (`status command`),
  // so a CPU profile holds one answer's path.
  const only = process.argv[4];
  const answers = Object.fromEntries(Object.entries(all).filter(([name]) => !only || name.startsWith(only)));
  const cpu = new Map<string, number[]>();
  for (const [name, build] of Object.entries(answers)) {
    for (let i = 0; i < 300; i++) JSON.stringify(build?.());
    cpu.set(name, []);
  }
  // Short rounds, the answers taking turns: other work on the machine only ever adds CPU time
  // (caches, frequency), so the lowest round is the steadiest figure, the median the usual one.
  for (let round = 0; round < rounds; round++)
    for (const [name, build] of Object.entries(answers))
      cpu.get(name)?.push(cpuPerCall(() => JSON.stringify(build?.()), 150));
  for (const [name, build] of Object.entries(answers)) {
    const statements = countStatements(services.store.db, () => JSON.stringify(build?.()));
    const sorted = [...(cpu.get(name) ?? [])].sort((x, y) => x - y);
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
    console.log(
      `${name}: ${(sorted[0] ?? 0).toFixed(3)} ms lowest, ${median.toFixed(3)} ms median CPU per answer ` +
        `(${rounds} rounds), ${statements} SQL statements`,
    );
  }
  writer.pragma('user_version = 0');
  writer.close();
  services.store.db.close();
}

/** Statements `db` runs in `work`: every get/all/run/iterate of a prepared statement counts once. */
function countStatements(db: Database.Database, work: () => void): number {
  const prototype = Object.getPrototypeOf(db.prepare('SELECT 1')) as Record<string, unknown>;
  const methods = ['get', 'all', 'run', 'iterate'] as const;
  const originals = methods.map((m) => prototype[m] as (...args: unknown[]) => unknown);
  let count = 0;
  methods.forEach((m, i) => {
    prototype[m] = function (this: { database: unknown }, ...args: unknown[]) {
      if (this.database === db) count += 1;
      return originals[i]?.apply(this, args);
    };
  });
  try {
    work();
  } finally {
    methods.forEach((m, i) => (prototype[m] = originals[i]));
  }
  return count;
}

main();
