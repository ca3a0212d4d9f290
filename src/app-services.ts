import type { Clock } from './clock';
import type { Store } from './db/store';
import type { ReleaseTemplate } from './domain/release-template';
import type { GitHubClient } from './github/github-client';
import type { ManifestsRepo } from './github/manifests-repo';
import type { IssueWriter } from './github/octokit-issue-writer';
import type { Logger } from './logger';
import type { ManifestsSyncConfig } from './working-groups/manifests-sync-schema';

/** What the composition root builds once and hands to every adapter. */
export interface AppServices {
  store: Store;
  clock: Clock;
  templates: Map<string, ReleaseTemplate>;
  /** Slack user IDs from KFRELEASE_ADMINS. */
  admins: string[];
  logger: Logger;
  github: GitHubClient;
  /** Where the release branch and RC tags are cut (config/kubeflow.yml). */
  manifestsRepo: string;
  /** Writes the release tracking issue; null without GITHUB_TOKEN, and then nothing writes to GitHub. */
  issueWriter: IssueWriter | null;
  /**
   * The manifests sync pull requests: where each component's revision lives (config/kubeflow.yml),
   * the client that reads and writes the manifests repository, and whether a GITHUB_TOKEN is set.
   */
  manifestsSync: { config: ManifestsSyncConfig; repo: ManifestsRepo; canWrite: boolean };
  /** How long a modal submission waits for GitHub before saving as pending validation. */
  githubDeadlineMs: number;
  /** Called after a change that queued Slack posts: the running app delivers them at once. */
  deliverSoon(): void;
}
