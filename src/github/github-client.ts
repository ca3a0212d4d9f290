/**
 * The narrow view of GitHub the rest of kfrelease depends on. One implementation talks to the
 * REST API through Octokit (octokit-github-client.ts); tests run it against a fake GitHub server.
 * Every method answers `null` for "does not exist" and throws a GitHubUnavailableError when GitHub
 * could not answer (5xx, rate limit, timeout, network), so callers can tell a person's mistake
 * from an outage.
 */
export interface GitHubClient extends IssueLookups, RefLookups {
  /** Resolves a revision the way the release team reads one: a tag, then a branch, then a commit SHA. */
  resolveRevision(repo: string, revision: string): Promise<ResolvedRevision | null>;
  /** The GitHub release for a tag; drafts are not visible (GitHub answers 404 for them to most tokens). */
  getReleaseByTag(repo: string, tag: string): Promise<GitHubRelease | null>;
  /** How `head` relates to `base`, with the commits in between (oldest first, at most 250). */
  compare(repo: string, base: string, head: string): Promise<Comparison | null>;
  /** The pull requests a commit was merged through, with their labels. */
  pullRequestsForCommit(repo: string, sha: string): Promise<PullRequestRef[]>;
}

/** An issue or pull request, as people write it: owner/repo#123 or its URL. */
export interface IssueRef {
  owner: string;
  repo: string;
  number: number;
}

export interface IssueInfo {
  ref: IssueRef;
  title: string;
  state: 'open' | 'closed' | 'merged';
  isPullRequest: boolean;
  labels: string[];
  assignees: string[];
  url: string;
  updatedAt: string;
}

/** Tracked blocking issues, looked up in batches (GraphQL: 100 per query, about one point each). */
export interface IssueLookups {
  /**
   * Many issues and pull requests at once. The map is keyed `owner/repo#number`; an issue that
   * does not exist maps to null. `cost` is the rate-limit points GitHub charged for the lookup.
   */
  getIssues(
    refs: IssueRef[],
  ): Promise<{ issues: Map<string, IssueInfo | null>; requests: number; cost: number }>;
}

/** The release branch and RC tags in the manifests repository. */
export interface RefLookups {
  /** Tags whose names start with `prefix` (e.g. `v1.10`, `1.10`), each with the commit it points at. */
  listTags(repo: string, prefix: string): Promise<{ name: string; sha: string }[]>;
  /** A branch and the commit at its head, or null. */
  getBranch(repo: string, name: string): Promise<{ name: string; sha: string } | null>;
  /** When a commit was committed (ISO), or null when it does not exist. */
  commitDate(repo: string, sha: string): Promise<string | null>;
}

/** The key of an issue reference in maps and messages: owner/repo#number. */
export function issueKey(ref: IssueRef): string {
  return `${ref.owner}/${ref.repo}#${ref.number}`;
}

export interface ResolvedRevision {
  kind: 'tag' | 'branch' | 'commit';
  /** The name as found (the tag or branch name, or the full SHA). */
  name: string;
  /** The commit the revision points at (annotated tags peeled). */
  sha: string;
}

export interface GitHubRelease {
  tag: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  url: string;
}

export interface Comparison {
  status: 'ahead' | 'behind' | 'diverged' | 'identical';
  aheadBy: number;
  behindBy: number;
  commits: { sha: string; message: string }[];
}

export interface PullRequestRef {
  number: number;
  title: string;
  url: string;
  labels: string[];
}

/**
 * Which of GitHub's limits refused a request: the primary rate limit (the hourly budget of the
 * token, `x-ratelimit-remaining: 0`) or a secondary one (too many requests at once).
 */
export type GitHubLimit = 'rate_limit' | 'secondary_rate_limit';

/** GitHub could not answer; the operation can be tried again later. */
export class GitHubUnavailableError extends Error {
  constructor(
    message: string,
    /** When GitHub says to come back (Retry-After or x-ratelimit-reset), if it said. */
    readonly retryAt: Date | null = null,
    readonly status: number | null = null,
    /** Set when a rate limit refused the request, rather than GitHub being slow or down. */
    readonly limit: GitHubLimit | null = null,
  ) {
    super(message);
    this.name = 'GitHubUnavailableError';
  }
}
