import type { GitHubModel, IssueModel, RepoModel } from './github-stand-in-model';
import { GIT_ROUTES } from './github-stand-in-git-routes';
import type { GitHubRenderer } from './github-stand-in-render';

export const DOCS_URL = 'https://docs.github.com/rest';

export interface RouteAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface RouteContext {
  model: GitHubModel;
  render: GitHubRenderer;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  /** Refuses a write the request's token may not make (its answer), or lets it through. */
  permit?: (route: Route) => RouteAnswer | undefined;
}

type RouteHandler = (ctx: RouteContext, repo: RepoModel) => RouteAnswer;

export interface Route {
  method: string;
  /** `:name` matches one segment, `*name` the rest of the path (refs and branches may hold slashes). */
  pattern: string[];
  handler: RouteHandler;
  /** A write's fine-grained permissions, any one of which allows it (`contents=write`). */
  needs?: string[];
  /** Where GitHub's documentation of the route is, under docs.github.com/rest. */
  doc?: string;
}

export const notFound = (): RouteAnswer => ({
  status: 404,
  body: { message: 'Not Found', documentation_url: DOCS_URL, status: '404' },
});
const ok = (body: unknown, status = 200): RouteAnswer => ({ status, body });

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function names(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.map((item) => (isRecord(item) ? String(item.name ?? item.login) : String(item)));
}

function issueNumber(ctx: RouteContext, repo: RepoModel): IssueModel | undefined {
  return repo.issues.get(Number(ctx.params.number));
}

function getRef({ params, render }: RouteContext, repo: RepoModel): RouteAnswer {
  const ref = params.ref ?? '';
  const heads = /^heads\/(.+)$/.exec(ref);
  const tags = /^tags\/(.+)$/.exec(ref);
  const branchSha = heads?.[1] === undefined ? undefined : repo.branches.get(heads[1]);
  if (branchSha) return ok(render.ref(repo, `refs/${ref}`, { type: 'commit', sha: branchSha }));
  const tag = tags?.[1] === undefined ? undefined : repo.tags.get(tags[1]);
  if (!tag) return notFound();
  return ok(render.ref(repo, `refs/${ref}`, { type: tag.annotated ? 'tag' : 'commit', sha: tag.objectSha }));
}

function getTagObject({ params }: RouteContext, repo: RepoModel): RouteAnswer {
  const tag = [...repo.tags.values()].find((item) => item.annotated && item.objectSha === params.sha);
  if (!tag) return notFound();
  const commit = repo.commits.get(tag.commitSha);
  return ok({
    node_id: `TAG_${tag.objectSha.slice(0, 12)}`,
    sha: tag.objectSha,
    tag: tag.name,
    message: tag.message,
    tagger: { name: 'Kubeflow Bot', email: 'bot@kubeflow.org', date: commit?.date },
    object: { type: 'commit', sha: tag.commitSha },
    verification: { verified: false, reason: 'unsigned', signature: null, payload: null },
  });
}

function getBranch({ params, render }: RouteContext, repo: RepoModel): RouteAnswer {
  const name = params.branch ?? '';
  const commit = repo.commits.get(repo.branches.get(name) ?? '');
  if (!commit) return { status: 404, body: { message: 'Branch not found', documentation_url: DOCS_URL } };
  return ok({
    name,
    commit: render.commit(repo, commit),
    protected: false,
    _links: { html: `https://github.com/${repo.fullName}/tree/${name}` },
  });
}

function getCommit({ params, model, render }: RouteContext, repo: RepoModel): RouteAnswer {
  const commit = model.resolveCommit(repo, params.ref ?? '');
  if (!commit) {
    return {
      status: 422,
      body: { message: `No commit found for SHA: ${params.ref}`, documentation_url: DOCS_URL, status: '422' },
    };
  }
  return ok({ ...render.commit(repo, commit), files: [], stats: { total: 0, additions: 0, deletions: 0 } });
}

function pullsForCommit({ params, model, render }: RouteContext, repo: RepoModel): RouteAnswer {
  const commit = model.resolveCommit(repo, params.sha ?? '');
  if (!commit) {
    return {
      status: 422,
      body: { message: `No commit found for SHA: ${params.sha}`, documentation_url: DOCS_URL, status: '422' },
    };
  }
  return ok(
    model.pullRequestsFor(repo, commit.sha).map(({ issue, mergeCommit }) => ({
      ...render.pull(repo, issue),
      merge_commit_sha: issue.state === 'merged' ? mergeCommit : null,
    })),
  );
}

function compare({ params, model, render }: RouteContext, repo: RepoModel): RouteAnswer {
  const basehead = params.basehead ?? '';
  const split = basehead.indexOf('...');
  if (split < 0) return notFound();
  const base = model.resolveCommit(repo, basehead.slice(0, split));
  const head = model.resolveCommit(repo, basehead.slice(split + 3));
  if (!base || !head) return notFound();
  const result = model.compare(repo, base, head);
  return ok({
    url: `${render.repo(repo).url}/compare/${basehead}`,
    html_url: `https://github.com/${repo.fullName}/compare/${basehead}`,
    status: result.status,
    ahead_by: result.ahead.length,
    behind_by: result.behind.length,
    total_commits: result.ahead.length,
    base_commit: render.commit(repo, base),
    merge_base_commit: result.mergeBase ? render.commit(repo, result.mergeBase) : null,
    commits: result.ahead.slice(0, 250).map((commit) => render.commit(repo, commit)),
    files: [],
  });
}

