import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { median } from './measure-startup';
import { bareBoltEnvironment, benchConfig, benchEnvironment, seedingEnvironment } from './bench-environment';
import { startFakeSlackApi } from './fake-slack-api';
import { seedDatabase } from './seed-database';
import { signedSlashCommand } from './signed-slash-command';
import { startServerProcess } from './start-server-process';

/**
 * Start-up alone, quicker than `npm run bench`: seeds the bench's ten-year database once, then
 * starts our app and bare Bolt alternately RUNS times each (5 unless STARTUP_RUNS says otherwise)
 * and prints the medians of the first answer, the CPU used until it and the idle RSS a second
 * later. Further app-process.js paths on the command line (another build of the tree, e.g. before
 * a change) join the same alternation, so every variant meets the same busy moments.
 *
 *   node dist/bench/startup-run.js [/other/dist/bench/app-process.js ...]
 */
const RUNS = Number(process.env.STARTUP_RUNS ?? 5);
const IDLE_SETTLE_MS = 1_000;

interface Sample {
  firstAnswerMs: number;
  cpuMs: number;
  mainCpuMs: number;
  rssMiB: number;
}

async function main(): Promise<void> {
  const workDir = mkdtempSync(join(tmpdir(), 'kfrelease-startup-'));
  const databasePath = join(workDir, 'kfrelease.db');
  const signingSecret = randomBytes(16).toString('hex');
  const slack = await startFakeSlackApi({ acceptViews: true });
  try {
    const seeded = seedDatabase(benchConfig(seedingEnvironment(databasePath, signingSecret)));
    const env = benchEnvironment({
      databasePath,
      now: seeded.now,
      signingSecret,
      slackApiUrl: slack.url,
      githubApiUrl: slack.githubUrl,
    });
    const variants: { name: string; modulePath: string; env: Record<string, string> }[] = [
      { name: 'ours', modulePath: join(__dirname, 'app-process.js'), env },
      ...process.argv.slice(2).map((modulePath, index) => {
        if (!existsSync(modulePath)) throw new Error(`no such app process: ${modulePath}`);
        return { name: `other${index + 1}`, modulePath, env };
      }),
      {
        name: 'bare',
        modulePath: join(__dirname, 'bare-bolt-process.js'),
        env: bareBoltEnvironment(env),
      },
    ];
    const samples = new Map<string, Sample[]>(variants.map((v) => [v.name, []]));
    const loads: number[] = [];
    const makeRequest = () => signedSlashCommand(signingSecret, 'status');
    for (let run = 1; run <= RUNS; run++) {
      for (const variant of variants) {
        loads.push(loadavg()[0] ?? NaN);
        const server = await startServerProcess({ ...variant, makeRequest });
        try {
          const { cpuMicros, mainThreadCpuMicros } = await server.usage();
          await sleep(IDLE_SETTLE_MS);
          const { rss } = await server.usage();
          const sample = {
            firstAnswerMs: server.startup.firstAnswerMs,
            cpuMs: cpuMicros / 1000,
            mainCpuMs: (mainThreadCpuMicros ?? NaN) / 1000,
            rssMiB: rss / 1024 / 1024,
          };
          samples.get(variant.name)?.push(sample);
          console.log(
            `run ${run} ${variant.name.padEnd(6)} first answer ${sample.firstAnswerMs.toFixed(0)} ms, ` +
              `CPU ${sample.cpuMs.toFixed(0)} ms (main thread ${sample.mainCpuMs.toFixed(0)}), idle RSS ${sample.rssMiB.toFixed(1)} MiB ` +
              `(child: ${JSON.stringify(server.startup.child, (_k, v: unknown) => (typeof v === 'number' ? Math.round(v) : v))})`,
          );
        } finally {
          await server.stop();
        }
      }
    }
    const bare = samples.get('bare') ?? [];
    const bareMedian = (key: keyof Sample) => median(bare.map((s) => s[key]));
    console.log(
      `\nmedians of ${RUNS} runs; load average during the runs ${Math.min(...loads).toFixed(1)}-${Math.max(...loads).toFixed(1)}`,
    );
    for (const [name, list] of samples) {
      const line = (['firstAnswerMs', 'cpuMs', 'mainCpuMs', 'rssMiB'] as const).map((key) => {
        const value = median(list.map((s) => s[key]));
        return `${key} ${value.toFixed(key === 'rssMiB' ? 1 : 0)} (${(value / bareMedian(key)).toFixed(2)}x)`;
      });
      console.log(`${name.padEnd(6)} ${line.join(', ')}`);
    }
  } finally {
    await slack.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
