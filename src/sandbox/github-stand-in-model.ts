import { createHash } from 'node:crypto';
import { GitObjects, type FileModel, type PullModel } from './github-stand-in-git';

export interface CommitModel {
  sha: string;
  parents: string[];
  message: string;
  /** ISO 8601. */
  date: string;
}

export interface TagModel {
  name: string;
  /** What the ref points at: the commit, or the tag object when annotated. */
  objectSha: string;
  commitSha: string;
  annotated: boolean;
  message: string;
}

export interface ReleaseModel {
  id: number;
  tag: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  createdAt: string;
}

export type IssueState = 'open' | 'closed' | 'merged';

export interface IssueModel {
  number: number;
  title: string;
  body: string | null;
  state: IssueState;
  labels: string[];
  assignees: string[];
  pullRequest: boolean;
  updatedAt: string;
}

export interface RepoModel {
  id: number;
  owner: string;
  name: string;
  fullName: string;
  defaultBranch: string;
  commits: Map<string, CommitModel>;
  branches: Map<string, string>;
  tags: Map<string, TagModel>;
  releases: ReleaseModel[];
  issues: Map<number, IssueModel>;
  /** Pull request number -> the commits it is associated with (the last one is its merge commit). */
  pullCommits: Map<number, string[]>;
  /** Blobs and trees: the files of each commit that has them (the git data API). */
  git: GitObjects;
  /** Pull requests opened through the API: their head and base branches and description. */
  pulls: Map<number, PullModel>;
}

export type CompareStatus = 'ahead' | 'behind' | 'diverged' | 'identical';

export interface Comparison {
  status: CompareStatus;
  base: CommitModel;
  head: CommitModel;
  mergeBase: CommitModel | undefined;
  /** Reachable from head but not from base, parents first. */
  ahead: CommitModel[];
  behind: CommitModel[];
}

export function fakeSha(seed: string): string {
  return createHash('sha1').update(seed).digest('hex');
}

/** The repositories the GitHub stand-in serves, and the git graph questions the routes ask. */
export class GitHubModel {
  readonly repos = new Map<string, RepoModel>();
  private nextId = 1000;

  addRepo(fullName: string, options: { defaultBranch?: string } = {}): RepoModel {
    const [owner = '', name = ''] = fullName.split('/');
    const repo: RepoModel = {
      id: this.nextId++,
      owner,
      name,
      fullName,
      defaultBranch: options.defaultBranch ?? 'main',
      commits: new Map(),
      branches: new Map(),
      tags: new Map(),
      releases: [],
      issues: new Map(),
      pullCommits: new Map(),
      git: new GitObjects(),
      pulls: new Map(),
    };
    this.repos.set(fullName.toLowerCase(), repo);
    return repo;
  }

  repo(fullName: string): RepoModel {
    const repo = this.repos.get(fullName.toLowerCase());
    if (!repo) throw new Error(`GitHub stand-in: add repo ${fullName} with addRepo() first`);
    return repo;
  }

  findRepo(owner: string, name: string): RepoModel | undefined {
    return this.repos.get(`${owner}/${name}`.toLowerCase());
  }

  addCommit(
    fullName: string,
    sha: string,
    parents: string[],
    info: { message?: string; date?: string } = {},
  ) {
    const repo = this.repo(fullName);
    for (const parent of parents) {
      if (!repo.commits.has(parent))
        throw new Error(`GitHub stand-in: parent ${parent} of ${sha} is not a commit`);
    }
    const commit: CommitModel = {
      sha,
      parents,
      message: info.message ?? `commit ${sha}`,
      date: info.date ?? new Date(Date.UTC(2026, 0, 1) + repo.commits.size * 60_000).toISOString(),
    };
    repo.commits.set(sha, commit);
    return commit;
  }

  addBranch(fullName: string, name: string, sha: string): void {
    const repo = this.repo(fullName);
    this.commitOrThrow(repo, sha);
    repo.branches.set(name, sha);
  }

