import type { FileModel, TreeEntry } from './github-stand-in-git';
import type { IssueModel, RepoModel } from './github-stand-in-model';
import type { Route, RouteAnswer, RouteContext } from './github-stand-in-routes';

const DOCS = 'https://docs.github.com/rest';
const ok = (body: unknown, status = 200): RouteAnswer => ({ status, body });
const missing = (): RouteAnswer => ({
  status: 404,
  body: { message: 'Not Found', documentation_url: DOCS, status: '404' },
});
const unprocessable = (message: string, doc: string, errors?: unknown[]): RouteAnswer => ({
  status: 422,
  body: { message, ...(errors ? { errors } : {}), documentation_url: `${DOCS}/${doc}`, status: '422' },
});

function input(ctx: RouteContext): Record<string, unknown> {
  const body = ctx.body;
  return typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : {};
}

/** GitHub's base64: lines of 60 characters, each ending in a newline. */
function base64Lines(text: string): string {
  const encoded = Buffer.from(text, 'utf8').toString('base64');
  return `${encoded.match(/.{1,60}/g)?.join('\n') ?? ''}\n`;
}

const api = (ctx: RouteContext, repo: RepoModel) => ctx.render.repo(repo).url;

function gitCommit(ctx: RouteContext, repo: RepoModel, sha: string) {
  const commit = repo.commits.get(sha);
  if (!commit) return undefined;
  const person = { name: 'Kubeflow Bot', email: 'bot@kubeflow.org', date: commit.date };
  const tree = repo.git.treeOf(sha);
  return {
    sha,
    node_id: `C_${sha}`,
    url: `${api(ctx, repo)}/git/commits/${sha}`,
    html_url: `https://github.com/${repo.fullName}/commit/${sha}`,
    author: person,
    committer: person,
    message: commit.message,
    tree: { sha: tree, url: `${api(ctx, repo)}/git/trees/${tree}` },
    parents: commit.parents.map((p) => ({ sha: p, url: `${api(ctx, repo)}/git/commits/${p}` })),
    verification: { verified: false, reason: 'unsigned', signature: null, payload: null },
  };
}

function treeBody(ctx: RouteContext, repo: RepoModel, sha: string, recursive: boolean) {
  const entries: TreeEntry[] = recursive
    ? [...repo.git.files(sha)].map(([path, file]) => ({
        path,
        mode: file.mode,
        type: 'blob' as const,
        sha: repo.git.storeBlob(file.content),
      }))
    : (repo.git.trees.get(sha) ?? []);
  return {
    sha,
    url: `${api(ctx, repo)}/git/trees/${sha}`,
    tree: entries.map((e) => ({
      ...e,
      ...(e.type === 'blob' ? { size: Buffer.byteLength(repo.git.blobs.get(e.sha) ?? '') } : {}),
      url: `${api(ctx, repo)}/git/${e.type === 'blob' ? 'blobs' : 'trees'}/${e.sha}`,
    })),
    truncated: false,
  };
}

function createTree(ctx: RouteContext, repo: RepoModel): RouteAnswer {
  const body = input(ctx);
  const doc = 'git/trees#create-a-tree';
  const base = typeof body.base_tree === 'string' ? body.base_tree : null;
  if (base !== null && !repo.git.trees.has(base)) return unprocessable('Invalid tree info', doc);
  const files = base === null ? new Map<string, FileModel>() : repo.git.files(base);
  if (!Array.isArray(body.tree)) return unprocessable('Invalid request.\n\n"tree" wasn\'t supplied.', doc);
  for (const raw of body.tree as Record<string, unknown>[]) {
    const path = typeof raw.path === 'string' ? raw.path : '';
    const mode = typeof raw.mode === 'string' ? raw.mode : '';
    if (!path || !['100644', '100755'].includes(mode) || raw.type !== 'blob')
      return unprocessable('Invalid tree info', doc);
    if (raw.sha === null) {
      files.delete(path);
      continue;
    }
    const content =
      typeof raw.content === 'string'
        ? raw.content
        : typeof raw.sha === 'string'
          ? repo.git.blobs.get(raw.sha)
          : undefined;
    if (content === undefined) return unprocessable('Invalid tree info', doc);
    files.set(path, { content, mode });
  }
  return ok(treeBody(ctx, repo, repo.git.storeFiles(files), false), 201);
}

