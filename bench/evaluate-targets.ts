import type { LevelFigures } from './compare-under-load';
import type { StatusAssemblyResult } from './measure-status-assembly';

export interface TargetResult {
  name: string;
  /** The target as a person reads it, e.g. `>= 0.7`. */
  target: string;
  value: number;
  unit: string;
  met: boolean;
}

/** Throughput within 70% of bare Bolt at every level, p99 under 50 ms at 100 connections, status under 2 ms. */
export function evaluateTargets(params: {
  load: LevelFigures[];
  statusAssembly: StatusAssemblyResult;
}): TargetResult[] {
  const ratios = params.load.map((level): TargetResult => ({
    name: `throughput ours/bare at ${level.connections} connections`,
    target: '>= 0.7',
    value: level.throughputRatio,
    unit: 'ratio',
    met: level.throughputRatio >= 0.7,
  }));
  const at100 = params.load.find((level) => level.connections === 100);
  const p99 = at100?.ours.p99 ?? Number.NaN;
  return [
    ...ratios,
    { name: 'our p99 at 100 connections', target: '< 50', value: p99, unit: 'ms', met: p99 < 50 },
    {
      name: 'status assembly median (in-process)',
      target: '< 2',
      value: params.statusAssembly.p50,
      unit: 'ms',
      met: params.statusAssembly.p50 < 2,
    },
  ];
}