function createIssue({ body, render }: RouteContext, repo: RepoModel): RouteAnswer {
  const input = isRecord(body) ? body : {};
  if (typeof input.title !== 'string' || input.title === '') {
    return {
      status: 422,
      body: {
        message: 'Invalid request.\n\n"title" wasn\'t supplied.',
        documentation_url: DOCS_URL,
        status: '422',
      },
    };
  }
  const number = Math.max(0, ...repo.issues.keys()) + 1;
  const issue: IssueModel = {
    number,
    title: input.title,
    body: typeof input.body === 'string' ? input.body : null,
    state: 'open',
    labels: names(input.labels) ?? [],
    assignees: names(input.assignees) ?? [],
    pullRequest: false,
    updatedAt: new Date().toISOString(),
  };
  repo.issues.set(number, issue);
  return ok(render.issue(repo, issue), 201);
}

function updateIssue(ctx: RouteContext, repo: RepoModel): RouteAnswer {
  const issue = issueNumber(ctx, repo);
  if (!issue) return notFound();
  const input = isRecord(ctx.body) ? ctx.body : {};
  if (typeof input.title === 'string') issue.title = input.title;
  if (typeof input.body === 'string' || input.body === null) issue.body = input.body;
  if (input.state === 'open' || input.state === 'closed') issue.state = input.state;
  issue.labels = names(input.labels) ?? issue.labels;
  issue.assignees = names(input.assignees) ?? issue.assignees;
  issue.updatedAt = new Date().toISOString();
  return ok(ctx.render.issue(repo, issue));
}

const REPO = ['repos', ':owner', ':repo'];

const ROUTES: Route[] = [
  { method: 'GET', pattern: REPO, handler: ({ render }, repo) => ok(render.repo(repo)) },
  { method: 'GET', pattern: [...REPO, 'git', 'ref', '*ref'], handler: getRef },
  {
    method: 'GET',
    pattern: [...REPO, 'git', 'matching-refs', '*ref'],
    handler: ({ params, render }, repo) =>
      ok(render.allRefs(repo).filter((ref) => ref.ref.startsWith(`refs/${params.ref ?? ''}`))),
  },
  { method: 'GET', pattern: [...REPO, 'git', 'tags', ':sha'], handler: getTagObject },
  { method: 'GET', pattern: [...REPO, 'branches', '*branch'], handler: getBranch },
  // before `commits/*ref`, which would swallow `{sha}/pulls`
  { method: 'GET', pattern: [...REPO, 'commits', ':sha', 'pulls'], handler: pullsForCommit },
  { method: 'GET', pattern: [...REPO, 'commits', '*ref'], handler: getCommit },
  {
    method: 'GET',
    pattern: [...REPO, 'releases', 'tags', '*tag'],
    handler: ({ params, render }, repo) => {
      const release = repo.releases.find((item) => item.tag === params.tag && !item.draft);
      return release ? ok(render.release(repo, release)) : notFound();
    },
  },
  { method: 'GET', pattern: [...REPO, 'compare', '*basehead'], handler: compare },
  {
    method: 'GET',
    pattern: [...REPO, 'issues', ':number'],
    handler: (ctx, repo) => {
      const issue = issueNumber(ctx, repo);
      return issue ? ok(ctx.render.issue(repo, issue)) : notFound();
    },
  },
  {
    method: 'GET',
    pattern: [...REPO, 'pulls', ':number'],
    handler: (ctx, repo) => {
      const issue = issueNumber(ctx, repo);
      return issue?.pullRequest ? ok(ctx.render.pull(repo, issue)) : notFound();
    },
  },
  { method: 'POST', pattern: [...REPO, 'issues'], handler: createIssue },
  { method: 'PATCH', pattern: [...REPO, 'issues', ':number'], handler: updateIssue },
  ...GIT_ROUTES,
];

function match(pattern: string[], segments: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (const [index, part] of pattern.entries()) {
    const segment = segments[index];
    if (part.startsWith('*')) {
      const rest = segments.slice(index).join('/');
      if (rest === '') return undefined;
      params[part.slice(1)] = rest;
      return params;
    }
    if (segment === undefined) return undefined;
    if (part.startsWith(':')) params[part.slice(1)] = segment;
    else if (part !== segment) return undefined;
  }
  return segments.length === pattern.length ? params : undefined;
}

/**
 * Answers a REST request; `undefined` when no route matches (the caller reports it as unexpected).
 * Segments are already URL-decoded, so `tags%2Fv1.0.0` arrives as `tags/v1.0.0`.
 */
export function routeRest(
  method: string,
  segments: string[],
  ctx: Omit<RouteContext, 'params'>,
): RouteAnswer | undefined {
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const params = match(route.pattern, segments);
    if (!params) continue;
    const repo = ctx.model.findRepo(params.owner ?? '', params.repo ?? '');
    if (!repo) return notFound();
    const refused = route.needs ? ctx.permit?.(route) : undefined;
    if (refused) return refused;
    return route.handler({ ...ctx, params }, repo);
  }
  return undefined;
}