  addTag(
    fullName: string,
    name: string,
    sha: string,
    options: { annotated?: boolean; message?: string } = {},
  ) {
    const repo = this.repo(fullName);
    this.commitOrThrow(repo, sha);
    const annotated = options.annotated ?? false;
    const objectSha = annotated ? fakeSha(`tag:${fullName}:${name}`) : sha;
    const message = options.message ?? `Release ${name}`;
    repo.tags.set(name, { name, objectSha, commitSha: sha, annotated, message });
  }

  addRelease(
    fullName: string,
    release: {
      tag: string;
      body?: string | null;
      draft?: boolean;
      prerelease?: boolean;
      name?: string | null;
    },
  ): ReleaseModel {
    const repo = this.repo(fullName);
    const model: ReleaseModel = {
      id: this.nextId++,
      tag: release.tag,
      name: release.name ?? release.tag,
      body: release.body === undefined ? null : release.body,
      draft: release.draft ?? false,
      prerelease: release.prerelease ?? false,
      createdAt: new Date(Date.UTC(2026, 0, 1)).toISOString(),
    };
    repo.releases.push(model);
    return model;
  }

  addIssue(
    fullName: string,
    number: number,
    issue: Partial<Omit<IssueModel, 'number' | 'pullRequest'>> & { pull_request?: boolean },
  ): IssueModel {
    const repo = this.repo(fullName);
    const model: IssueModel = {
      number,
      title: issue.title ?? `Issue ${number}`,
      body: issue.body ?? null,
      state: issue.state ?? 'open',
      labels: issue.labels ?? [],
      assignees: issue.assignees ?? [],
      pullRequest: issue.pull_request ?? false,
      updatedAt: issue.updatedAt ?? new Date(Date.UTC(2026, 0, 1)).toISOString(),
    };
    repo.issues.set(number, model);
    return model;
  }

  /** A pull request (also an issue with `pull_request` set), associated with `commits`; merged unless told. */
  addPullRequest(
    fullName: string,
    number: number,
    pull: { title?: string; labels?: string[]; commits: string[]; state?: IssueState },
  ): IssueModel {
    const repo = this.repo(fullName);
    for (const sha of pull.commits) this.commitOrThrow(repo, sha);
    const issue = this.addIssue(fullName, number, {
      title: pull.title ?? `Pull request ${number}`,
      labels: pull.labels ?? [],
      state: pull.state ?? 'merged',
      pull_request: true,
    });
    repo.pullCommits.set(number, [...pull.commits]);
    return issue;
  }

  /**
   * Gives a commit its files (path -> content, or content and mode): what the git data API and
   * a pull request's branch read. Scripts are usually `{ content, mode: '100755' }`.
   */
  setFiles(fullName: string, sha: string, files: Record<string, string | FileModel>): void {
    const repo = this.repo(fullName);
    this.commitOrThrow(repo, sha);
    const snapshot = new Map<string, FileModel>();
    for (const [path, file] of Object.entries(files))
      snapshot.set(path, typeof file === 'string' ? { content: file, mode: '100644' } : file);
    repo.git.commitTrees.set(sha, repo.git.storeFiles(snapshot));
  }

  /** A file of a branch's head commit, or undefined: what a test reads back after kfrelease wrote. */
  fileOnBranch(fullName: string, branch: string, path: string): string | undefined {
    const repo = this.repo(fullName);
    const sha = repo.branches.get(branch);
    return sha === undefined ? undefined : repo.git.fileAt(sha, path)?.content;
  }

  /** A commit made through the API (POST git/commits): its sha comes from what it holds, as git's does. */
  createCommit(repo: RepoModel, input: { message: string; tree: string; parents: string[] }): CommitModel {
    const sha = fakeSha(
      `commit:${input.tree}:${input.parents.join(',')}:${input.message}:${repo.commits.size}`,
    );
    const commit: CommitModel = {
      sha,
      parents: input.parents,
      message: input.message,
      date: new Date(Date.UTC(2026, 0, 1) + repo.commits.size * 60_000).toISOString(),
    };
    repo.commits.set(sha, commit);
    repo.git.commitTrees.set(sha, input.tree);
    return commit;
  }

