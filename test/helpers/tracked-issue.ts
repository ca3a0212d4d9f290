import type { NewBlocker } from '../../src/db/blocker-repository';

/**
 * A tracked issue as the blockers table takes it, for a test that puts one in directly: an open
 * issue numbered `number` of `repository` (owner/name), reported by `by` at `at`, with GitHub's
 * usual empty fields. Whatever else is given stands instead of the default.
 */
export function trackedIssue(
  given: {
    releaseId: number;
    wgId: number;
    repository: string;
    number: number;
    by: string;
    at: string;
  } & Partial<Omit<NewBlocker, 'owner' | 'repo'>>,
): NewBlocker {
  const { repository, by, at, ...rest } = given;
  const [owner = '', repo = ''] = repository.split('/');
  return {
    owner,
    repo,
    title: `Issue ${given.number}`,
    state: 'open',
    isPullRequest: false,
    labels: [],
    assignees: [],
    url: `https://github.com/${repository}/issues/${given.number}`,
    updatedAt: at,
    blocksRelease: false,
    submittedBy: by,
    submittedAt: at,
    note: '',
    ...rest,
  };
}
