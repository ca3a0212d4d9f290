/**
 * The narrow view of GitHub the rest of kfrelease depends on. One implementation talks to the
 * REST API through Octokit (octokit-github-client.ts); tests run it against a fake GitHub server.
 * Every method answers `null` for "does not exist" and throws a GitHubUnavailableError when GitHub
 * could not answer (5xx, rate limit, timeout, network), so callers can tell a person's mistake
 * from an outage.
 */
export interface GitHubClient {
  /** Resolves a revision the way the release team reads one: a tag, then a branch, then a commit SHA. */
  resolveRevision(repo: string, revision: string): Promise<ResolvedRevision | null>;
  /** The GitHub release for a tag; drafts are not visible (GitHub answers 404 for them to most tokens). */
  getReleaseByTag(repo: string, tag: string): Promise<GitHubRelease | null>;
  /** How `head` relates to `base`, with the commits in between (oldest first, at most 250). */
  compare(repo: string, base: string, head: string): Promise<Comparison | null>;
  /** The pull requests a commit was merged through, with their labels. */
  pullRequestsForCommit(repo: string, sha: string): Promise<PullRequestRef[]>;
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

/** GitHub could not answer; the operation can be tried again later. */
export class GitHubUnavailableError extends Error {
  constructor(
    message: string,
    /** When GitHub says to come back (Retry-After or x-ratelimit-reset), if it said. */
    readonly retryAt: Date | null = null,
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = 'GitHubUnavailableError';
  }
}
