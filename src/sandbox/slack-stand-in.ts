import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';

import { bearerToken, parseSlackArgs, sendSlackFailure, type SlackFailure } from './slack-stand-in-http';
import { SLACK_METHODS, type SlackAnswer } from './slack-stand-in-methods';
import {
  SLACK_TEAM,
  SlackState,
  dmChannelId,
  type StandInChannel,
  type StandInUser,
  type StoredMessage,
  type StoredView,
} from './slack-stand-in-state';
import { sendJson, startLoopbackServer } from './loopback-server';

export {
  SLACK_TEAM,
  dmChannelId,
  type StandInChannel,
  type SlackFailure,
  type StandInUser,
  type StoredMessage,
  type StoredView,
};

export interface SlackCall {
  method: string;
  args: Record<string, unknown>;
  token?: string;
  /** Set when the call was answered with a failure queued by `failNext`. */
  failedWith?: SlackFailure['kind'];
}

/** A JSON body POSTed to a `responseUrl(id)`. */
export interface ResponseUrlPost {
  id: string;
  body: unknown;
}

export interface SlackStandInOptions {
  /** Seconds part of the first message `ts`; defaults to now. */
  firstTs?: number;
}

/** Name under which `failNext` targets the response_url endpoint. */
export const RESPONSE_URL_METHOD = 'response_url';

const ALWAYS_ALLOWED = new Set(['auth.test']);

/**
 * A Slack Web API on loopback: answers like Slack, remembers posted messages and views, and records every
 * call so a test can fail on a call it did not declare with `expect()`.
 */
export class SlackStandIn {
  readonly calls: SlackCall[] = [];
  readonly responses: ResponseUrlPost[] = [];
  readonly state: SlackState;
  private readonly unexpected: SlackCall[] = [];
  private readonly expected = new Map<string, number>();
  private readonly failures = new Map<string, SlackFailure[]>();
  private readonly handlers = new Map<string, (call: SlackCall) => SlackAnswer>();
  private readonly events = new EventEmitter();
  private origin = '';
  private stop: () => Promise<void> = async () => undefined;

  constructor(options: SlackStandInOptions = {}) {
    this.state = new SlackState(options.firstTs ?? Math.floor(Date.now() / 1000));
    this.events.setMaxListeners(100);
  }

  /** The value for `slackApiUrl` (trailing slash included). */
  get url(): string {
    return `${this.origin}/api/`;
  }

  async start(): Promise<this> {
    const server = await startLoopbackServer((req, res, body) => this.handle(req, res, body));
    this.origin = `http://127.0.0.1:${server.port}`;
    this.stop = server.close;
    return this;
  }

  callsTo(method: string): SlackCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Declare a method the code under test may call, at most `count` times when given. */
  expect(method: string, count?: number): void {
    const previous = this.expected.get(method);
    if (count === undefined || previous === Infinity) this.expected.set(method, Infinity);
    else this.expected.set(method, (previous ?? 0) + count);
  }

