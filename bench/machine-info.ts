import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { PROJECT_ROOT } from '../src/project-root';

export interface MachineInfo {
  cpu: string;
  cores: number;
  totalMemoryBytes: number;
  node: string;
  platform: string;
  /** os.loadavg() over 1, 5 and 15 minutes: other work on the machine skews every figure. */
  loadAverage: number[];
}

export interface GitInfo {
  /** Short commit id, or 'local' outside a git checkout. */
  sha: string;
  /** True when the working tree had uncommitted changes: the figures are not of `sha` alone. */
  dirty: boolean;
}

/** What the figures depend on besides the code: the machine and the Node.js that ran them. */
export function machineInfo(): MachineInfo {
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.cpus().length,
    totalMemoryBytes: os.totalmem(),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    loadAverage: os.loadavg().map((load) => Math.round(load * 100) / 100),
  };
}

/** The commit the bench ran on, read with git; 'local' when git or the repository is not there. */
export function gitInfo(): GitInfo {
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  try {
    return { sha: git('rev-parse', '--short', 'HEAD'), dirty: git('status', '--porcelain') !== '' };
  } catch {
    return { sha: 'local', dirty: false };
  }
}
