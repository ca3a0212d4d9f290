import { performance } from 'node:perf_hooks';
import type { AppServices } from '../src/app-services';
import { getReleaseStatus } from '../src/workflows/release-status';
import { summarizeLatencies, type LatencySummary } from './summarize-latencies';

export interface StatusAssemblyResult extends LatencySummary {
  warmup: number;
  version: string;
  /** CPU time per call over the whole loop: waiting for a core on a busy machine is not in it. */
  cpuMsPerCall: number;
}

/**
 * Times getReleaseStatus for the current release, in this process, with no HTTP in the way: what
 * every `/kfrelease status` pays in database reads and domain work before any Block Kit is built.
 */
export function measureStatusAssembly(
  services: AppServices,
  options: { warmup: number; iterations: number },
): StatusAssemblyResult {
  let version = '';
  for (let i = 0; i < options.warmup; i++) version = getReleaseStatus(services).version;
  const samples: number[] = [];
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < options.iterations; i++) {
    const started = performance.now();
    getReleaseStatus(services);
    samples.push(performance.now() - started);
  }
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMsPerCall = (cpu.user + cpu.system) / 1000 / options.iterations;
  return { ...summarizeLatencies(samples), warmup: options.warmup, version, cpuMsPerCall };
}
