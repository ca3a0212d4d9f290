import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** An app child process that has loaded its modules and waits to be started. */
export interface WarmChild {
  /** Opens the database and starts the app; answers once it listens. */
  start(): Promise<ChildApp>;
}

export interface ChildApp {
  url: string;
  /** SIGKILL, answered once the process is gone. */
  kill(): Promise<void>;
  /** What the child wrote so far: its log at LOG_LEVEL, and any crash. */
  output(): string;
}

const APP_SCRIPT = join(__dirname, 'fault-app.cjs');
const READY_TIMEOUT_MS = 20_000;
const running = new Set<ChildProcess>();

/** Environment a child gets: only what it needs, never the test runner's. */
function childEnv(env: Record<string, string>): Record<string, string> {
  const keep = ['PATH', 'HOME', 'TMPDIR', 'SYSTEMROOT'].filter((name) => process.env[name] !== undefined);
  return { ...Object.fromEntries(keep.map((name) => [name, process.env[name] ?? ''])), ...env };
}

/** Forks a node process running `script` with `args`, tracked so `killChildren` can end it. */
export function forkChild(script: string, args: string[], env: Record<string, string>): ChildProcess {
  const child = fork(script, args, { env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

/** SIGKILLs `child` and waits until it is gone. */
export function killChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  return gone;
}

/** Every child still running, killed: for afterAll, so a failed test leaves no process behind. */
export async function killChildren(): Promise<void> {
  await Promise.all([...running].map(killChild));
}

/** The value of the next IPC message with `key`; fails with the child's output if it exits first. */
export function messageFrom<T>(child: ChildProcess, key: string, output: () => string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => done(new Error(`no ${key} from the child within ${READY_TIMEOUT_MS} ms`)),
      READY_TIMEOUT_MS,
    );
    const onMessage = (message: Record<string, unknown>) => {
      if (key in message) done(null, message[key] as T);
    };
    const onExit = (code: number | null, signal: string | null) =>
      done(new Error(`the child exited (${signal ?? code}) before ${key}:\n${output()}`));
    const done = (error: Error | null, value?: T) => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(value as T);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/** Collects what a child writes to stdout (its log) and stderr as text. */
export function captureOutput(child: ChildProcess): () => string {
  const chunks: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  return () => chunks.join('');
}

/**
 * Forks test/fault/fault-app.cjs: the compiled app, configured by `env` (DATABASE_PATH, SLACK_*,
 * GITHUB_API_URL, ...). It loads its modules at once and touches the database only on `start()`.
 */
export function warmChildApp(env: Record<string, string>): WarmChild {
  const child = forkChild(APP_SCRIPT, [], env);
  const output = captureOutput(child);
  const loaded = messageFrom<boolean>(child, 'loaded', output);
  loaded.catch(() => undefined);
  return {
    async start() {
      await loaded;
      const ready = messageFrom<string>(child, 'ready', output);
      child.send({ start: true });
      const url = await ready;
      return { url, kill: () => killChild(child), output };
    },
  };
}