function createCommit(ctx: RouteContext, repo: RepoModel): RouteAnswer {
  const body = input(ctx);
  const doc = 'git/commits#create-a-commit';
  const parents = Array.isArray(body.parents) ? body.parents.map(String) : [];
  if (typeof body.message !== 'string' || typeof body.tree !== 'string')
    return unprocessable('Invalid request.\n\n"message", "tree" weren\'t supplied.', doc);
  if (!repo.git.trees.has(body.tree)) return unprocessable('Tree SHA does not exist', doc);
  if (parents.some((p) => !repo.commits.has(p)))
    return unprocessable('Parent SHA does not exist or is not a commit object', doc);
  const commit = ctx.model.createCommit(repo, { message: body.message, tree: body.tree, parents });
  return ok(gitCommit(ctx, repo, commit.sha), 201);
}

const branchRef = (ctx: RouteContext, repo: RepoModel, name: string, sha: string) =>
  ctx.render.ref(repo, `refs/heads/${name}`, { type: 'commit', sha });

function createRef(ctx: RouteContext, repo: RepoModel): RouteAnswer {
  const body = input(ctx);
  const doc = 'git/refs#create-a-reference';
  const ref = typeof body.ref === 'string' ? body.ref : '';
  const sha = typeof body.sha === 'string' ? body.sha : '';
  const name = /^refs\/heads\/(.+)$/.exec(ref)?.[1];
  if (!name) return unprocessable("ref must start with 'refs/' and have at least two slashes.", doc);
  if (!repo.commits.has(sha)) return unprocessable('Object does not exist', doc);
  if (repo.branches.has(name)) return unprocessable('Reference already exists', doc);
  repo.branches.set(name, sha);
  return ok(branchRef(ctx, repo, name, sha), 201);
}

function updateRef(ctx: RouteContext, repo: RepoModel): RouteAnswer {
  const body = input(ctx);
  const doc = 'git/refs#update-a-reference';
  const name = /^heads\/(.+)$/.exec(ctx.params.ref ?? '')?.[1];
  const current = name === undefined ? undefined : repo.branches.get(name);
  if (name === undefined || current === undefined) return unprocessable('Reference does not exist', doc);
  const sha = typeof body.sha === 'string' ? body.sha : '';
  if (!repo.commits.has(sha)) return unprocessable('Object does not exist', doc);
  if (body.force !== true && !ctx.model.isAncestor(repo, current, sha))
    return unprocessable('Update is not a fast forward', doc);
  repo.branches.set(name, sha);
  return ok(branchRef(ctx, repo, name, sha));
}

function getContents(ctx: RouteContext, repo: RepoModel): RouteAnswer {
  const path = ctx.params.path ?? '';
  const commit = ctx.model.resolveCommit(repo, ctx.query.get('ref') ?? repo.defaultBranch);
  const file = commit ? repo.git.fileAt(commit.sha, path) : undefined;
  if (!file) return missing();
  const sha = repo.git.storeBlob(file.content);
  const name = path.split('/').at(-1) ?? path;
  return ok({
    type: 'file',
    encoding: 'base64',
    size: Buffer.byteLength(file.content),
    name,
    path,
    content: base64Lines(file.content),
    sha,
    url: `${api(ctx, repo)}/contents/${path}`,
    git_url: `${api(ctx, repo)}/git/blobs/${sha}`,
    html_url: `https://github.com/${repo.fullName}/blob/${commit?.sha}/${path}`,
    download_url: `https://raw.githubusercontent.com/${repo.fullName}/${commit?.sha}/${path}`,
  });
}

/** `owner:branch` or `branch`, as `head` is written; undefined for another owner's fork. */
function headBranch(repo: RepoModel, head: string): string | undefined {
  const split = head.indexOf(':');
  if (split < 0) return head;
  return head.slice(0, split).toLowerCase() === repo.owner.toLowerCase() ? head.slice(split + 1) : undefined;
}

