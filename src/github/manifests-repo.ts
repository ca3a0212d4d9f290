/**
 * What kfrelease reads and writes in the manifests repository to open the sync pull requests:
 * files through the git data API, a branch, and pull requests. Methods throw a
 * GitHubUnavailableError when trying later may help, and a ManifestsWriteError saying what to
 * fix (a token permission, the config) otherwise.
 */
export interface ManifestsRepo {
  /** The branch pull requests go to when the config names none. */
  defaultBranch(repo: string): Promise<string>;
  /** The commit at a branch's head, or null when the branch does not exist. */
  branchHead(repo: string, branch: string): Promise<string | null>;
  /** Files at a commit, by path; a path that is not a file there maps to null. */
  readFiles(repo: string, commitSha: string, paths: string[]): Promise<Map<string, RepoFile | null>>;
  /**
   * Commits `files` on top of `parent` as one commit and points `branch` at it: creates the branch,
   * or moves it there by force (kfrelease owns its kfrelease/ branches). Answers the new commit.
   */
  commitToBranch(
    repo: string,
    change: {
      parent: string;
      files: (RepoFile & { path: string })[];
      message: string;
      branch: string;
      exists: boolean;
    },
  ): Promise<string>;
  /** The newest pull request from `branch` (of the repository itself), open or not, or null. */
  findPull(repo: string, branch: string): Promise<PullInfo | null>;
  createPull(
    repo: string,
    pull: { title: string; body: string; head: string; base: string },
  ): Promise<PullInfo>;
  updatePull(repo: string, number: number, pull: { title: string; body: string }): Promise<PullInfo>;
  addLabels(repo: string, number: number, labels: string[]): Promise<void>;
}

export interface RepoFile {
  content: string;
  /** 100644, or 100755 for an executable script: kept as it was. */
  mode: string;
}

export interface PullInfo {
  number: number;
  url: string;
  state: 'open' | 'closed' | 'merged';
  title: string;
}

/** GitHub refused a write for a reason a person must fix; the message says what to do. */
export class ManifestsWriteError extends Error {
  override readonly name = 'ManifestsWriteError';
}

const PERMISSION_NAMES: Record<string, string> = {
  contents: 'Contents',
  pull_requests: 'Pull requests',
  issues: 'Issues',
};

/**
 * What a person is told when GitHub refused a write for want of a permission: `accepted` is
 * GitHub's `x-accepted-github-permissions` header (`contents=write`, or alternatives separated by `;`).
 */
export function missingPermissionText(repo: string, accepted: string): string {
  const wanted = accepted
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [name = '', level = 'write'] = part.split('=');
      const access = level === 'write' ? 'Read and write' : 'Read-only';
      return `"${PERMISSION_NAMES[name] ?? name}: ${access}"`;
    });
  const which =
    wanted.length > 1
      ? `one of the permissions ${wanted.join(' or ')}`
      : `the permission ${wanted[0] ?? accepted}`;
  return (
    `GitHub refused the write to ${repo}: GITHUB_TOKEN lacks ${which} (GitHub asked for ${accepted}). ` +
    `Give the token that permission on ${repo} (a classic token needs the public_repo scope), then try again.`
  );
}

/**
 * The same for a classic token: `accepted` is GitHub's `x-accepted-oauth-scopes` header (the scopes
 * the call takes, `repo` or `public_repo`), `held` its `x-oauth-scopes` (the token's own).
 */
export function missingScopeText(repo: string, accepted: string, held: string): string {
  const scopes = accepted
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const has = held.trim() === '' ? 'no scope' : `only ${held.trim()}`;
  return (
    `GitHub refused the write to ${repo}: GITHUB_TOKEN is a classic token with ${has}, and the write needs the scope ${scopes.join(' or ')}. ` +
    `Add public_repo (repo for a private repository) to the token, or use a fine-grained token with "Contents" and "Pull requests" read and write, then try again.`
  );
}

/** What to tell an operator whose token cannot write the sync pull requests at all. */
export const MANIFESTS_WRITE_SCOPE =
  'GITHUB_TOKEN needs the repository permissions "Contents: Read and write" and "Pull requests: Read and write" on the manifests repository (a classic token: the public_repo scope)';
