import { readFileSync } from 'node:fs';

/** The parts of a V8 `.cpuprofile` (written by `node --cpu-prof`) read here. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * Where a sample's time goes. SQLite runs inside the native `get`/`all`/`run` of better-sqlite3,
 * which V8 counts in the JavaScript function that called it: our repositories' time is mostly
 * SQLite's. Built-ins without a file count for the nearest caller that has one.
 */
function categoryOf(frame: { functionName: string; url: string }): string | null {
  const { functionName: name, url } = frame;
  if (name === '(garbage collector)') return 'garbage collection';
  if (name === '(program)') return 'V8 and native code';
  if (url.includes('/better-sqlite3/')) return 'better-sqlite3 (JavaScript)';
  if (url.includes('/luxon/')) return 'Luxon';
  if (url.includes('/zod/')) return 'zod';
  if (url.includes('/@slack/')) return 'Bolt and the Slack SDK';
  if (url.includes('/dist/src/db/')) return 'ours: repositories (their SQL statements included)';
  if (url.includes('/dist/src/slack/')) return 'ours: Slack rendering';
  if (url.includes('/dist/src/text/')) return 'ours: mrkdwn text';
  if (url.includes('/dist/src/')) return 'ours: workflows and domain';
  if (url.includes('/dist/bench/')) return 'the bench harness';
  if (url === '' || url.startsWith('node:')) return null;
  return `other: ${url.split('/node_modules/').at(-1)?.split('/')[0] ?? url}`;
}

/**
 * `node dist/bench/summarize-cpu-profile.js <file.cpuprofile> [function]`: the profile's busy
 * time by category, counting only samples under `function` (e.g. `runCommand`) when given.
 */
function main(): void {
  const [file, under] = process.argv.slice(2);
  if (!file) throw new Error('usage: summarize-cpu-profile <file.cpuprofile> [function]');
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const chain = function* (id: number) {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = nodes.get(at);
      if (node) yield node.callFrame;
    }
  };
  const totals = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const frame = nodes.get(id)?.callFrame;
    if (!frame || frame.functionName === '(idle)') return;
    const everywhere = frame.functionName === '(garbage collector)' || frame.functionName === '(program)';
    if (!everywhere && under && ![...chain(id)].some((f) => f.functionName === under)) return;
    const category = [...chain(id)].map(categoryOf).find((c) => c !== null) ?? 'unattributed';
    const micros = profile.timeDeltas[i] ?? 0;
    totals.set(category, (totals.get(category) ?? 0) + micros);
    busy += micros;
  });
  for (const [category, micros] of [...totals].sort((a, b) => b[1] - a[1])) {
    const share = ((100 * micros) / busy).toFixed(1).padStart(5);
    console.log(`${category.padEnd(52)} ${(micros / 1000).toFixed(1).padStart(9)} ms ${share}%`);
  }
}

main();