function listPulls(ctx: RouteContext, repo: RepoModel): RouteAnswer {
  const state = ctx.query.get('state') ?? 'open';
  const head = ctx.query.get('head');
  const branch = head === null ? null : (headBranch(repo, head) ?? '\0');
  const base = ctx.query.get('base');
  const pulls = [...repo.pulls]
    .filter(([, pull]) => (branch === null || pull.head === branch) && (base === null || pull.base === base))
    .flatMap(([number]) => {
      const issue = repo.issues.get(number);
      if (!issue) return [];
      const open = issue.state === 'open';
      return state === 'all' || (state === 'open') === open ? [issue] : [];
    })
    .sort((a, b) => b.number - a.number);
  return ok(pulls.map((issue) => ctx.render.pull(repo, issue)));
}

function createPull(ctx: RouteContext, repo: RepoModel): RouteAnswer {
  const body = input(ctx);
  const doc = 'pulls/pulls#create-a-pull-request';
  const title = typeof body.title === 'string' ? body.title : '';
  const head = typeof body.head === 'string' ? body.head : '';
  const base = typeof body.base === 'string' ? body.base : '';
  const branch = headBranch(repo, head);
  const invalid = (field: string) =>
    unprocessable('Validation Failed', doc, [{ resource: 'PullRequest', field, code: 'invalid' }]);
  if (!title)
    return unprocessable('Validation Failed', doc, [
      { resource: 'PullRequest', field: 'title', code: 'missing_field' },
    ]);
  if (branch === undefined || !repo.branches.has(branch)) return invalid('head');
  if (!repo.branches.has(base)) return invalid('base');
  const taken = [...repo.pulls].find(([n, p]) => p.head === branch && repo.issues.get(n)?.state === 'open');
  if (taken) {
    const message = `A pull request already exists for ${repo.owner}:${branch}.`;
    return unprocessable('Validation Failed', doc, [{ resource: 'PullRequest', code: 'custom', message }]);
  }
  if (repo.branches.get(branch) === repo.branches.get(base)) {
    const message = `No commits between ${base} and ${branch}`;
    return unprocessable('Validation Failed', doc, [{ resource: 'PullRequest', code: 'custom', message }]);
  }
  const number = Math.max(0, ...repo.issues.keys()) + 1;
  const issue: IssueModel = {
    number,
    title,
    body: typeof body.body === 'string' ? body.body : null,
    state: 'open',
    labels: [],
    assignees: [],
    pullRequest: true,
    updatedAt: new Date().toISOString(),
  };
  repo.issues.set(number, issue);
  repo.pulls.set(number, { head: branch, base, body: issue.body });
  return ok(ctx.render.pull(repo, issue), 201);
}

function updatePull(ctx: RouteContext, repo: RepoModel): RouteAnswer {
  const number = Number(ctx.params.number);
  const issue = repo.issues.get(number);
  const pull = repo.pulls.get(number);
  if (!issue?.pullRequest || !pull) return missing();
  const body = input(ctx);
  if (typeof body.title === 'string') issue.title = body.title;
  if (typeof body.body === 'string') {
    issue.body = body.body;
    pull.body = body.body;
  }
  if ((body.state === 'open' || body.state === 'closed') && issue.state !== 'merged')
    issue.state = body.state;
  issue.updatedAt = new Date().toISOString();
  return ok(ctx.render.pull(repo, issue));
}

function addLabels(ctx: RouteContext, repo: RepoModel): RouteAnswer {
  const issue = repo.issues.get(Number(ctx.params.number));
  if (!issue) return missing();
  const labels = input(ctx).labels;
  if (!Array.isArray(labels))
    return unprocessable(
      'Invalid request.\n\n"labels" wasn\'t supplied.',
      'issues/labels#add-labels-to-an-issue',
    );
  for (const label of labels.map(String)) if (!issue.labels.includes(label)) issue.labels.push(label);
  issue.updatedAt = new Date().toISOString();
  return ok(issue.labels.map((name, index) => ({ id: index + 1, name, color: 'ededed', default: false })));
}

