import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';

/** The project folder: the child processes run its compiled dist/. */
export const PROJECT_DIR = join(__dirname, '..', '..');
const SRC = join(PROJECT_DIR, 'src');
const DIST_SRC = join(PROJECT_DIR, 'dist', 'src');
/** `npm run build` without bench/, incremental: src/ to dist/src/, all the child processes load. */
const BUILD_CONFIG = join(__dirname, 'tsconfig.dist.json');
/** Written by each build of BUILD_CONFIG (and touched after it): newer than every source when current. */
const BUILD_INFO = join(PROJECT_DIR, 'dist', '.fault-tests.tsbuildinfo');
/** One build at a time, whichever test file (jest worker) asks first. */
const LOCK = join(
  tmpdir(),
  `kfrelease-dist-build-${Buffer.from(PROJECT_DIR).toString('hex').slice(-24)}.lock`,
);
/** A lock older than this belongs to a build that died. */
const STALE_LOCK_MS = 5 * 60_000;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const compiledFile = (source: string) => join(DIST_SRC, relative(SRC, source)).replace(/\.ts$/, '.js');
const mtime = (file: string) => statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0;

/** A source with no compiled file, or null. */
function uncompiledSource(): string | null {
  return sourceFiles(SRC).find((file) => !existsSync(compiledFile(file))) ?? null;
}

/** A source changed since the last build of these tests, or null when dist/src/ is current. */
function changedSource(): string | null {
  const builtAt = mtime(BUILD_INFO);
  return sourceFiles(SRC).find((file) => mtime(file) > builtAt) ?? uncompiledSource();
}

async function lock(): Promise<() => void> {
  for (;;) {
    try {
      mkdirSync(LOCK);
      return () => rmSync(LOCK, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (Date.now() - (mtime(LOCK) || Date.now()) > STALE_LOCK_MS)
        rmSync(LOCK, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

async function compile(): Promise<string | null> {
  const tsc = require.resolve('typescript/bin/tsc');
  return promisify(execFile)(process.execPath, [tsc, '-p', BUILD_CONFIG], {
    cwd: PROJECT_DIR,
    maxBuffer: 16 * 1024 * 1024,
  }).then(
    () => null,
    (error: { stdout?: string; message: string }) => error.stdout || error.message,
  );
}

/**
 * Compiles src/ to dist/src/ (as `npm run build` does, incrementally) when a source changed since
 * the last time: the fault tests run the app in child processes, which cannot load TypeScript.
 * Type errors still emit JavaScript and `npm run typecheck` reports them, so only a source left
 * without a compiled file stops these tests.
 */
export async function ensureDistBuilt(): Promise<void> {
  if (changedSource() === null) return;
  const unlock = await lock();
  try {
    const changed = changedSource();
    if (changed === null) return;
    // An incremental build trusts its build info: without it, files deleted from dist/ come back.
    if (uncompiledSource() !== null) rmSync(BUILD_INFO, { force: true });
    const failure = await compile();
    const missing = uncompiledSource();
    if (missing !== null) {
      throw new Error(
        `the fault tests run the compiled app, and compiling src/ (${relative(PROJECT_DIR, changed)} changed) ` +
          `left ${relative(PROJECT_DIR, missing)} uncompiled: fix the build first.\n${failure ?? ''}`,
      );
    }
    const now = new Date();
    if (existsSync(BUILD_INFO)) utimesSync(BUILD_INFO, now, now);
  } finally {
    unlock();
  }
}
