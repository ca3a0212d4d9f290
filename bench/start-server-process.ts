import { fork, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ChildMessage, ParentMessage, ProcessUsage } from './child-protocol';
import { post, type Answer } from './load-generator';
import type { SignedRequest } from './signed-slash-command';

const READY_TIMEOUT_MS = 30_000;
const FIRST_ANSWER_TIMEOUT_MS = 10_000;
const IPC_TIMEOUT_MS = 5_000;

export interface ServerProcess {
  name: string;
  /** Where Slack would POST: `<url>/slack/events`. */
  eventsUrl: string;
  startup: {
    /** fork() until the child reported its server listening. */
    listeningMs: number;
    /** fork() until the first 200 answer to a signed `/kfrelease status`. */
    firstAnswerMs: number;
    /** What the child measured itself, in ms since its own process start. */
    child: Record<string, number>;
  };
  firstAnswer: Answer;
  /** The child's own memory and CPU time, asked over IPC. */
  usage(): Promise<ProcessUsage>;
  stop(): Promise<void>;
}

/**
 * Forks a server module, waits for it to listen, then sends signed status requests until one is
 * answered 200: the time from fork to that answer is the start-up time.
 */
export async function startServerProcess(params: {
  name: string;
  modulePath: string;
  env: Record<string, string>;
  makeRequest: () => SignedRequest;
}): Promise<ServerProcess> {
  const forkedAt = performance.now();
  const child = fork(params.modulePath, [], {
    env: params.env,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  forwardOutput(child, params.name);
  const ready = await waitForReady(child, params.name);
  const listeningMs = performance.now() - forkedAt;
  const eventsUrl = `${ready.url}/slack/events`;
  const firstAnswer = await firstOkAnswer(eventsUrl, params.makeRequest, params.name).catch(
    (error: unknown) => {
      child.kill('SIGKILL');
      throw error;
    },
  );
  const firstAnswerMs = performance.now() - forkedAt;

  // One listener answers every usage question by id, however many are in flight.
  let nextId = 0;
  const waiting = new Map<number, (usage: ProcessUsage) => void>();
  child.on('message', (message: ChildMessage) => {
    if (message.type !== 'usage') return;
    const { rss, heapUsed, cpuMicros, mainThreadCpuMicros } = message;
    waiting.get(message.id)?.({ rss, heapUsed, cpuMicros, mainThreadCpuMicros });
    waiting.delete(message.id);
  });
  const usage = () =>
    new Promise<ProcessUsage>((resolve, reject) => {
      const id = ++nextId;
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new Error(`${params.name}: no usage answer within ${IPC_TIMEOUT_MS} ms`));
      }, IPC_TIMEOUT_MS);
      waiting.set(id, (answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
      child.send({ type: 'usage', id } satisfies ParentMessage);
    });

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.send({ type: 'stop' } satisfies ParentMessage);
    const timer = setTimeout(() => child.kill('SIGKILL'), IPC_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  };

  return {
    name: params.name,
    eventsUrl,
    startup: { listeningMs, firstAnswerMs, child: ready.startupDetails },
    firstAnswer,
    usage,
    stop,
  };
}

function waitForReady(
  child: ChildProcess,
  name: string,
): Promise<{ url: string; startupDetails: Record<string, number> }> {
  return new Promise((resolve, reject) => {
    const fail = (reason: string) => {
      cleanup();
      child.kill('SIGKILL');
      reject(new Error(`${name} did not start: ${reason}`));
    };
    const timer = setTimeout(() => fail(`no ready message within ${READY_TIMEOUT_MS} ms`), READY_TIMEOUT_MS);
    const onMessage = (message: ChildMessage) => {
      if (message.type === 'failed') fail(message.error);
      if (message.type !== 'ready') return;
      cleanup();
      resolve(message);
    };
    const onExit = (code: number | null) => fail(`it exited with code ${code} before listening`);
    const cleanup = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

async function firstOkAnswer(url: string, makeRequest: () => SignedRequest, name: string): Promise<Answer> {
  const deadline = performance.now() + FIRST_ANSWER_TIMEOUT_MS;
  let last = 'no answer';
  while (performance.now() < deadline) {
    try {
      const answer = await post(url, makeRequest(), { agent: false, keepBody: true });
      if (answer.status === 200) return answer;
      last = `HTTP ${answer.status}: ${answer.text.slice(0, 200)}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await sleep(20);
  }
  throw new Error(`${name} never answered a signed status request with 200 (last: ${last})`);
}

/** Whatever a child prints goes to our stderr, marked with its name, so stdout stays the summary. */
function forwardOutput(child: ChildProcess, name: string): void {
  for (const stream of [child.stdout, child.stderr]) {
    if (stream)
      createInterface({ input: stream }).on('line', (line) => process.stderr.write(`[${name}] ${line}\n`));
  }
}
