import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

import { answerGraphql } from './github-stand-in-graphql';
import { GitHubModel } from './github-stand-in-model';
import { GitHubRenderer } from './github-stand-in-render';
import { DOCS_URL, routeRest, type Route, type RouteAnswer } from './github-stand-in-routes';
import { delay, sendJson, startLoopbackServer } from './loopback-server';

export { GitHubModel };
export type { CommitModel, IssueModel, IssueState, ReleaseModel, RepoModel } from './github-stand-in-model';

export interface GitHubRequest {
  method: string;
  /** URL-decoded path without the query, e.g. `/repos/kubeflow/manifests/git/ref/tags/v1.0.0`. */
  path: string;
  /** The path as sent, e.g. with Octokit's `tags%2Fv1.0.0`. */
  rawPath: string;
  query: string;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body of POST/PATCH requests. */
  body?: unknown;
}

export type GitHubFailure =
  | { status: 500 | 502 }
  | { rateLimited: true; resetInSeconds: number }
  | { secondaryRateLimit: true; retryAfter: number }
  | { delayMs: number };

type Resource = 'core' | 'graphql';

const LIMIT = 5000;
const SECONDARY_MESSAGE =
  'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. ' +
  'If you reach out to GitHub Support for help, please include the request ID 0000:FAKE.';

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function etagOf(text: string): string {
  return `W/"${createHash('sha256').update(text).digest('hex')}"`;
}