const REPO = ['repos', ':owner', ':repo'];
const CONTENTS_WRITE = ['contents=write'];

/**
 * The git data API (blobs, trees, commits, refs), file contents and pull requests: what kfrelease
 * uses to open the manifests sync pull requests. Writes name the fine-grained permission they need.
 */
export const GIT_ROUTES: Route[] = [
  {
    method: 'GET',
    pattern: [...REPO, 'git', 'commits', ':sha'],
    handler: (ctx, repo) => {
      const commit = gitCommit(ctx, repo, ctx.params.sha ?? '');
      return commit ? ok(commit) : missing();
    },
  },
  {
    method: 'GET',
    pattern: [...REPO, 'git', 'trees', ':sha'],
    handler: (ctx, repo) => {
      const sha = ctx.params.sha ?? '';
      if (!repo.git.trees.has(sha)) return missing();
      return ok(treeBody(ctx, repo, sha, ['1', 'true'].includes(ctx.query.get('recursive') ?? '')));
    },
  },
  {
    method: 'GET',
    pattern: [...REPO, 'git', 'blobs', ':sha'],
    handler: (ctx, repo) => {
      const sha = ctx.params.sha ?? '';
      const content = repo.git.blobs.get(sha);
      if (content === undefined) return missing();
      return ok({
        sha,
        node_id: `B_${sha.slice(0, 12)}`,
        size: Buffer.byteLength(content),
        url: `${api(ctx, repo)}/git/blobs/${sha}`,
        content: base64Lines(content),
        encoding: 'base64',
      });
    },
  },
  {
    method: 'POST',
    pattern: [...REPO, 'git', 'blobs'],
    needs: CONTENTS_WRITE,
    doc: 'git/blobs#create-a-blob',
    handler: (ctx, repo) => {
      const body = input(ctx);
      if (typeof body.content !== 'string')
        return unprocessable('Invalid request.\n\n"content" wasn\'t supplied.', 'git/blobs#create-a-blob');
      const text =
        body.encoding === 'base64' ? Buffer.from(body.content, 'base64').toString('utf8') : body.content;
      const sha = repo.git.storeBlob(text);
      return ok({ sha, url: `${api(ctx, repo)}/git/blobs/${sha}` }, 201);
    },
  },
  {
    method: 'POST',
    pattern: [...REPO, 'git', 'trees'],
    needs: CONTENTS_WRITE,
    doc: 'git/trees#create-a-tree',
    handler: createTree,
  },
  {
    method: 'POST',
    pattern: [...REPO, 'git', 'commits'],
    needs: CONTENTS_WRITE,
    doc: 'git/commits#create-a-commit',
    handler: createCommit,
  },
  {
    method: 'POST',
    pattern: [...REPO, 'git', 'refs'],
    needs: CONTENTS_WRITE,
    doc: 'git/refs#create-a-reference',
    handler: createRef,
  },
  {
    method: 'PATCH',
    pattern: [...REPO, 'git', 'refs', '*ref'],
    needs: CONTENTS_WRITE,
    doc: 'git/refs#update-a-reference',
    handler: updateRef,
  },
  { method: 'GET', pattern: [...REPO, 'contents', '*path'], handler: getContents },
  { method: 'GET', pattern: [...REPO, 'pulls'], handler: listPulls },
  {
    method: 'POST',
    pattern: [...REPO, 'pulls'],
    needs: ['pull_requests=write'],
    doc: 'pulls/pulls#create-a-pull-request',
    handler: createPull,
  },
  {
    method: 'PATCH',
    pattern: [...REPO, 'pulls', ':number'],
    needs: ['pull_requests=write'],
    doc: 'pulls/pulls#update-a-pull-request',
    handler: updatePull,
  },
  {
    method: 'POST',
    pattern: [...REPO, 'issues', ':number', 'labels'],
    needs: ['issues=write', 'pull_requests=write'],
    doc: 'issues/labels#add-labels-to-an-issue',
    handler: addLabels,
  },
];