  /** Answer the next call to `method` (or `'response_url'`) with a failure; queued failures apply in order. */
  failNext(method: string, failure: SlackFailure): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), failure]);
  }

  /** Replace the stand-in's answer for a method, e.g. for one it does not model. */
  answer(method: string, handler: (call: SlackCall) => SlackAnswer): void {
    this.handlers.set(method, handler);
  }

  unexpectedCalls(): SlackCall[] {
    return [...this.unexpected];
  }

  assertNoUnexpectedCalls(): void {
    if (this.unexpected.length === 0) return;
    const list = this.unexpected.map((call) => `${call.method} ${JSON.stringify(call.args)}`).join('\n  ');
    throw new Error(`Slack stand-in got calls nobody declared with expect():\n  ${list}`);
  }

  /** Every method declared with a count was called exactly that many times. */
  assertExpectedCallsMade(): void {
    const problems = [...this.expected]
      .filter(([method, count]) => count !== Infinity && this.callsTo(method).length !== count)
      .map(([method, count]) => `${method}: expected ${count}, got ${this.callsTo(method).length}`);
    if (problems.length > 0)
      throw new Error(`Slack stand-in call counts differ:\n  ${problems.join('\n  ')}`);
  }

  /** The first matching call, already made or still to come. */
  waitForCall(
    method: string,
    predicate: (call: SlackCall) => boolean = () => true,
    timeoutMs = 3000,
  ): Promise<SlackCall> {
    return this.waitFor(
      'call',
      this.calls,
      (call) => call.method === method && predicate(call),
      timeoutMs,
      () => {
        const seen = this.calls.map((call) => call.method).join(', ') || 'none';
        return `no matching ${method} call within ${timeoutMs} ms (calls: ${seen})`;
      },
    );
  }

  /** A response_url on this server; POSTs to it land in `responses`. */
  responseUrl(id: string): string {
    return `${this.origin}/response/${encodeURIComponent(id)}`;
  }

  responsesTo(id: string): ResponseUrlPost[] {
    return this.responses.filter((post) => post.id === id);
  }

  waitForResponse(id: string, timeoutMs = 3000): Promise<ResponseUrlPost> {
    return this.waitFor(
      'response',
      this.responses,
      (post) => post.id === id,
      timeoutMs,
      () => `nothing posted to response_url ${id} within ${timeoutMs} ms`,
    );
  }

  addUser(user: StandInUser): void {
    this.state.users.set(user.id, user);
  }

  addChannel(channel: StandInChannel): void {
    this.state.channels.set(channel.id, channel);
  }

  /** Seed the history of a channel, e.g. with a human's message or a post from an earlier run. */
  addMessage(channel: string, message: Partial<StoredMessage> = {}): StoredMessage {
    const stored: StoredMessage = {
      type: 'message',
      text: '',
      user: SLACK_TEAM.botUserId,
      team: SLACK_TEAM.teamId,
      ...message,
      ts: message.ts ?? this.state.nextTs(),
    };
    this.state.channelMessages(channel).push(stored);
    return stored;
  }

  /** Messages in a channel, oldest first, as the stand-in currently holds them. */
  messages(channel: string): StoredMessage[] {
    return [...(this.state.messages.get(channel) ?? [])];
  }

  view(id: string): StoredView | undefined {
    return this.state.views.get(id);
  }

  /** Forget calls, responses, messages, views, expectations and queued failures; users and channels stay. */
  reset(): void {
    this.calls.length = 0;
    this.responses.length = 0;
    this.unexpected.length = 0;
    this.expected.clear();
    this.failures.clear();
    this.handlers.clear();
    this.state.clearActivity();
  }

  close(): Promise<void> {
    this.events.removeAllListeners();
    return this.stop();
  }

  private handle(req: IncomingMessage, res: ServerResponse, body: string): void {
    const path = new URL(req.url ?? '/', this.origin).pathname;
    if (path.startsWith('/response/') && req.method === 'POST') {
      this.handleResponseUrl(decodeURIComponent(path.slice('/response/'.length)), req, res, body);
      return;
    }
    if (!path.startsWith('/api/')) {
      sendJson(res, 404, { ok: false, error: 'not_found' });
      return;
    }
    const method = path.slice('/api/'.length);
    const { token: tokenArg, ...args } = parseSlackArgs(req, body);
    const token = bearerToken(req) ?? (typeof tokenArg === 'string' ? tokenArg : undefined);
    const call: SlackCall = { method, args, ...(token ? { token } : {}) };
    this.calls.push(call);
    if (!this.isExpected(method)) this.unexpected.push(call);
    const failure = this.failures.get(method)?.shift();
    if (failure && failure.kind !== 'drop_after_post') {
      call.failedWith = failure.kind;
      this.events.emit('call', call);
      sendSlackFailure(res, failure, false);
      return;
    }
    const answer = this.handlers.get(method)?.(call) ??
      SLACK_METHODS[method]?.(this.state, args) ?? { ok: true };
    if (failure) call.failedWith = failure.kind;
    this.events.emit('call', call);
    if (failure) sendSlackFailure(res, failure, false);
    else sendJson(res, 200, answer);
  }

  private handleResponseUrl(id: string, req: IncomingMessage, res: ServerResponse, body: string): void {
    const post: ResponseUrlPost = { id, body: body ? (JSON.parse(body) as unknown) : undefined };
    this.responses.push(post);
    const failure = this.failures.get(RESPONSE_URL_METHOD)?.shift();
    this.events.emit('response', post);
    if (failure) {
      sendSlackFailure(res, failure, true);
      return;
    }
    sendJson(res, 200, { ok: true });
  }

  private isExpected(method: string): boolean {
    if (ALWAYS_ALLOWED.has(method)) return true;
    const allowed = this.expected.get(method);
    return allowed !== undefined && this.callsTo(method).length <= allowed;
  }

  private waitFor<T>(
    event: string,
    seen: readonly T[],
    match: (item: T) => boolean,
    timeoutMs: number,
    describe: () => string,
  ): Promise<T> {
    const found = seen.find(match);
    if (found !== undefined) return Promise.resolve(found);
    return new Promise<T>((resolve, reject) => {
      const onItem = (item: T): void => {
        if (!match(item)) return;
        cleanup();
        resolve(item);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(describe()));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.events.off(event, onItem);
      };
      this.events.on(event, onItem);
    });
  }
}

/** Starts the Slack Web API stand-in on 127.0.0.1; `close()` it when done. */
export async function startSlackStandIn(options: SlackStandInOptions = {}): Promise<SlackStandIn> {
  return new SlackStandIn(options).start();
}