function etagMatches(header: string | undefined, etag: string): boolean {
  const bare = (value: string): string => value.trim().replace(/^W\//, '');
  return (header ?? '')
    .split(',')
    .some((candidate) => bare(candidate) === bare(etag) || candidate.trim() === '*');
}

/**
 * api.github.com on loopback, serving an in-memory model of repositories. Every request is recorded; a
 * request no route knows is reported by `unexpected()`. Rate-limit headers count down like GitHub's, and a
 * GET repeated with its ETag answers a bare 304 that costs nothing.
 */
export class GitHubStandIn {
  readonly requests: GitHubRequest[] = [];
  readonly model = new GitHubModel();
  private readonly unexpectedRequests: GitHubRequest[] = [];
  private failures: { prefix: string; failure: GitHubFailure }[] = [];
  private readonly tokens = new Map<string, Partial<Record<string, 'read' | 'write'>>>();
  private remaining: Record<Resource, number> = { core: LIMIT, graphql: LIMIT };
  private readonly resetEpoch = Math.floor(Date.now() / 1000) + 3600;
  private origin = '';
  private stop: () => Promise<void> = async () => undefined;

  /** Base URL for Octokit's `baseUrl`, no trailing slash. */
  get url(): string {
    return this.origin;
  }

  async start(): Promise<this> {
    const server = await startLoopbackServer((req, res, body) => this.handle(req, res, body));
    this.origin = `http://127.0.0.1:${server.port}`;
    this.stop = server.close;
    return this;
  }

  addRepo(fullName: string, options: { defaultBranch?: string } = {}): void {
    this.model.addRepo(fullName, options);
  }

  addCommit(
    repo: string,
    sha: string,
    parents: string[],
    info: { message?: string; date?: string } = {},
  ): void {
    this.model.addCommit(repo, sha, parents, info);
  }

  addBranch(repo: string, name: string, sha: string): void {
    this.model.addBranch(repo, name, sha);
  }

  addTag(
    repo: string,
    name: string,
    sha: string,
    options: { annotated?: boolean; message?: string } = {},
  ): void {
    this.model.addTag(repo, name, sha, options);
  }

  addRelease: GitHubModel['addRelease'] = (repo, release) => this.model.addRelease(repo, release);
  addIssue: GitHubModel['addIssue'] = (repo, number, issue) => this.model.addIssue(repo, number, issue);
  addPullRequest: GitHubModel['addPullRequest'] = (repo, number, pull) =>
    this.model.addPullRequest(repo, number, pull);
  updateIssue: GitHubModel['updateIssue'] = (repo, number, patch) =>
    this.model.updateIssue(repo, number, patch);

  /**
   * Makes `token` a fine-grained token holding exactly these repository permissions, e.g.
   * `{ contents: 'read', pull_requests: 'write' }`: a write needing more answers 403 with the
   * `x-accepted-github-permissions` header, as GitHub does. A token never granted may do anything.
   */
  grantToken(token: string, permissions: Partial<Record<string, 'read' | 'write'>>): void {
    this.tokens.set(token, permissions);
  }

  /** Requests made with this method and a path starting with `pathPrefix`. */
  requestsTo(method: string, pathPrefix: string): GitHubRequest[] {
    return this.requests.filter(
      (request) => request.method === method && request.path.startsWith(pathPrefix),
    );
  }

  /** The `x-ratelimit-remaining` the next answer will start from. */
  rateLimitRemaining(resource: Resource = 'core'): number {
    return this.remaining[resource];
  }

  /** The next request whose decoded path starts with `pathPrefix` fails; queued failures apply in order. */
  failNext(pathPrefix: string, failure: GitHubFailure): void {
    this.failures.push({ prefix: pathPrefix, failure });
  }

  unexpected(): GitHubRequest[] {
    return [...this.unexpectedRequests];
  }

  assertNoUnexpectedRequests(): void {
    if (this.unexpectedRequests.length === 0) return;
    const list = this.unexpectedRequests.map((request) => `${request.method} ${request.path}`).join('\n  ');
    throw new Error(`GitHub stand-in got requests it has no route for:\n  ${list}`);
  }

  /** Forget requests, failures, rate-limit use and every repository. */
  reset(): void {
    this.requests.length = 0;
    this.unexpectedRequests.length = 0;
    this.failures = [];
    this.remaining = { core: LIMIT, graphql: LIMIT };
    this.model.repos.clear();
  }

  close(): Promise<void> {
    return this.stop();
  }

  private async handle(req: IncomingMessage, res: ServerResponse, rawBody: string): Promise<void> {
    const url = new URL(req.url ?? '/', this.origin);
    const segments = url.pathname.split('/').filter(Boolean).map(decodeSegment);
    const method = req.method ?? 'GET';
    const body = rawBody ? (JSON.parse(rawBody) as unknown) : undefined;
    const request: GitHubRequest = {
      method,
      path: `/${segments.join('/')}`,
      rawPath: url.pathname,
      query: url.search,
      headers: req.headers,
      ...(body === undefined ? {} : { body }),
    };
    this.requests.push(request);
    const resource: Resource = request.path === '/graphql' ? 'graphql' : 'core';

    const index = this.failures.findIndex(({ prefix }) => request.path.startsWith(prefix));
    const failure = index < 0 ? undefined : this.failures.splice(index, 1)[0]?.failure;
    if (failure && 'delayMs' in failure) await delay(failure.delayMs);
    else if (failure) return this.sendFailure(res, failure, resource);

    const answer = this.answer(method, segments, request, body);
    if (method === 'GET' && answer.status === 200) {
      const etag = etagOf(JSON.stringify(answer.body));
      if (etagMatches(req.headers['if-none-match'], etag)) {
        res.writeHead(304, { etag, ...this.rateHeaders(resource, false) });
        res.end();
        return;
      }
      sendJson(res, 200, answer.body, { etag, ...this.rateHeaders(resource, true) });
      return;
    }
    sendJson(res, answer.status, answer.body, { ...this.rateHeaders(resource, true), ...answer.headers });
  }

  private answer(method: string, segments: string[], request: GitHubRequest, body: unknown): RouteAnswer {
    if (request.path === '/graphql' && method === 'POST') {
      const query =
        typeof body === 'object' && body !== null ? (body as { query?: unknown }).query : undefined;
      const reset = new Date(this.resetEpoch * 1000).toISOString();
      const remaining = this.remaining.graphql - 1;
      const data = answerGraphql(this.model, String(query ?? ''), {
        limit: LIMIT,
        remaining,
        resetAt: reset,
      });
      if (data) return { status: 200, body: data };
      this.unexpectedRequests.push(request);
      return {
        status: 200,
        body: { errors: [{ message: 'GitHub stand-in does not understand this query' }] },
      };
    }
    const render = new GitHubRenderer(this.origin);
    const permit = (route: Route) => this.permit(route, request);
    const query = new URLSearchParams(request.query);
    const answer = routeRest(method, segments, { model: this.model, render, body, query, permit });
    if (answer) return answer;
    this.unexpectedRequests.push(request);
    return { status: 404, body: { message: 'Not Found', documentation_url: DOCS_URL, status: '404' } };
  }

  /** A write without a token answers 401; with a granted token lacking the permission, 403. */
  private permit(route: Route, request: GitHubRequest): RouteAnswer | undefined {
    const documentation_url = `${DOCS_URL}/${route.doc ?? ''}`;
    const header = String(request.headers.authorization ?? '');
    const token = header.replace(/^(token|bearer)\s+/i, '');
    if (!token)
      return { status: 401, body: { message: 'Requires authentication', documentation_url, status: '401' } };
    const granted = this.tokens.get(token);
    if (!granted) return undefined;
    const needs = route.needs ?? [];
    const allowed = needs.some((need) => {
      const [name = '', level] = need.split('=');
      return granted[name] === 'write' || (level === 'read' && granted[name] === 'read');
    });
    if (allowed) return undefined;
    return {
      status: 403,
      body: { message: 'Resource not accessible by personal access token', documentation_url, status: '403' },
      headers: { 'x-accepted-github-permissions': needs.join('; ') },
    };
  }

  private rateHeaders(resource: Resource, spend: boolean): Record<string, string> {
    if (spend) this.remaining[resource] = Math.max(0, this.remaining[resource] - 1);
    const remaining = this.remaining[resource];
    return {
      'x-ratelimit-limit': String(LIMIT),
      'x-ratelimit-remaining': String(remaining),
      'x-ratelimit-reset': String(this.resetEpoch),
      'x-ratelimit-used': String(LIMIT - remaining),
      'x-ratelimit-resource': resource,
      'x-github-request-id': `FAKE:${this.requests.length}`,
    };
  }

  private sendFailure(
    res: ServerResponse,
    failure: Exclude<GitHubFailure, { delayMs: number }>,
    resource: Resource,
  ) {
    if ('status' in failure) {
      sendJson(res, failure.status, { message: 'Server Error' }, this.rateHeaders(resource, true));
      return;
    }
    if ('rateLimited' in failure) {
      const reset = Math.floor(Date.now() / 1000) + failure.resetInSeconds;
      sendJson(
        res,
        403,
        { message: 'API rate limit exceeded for installation ID 1.', documentation_url: DOCS_URL },
        {
          ...this.rateHeaders(resource, false),
          'x-ratelimit-remaining': '0',
          'x-ratelimit-used': String(LIMIT),
          'x-ratelimit-reset': String(reset),
        },
      );
      return;
    }
    sendJson(
      res,
      403,
      { message: SECONDARY_MESSAGE, documentation_url: DOCS_URL },
      { ...this.rateHeaders(resource, true), 'retry-after': String(failure.retryAfter) },
    );
  }
}

/** Starts the GitHub API stand-in on 127.0.0.1; `close()` it when done. */
export async function startGitHubStandIn(): Promise<GitHubStandIn> {
  return new GitHubStandIn().start();
}
