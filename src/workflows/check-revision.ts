import type { DateTime, DurationLike } from 'luxon';
import { wallClockSeconds } from '../clock';
import { evaluateRevision, type RevisionFacts, type RevisionVerdict } from '../domain/revision-policy';
import { rulesForRepository, type RevisionRules } from '../domain/revision-rules';
import type { RevisionRepository } from '../db/revision-repository';
import { GitHubUnavailableError, type GitHubClient } from '../github/github-client';
import { shippedRevisionRules } from '../working-groups/load-working-groups';

/** Pull requests looked up per revision at most: enough for a review, bounded in GitHub calls. */
const MAX_PR_LOOKUPS = 30;

/**
 * Asks GitHub what a revision is, then applies the revision rules of its repository (its tag
 * pattern and the labels that count: `rules`, by default those of config/kubeflow.yml). From the
 * freeze on, a repository with an accepted freeze revision has the pull requests since then looked
 * up, so that anything but bug fixes is held, however little the version moved. Throws
 * GitHubUnavailableError when GitHub cannot answer; the caller then keeps the revision as pending
 * validation.
 */
export async function checkRevision(
  deps: { github: GitHubClient; revisions: RevisionRepository; rules?: RevisionRules },
  input: { releaseId: number; repo: string; revision: string; freeze: boolean },
): Promise<RevisionVerdict> {
  const { github } = deps;
  const rules = rulesForRepository(deps.rules ?? shippedRevisionRules(), input.repo);
  const resolved = await github.resolveRevision(input.repo, input.revision);
  const facts: RevisionFacts = {
    revision: input.revision,
    resolved,
    release: null,
    freeze: input.freeze,
    previous: null,
    comparison: null,
    pullRequests: [],
  };
  if (resolved?.kind === 'tag') {
    const release = await github.getReleaseByTag(input.repo, resolved.name);
    facts.release = release && !release.draft ? { body: release.body, url: release.url } : null;
    const previous = input.freeze ? deps.revisions.lastAcceptedFreeze(input.releaseId, input.repo) : null;
    if (previous?.commitSha) {
      facts.previous = { revision: previous.revision, version: previous.version, sha: previous.commitSha };
      const comparison = await github.compare(input.repo, previous.commitSha, resolved.sha);
      facts.comparison = comparison;
      const commits = comparison?.commits ?? [];
      const shas = commits.slice(-MAX_PR_LOOKUPS).map((c) => c.sha);
      facts.unlookedCommits = Math.max(0, commits.length - MAX_PR_LOOKUPS);
      const prs = await Promise.all(shas.map((sha) => github.pullRequestsForCommit(input.repo, sha)));
      const unique = new Map(prs.flat().map((pr) => [pr.number, pr]));
      facts.pullRequests = [...unique.values()].sort((a, b) => a.number - b.number);
    }
  }
  return evaluateRevision(facts, rules);
}

/**
 * Why a revision is kept pending validation: GitHub's rate limit (the token's hourly budget) or a
 * secondary limit refused the check, or GitHub was slow, down or not reached.
 */
export type PendingReason = 'rate_limit' | 'secondary_rate_limit' | 'github_slow';

/** The reason a check that failed with `error` (or did not finish in time: undefined) is pending. */
export function pendingReason(error: unknown): PendingReason {
  return error instanceof GitHubUnavailableError && error.limit ? error.limit : 'github_slow';
}

/**
 * When to check again after GitHub could not answer: `fallback` from now, or as long as GitHub
 * asked to wait. GitHub names a moment on the machine's clock; it is turned into a wait so that a
 * clock set elsewhere (KFRELEASE_NOW, the sandbox, tests) neither waits for months nor not at all.
 */
export function retryCheckAt(now: DateTime, error: unknown, fallback: DurationLike): DateTime {
  const hinted = error instanceof GitHubUnavailableError ? error.retryAt : null;
  if (!hinted) return now.plus(fallback);
  return now.plus({ seconds: Math.max(0, Math.ceil(hinted.getTime() / 1000 - wallClockSeconds())) });
}
