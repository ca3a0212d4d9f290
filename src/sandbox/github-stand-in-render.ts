import {
  fakeSha,
  type CommitModel,
  type IssueModel,
  type ReleaseModel,
  type RepoModel,
} from './github-stand-in-model';

/** JSON shapes of api.github.com, limited to the fields real clients read. */
export class GitHubRenderer {
  constructor(private readonly api: string) {}

  repo(repo: RepoModel) {
    return {
      id: repo.id,
      node_id: `R_${repo.id}`,
      name: repo.name,
      full_name: repo.fullName,
      owner: { login: repo.owner, type: 'Organization' },
      private: false,
      archived: false,
      html_url: `https://github.com/${repo.fullName}`,
      url: `${this.api}/repos/${repo.fullName}`,
      default_branch: repo.defaultBranch,
    };
  }

  ref(repo: RepoModel, fullRef: string, object: { type: 'commit' | 'tag'; sha: string }) {
    const kind = object.type === 'tag' ? 'tags' : 'commits';
    return {
      ref: fullRef,
      node_id: `REF_${fakeSha(fullRef).slice(0, 12)}`,
      url: `${this.api}/repos/${repo.fullName}/git/${fullRef}`,
      object: { ...object, url: `${this.api}/repos/${repo.fullName}/git/${kind}/${object.sha}` },
    };
  }

  /** Every ref of the repo, as `git/matching-refs` lists them. */
  allRefs(repo: RepoModel) {
    const heads = [...repo.branches].map(([name, sha]) =>
      this.ref(repo, `refs/heads/${name}`, { type: 'commit', sha }),
    );
    const tags = [...repo.tags.values()].map((tag) =>
      this.ref(repo, `refs/tags/${tag.name}`, {
        type: tag.annotated ? 'tag' : 'commit',
        sha: tag.objectSha,
      }),
    );
    return [...heads, ...tags].sort((a, b) => a.ref.localeCompare(b.ref));
  }

  commit(repo: RepoModel, commit: CommitModel) {
    const person = { name: 'Kubeflow Bot', email: 'bot@kubeflow.org', date: commit.date };
    return {
      sha: commit.sha,
      node_id: `C_${commit.sha}`,
      url: `${this.api}/repos/${repo.fullName}/commits/${commit.sha}`,
      html_url: `https://github.com/${repo.fullName}/commit/${commit.sha}`,
      commit: {
        message: commit.message,
        author: person,
        committer: person,
        tree: { sha: repo.git.commitTrees.get(commit.sha) ?? fakeSha(`tree:${commit.sha}`) },
      },
      author: null,
      committer: null,
      parents: commit.parents.map((sha) => ({
        sha,
        url: `${this.api}/repos/${repo.fullName}/commits/${sha}`,
      })),
    };
  }

  release(repo: RepoModel, release: ReleaseModel) {
    return {
      id: release.id,
      url: `${this.api}/repos/${repo.fullName}/releases/${release.id}`,
      html_url: `https://github.com/${repo.fullName}/releases/tag/${release.tag}`,
      tag_name: release.tag,
      target_commitish: repo.defaultBranch,
      name: release.name,
      body: release.body,
      draft: release.draft,
      prerelease: release.prerelease,
      created_at: release.createdAt,
      published_at: release.draft ? null : release.createdAt,
      author: { login: 'kubeflow-bot', type: 'User' },
      assets: [],
    };
  }

  issue(repo: RepoModel, issue: IssueModel) {
    const kind = issue.pullRequest ? 'pull' : 'issues';
    const closedAt = issue.state === 'open' ? null : issue.updatedAt;
    return {
      id: repo.id * 100_000 + issue.number,
      node_id: `I_${repo.id}_${issue.number}`,
      number: issue.number,
      title: issue.title,
      body: issue.body,
      state: issue.state === 'open' ? 'open' : 'closed',
      state_reason: issue.state === 'closed' && !issue.pullRequest ? 'completed' : null,
      labels: issue.labels.map((name, index) => ({ id: index + 1, name, color: 'ededed' })),
      assignee: issue.assignees[0] === undefined ? null : { login: issue.assignees[0] },
      assignees: issue.assignees.map((login) => ({ login })),
      user: { login: 'kubeflow-bot' },
      url: `${this.api}/repos/${repo.fullName}/issues/${issue.number}`,
      html_url: `https://github.com/${repo.fullName}/${kind}/${issue.number}`,
      created_at: '2026-01-01T00:00:00Z',
      updated_at: issue.updatedAt,
      closed_at: closedAt,
      ...(issue.pullRequest
        ? {
            pull_request: {
              url: `${this.api}/repos/${repo.fullName}/pulls/${issue.number}`,
              html_url: `https://github.com/${repo.fullName}/pull/${issue.number}`,
              merged_at: issue.state === 'merged' ? issue.updatedAt : null,
            },
          }
        : {}),
    };
  }

  pull(repo: RepoModel, issue: IssueModel) {
    const { pull_request: _link, ...shared } = this.issue(repo, issue);
    return {
      ...shared,
      url: `${this.api}/repos/${repo.fullName}/pulls/${issue.number}`,
      merged: issue.state === 'merged',
      merged_at: issue.state === 'merged' ? issue.updatedAt : null,
      draft: false,
      ...this.branches(repo, issue.number),
    };
  }

  /** A pull request's head and base: its branches when opened through the API, else the default branch. */
  private branches(repo: RepoModel, number: number) {
    const pull = repo.pulls.get(number);
    if (!pull) return { base: { ref: repo.defaultBranch } };
    const side = (ref: string) => ({
      label: `${repo.owner}:${ref}`,
      ref,
      sha: repo.branches.get(ref) ?? null,
      repo: { full_name: repo.fullName },
    });
    return { head: side(pull.head), base: side(pull.base), body: pull.body };
  }
}