  /** Whether `ancestor` is `sha` or one of its ancestors (a fast-forward from it is possible). */
  isAncestor(repo: RepoModel, ancestor: string, sha: string): boolean {
    return this.ancestors(repo, sha).has(ancestor);
  }

  /** Pull requests associated with a commit, by number. */
  pullRequestsFor(repo: RepoModel, sha: string): { issue: IssueModel; mergeCommit: string | null }[] {
    return [...repo.pullCommits]
      .filter(([, commits]) => commits.includes(sha))
      .sort(([a], [b]) => a - b)
      .flatMap(([number, commits]) => {
        const issue = repo.issues.get(number);
        return issue ? [{ issue, mergeCommit: commits.at(-1) ?? null }] : [];
      });
  }

  updateIssue(fullName: string, number: number, patch: Partial<Omit<IssueModel, 'number'>>): IssueModel {
    const issue = this.repo(fullName).issues.get(number);
    if (!issue) throw new Error(`GitHub stand-in: no issue ${fullName}#${number}`);
    Object.assign(issue, patch, { updatedAt: patch.updatedAt ?? new Date().toISOString() });
    return issue;
  }

  /** A sha (full or an unambiguous prefix of at least 4), a branch or a tag, peeled to its commit. */
  resolveCommit(repo: RepoModel, ref: string): CommitModel | undefined {
    const name = ref.replace(/^refs\/(heads|tags)\//, '');
    const sha = repo.branches.get(name) ?? repo.tags.get(name)?.commitSha ?? this.shaByPrefix(repo, ref);
    return sha === undefined ? undefined : repo.commits.get(sha);
  }

  compare(repo: RepoModel, base: CommitModel, head: CommitModel): Comparison {
    const fromBase = this.ancestors(repo, base.sha);
    const fromHead = this.ancestors(repo, head.sha);
    const ahead = this.topological(repo, head.sha).filter((commit) => !fromBase.has(commit.sha));
    const behind = this.topological(repo, base.sha).filter((commit) => !fromHead.has(commit.sha));
    const status: CompareStatus =
      ahead.length === 0 && behind.length === 0
        ? 'identical'
        : behind.length === 0
          ? 'ahead'
          : ahead.length === 0
            ? 'behind'
            : 'diverged';
    const mergeBase = this.topological(repo, head.sha)
      .reverse()
      .find((commit) => fromBase.has(commit.sha));
    return { status, base, head, mergeBase, ahead, behind };
  }

  private ancestors(repo: RepoModel, sha: string): Set<string> {
    const seen = new Set<string>();
    const stack = [sha];
    while (stack.length > 0) {
      const next = stack.pop() as string;
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(repo.commits.get(next)?.parents ?? []));
    }
    return seen;
  }

  /** Every ancestor of `sha` (itself included), each after its parents. */
  private topological(repo: RepoModel, sha: string): CommitModel[] {
    const order: CommitModel[] = [];
    const seen = new Set<string>();
    const visit = (current: string): void => {
      if (seen.has(current)) return;
      seen.add(current);
      const commit = repo.commits.get(current);
      if (!commit) return;
      for (const parent of commit.parents) visit(parent);
      order.push(commit);
    };
    visit(sha);
    return order;
  }

  private shaByPrefix(repo: RepoModel, ref: string): string | undefined {
    if (repo.commits.has(ref)) return ref;
    if (ref.length < 4) return undefined;
    const matches = [...repo.commits.keys()].filter((sha) => sha.startsWith(ref));
    return matches.length === 1 ? matches[0] : undefined;
  }

  private commitOrThrow(repo: RepoModel, sha: string): void {
    if (!repo.commits.has(sha))
      throw new Error(`GitHub stand-in: add commit ${sha} to ${repo.fullName} first`);
  }
}
