import type { Clock } from '../clock';
import type { Store } from '../db/store';
import { GitHubUnavailableError, type GitHubClient } from '../github/github-client';
import type { Logger } from '../logger';
import { checkRevision, retryCheckAt } from './check-revision';
import { recordLateVerdict } from './record-revision-verdict';

/** Longest wait between two validation attempts of a revision GitHub could not check. */
const MAX_BACKOFF_MINUTES = 30;

/**
 * Validates revisions saved as pending because GitHub was slow or down. Each gets one attempt
 * per run; when GitHub still cannot answer, the next attempt waits longer (or until GitHub says).
 * A pending revision is never dropped.
 */
export async function revalidatePending(
  deps: { store: Store; clock: Clock; github: GitHubClient; logger: Logger },
  options: { limit?: number } = {},
): Promise<{ decided: number; stillPending: number }> {
  const { store, clock, logger } = deps;
  const now = clock.now();
  const due = store.revisions.duePending(now.toISO() ?? '', options.limit ?? 50);
  let decided = 0;
  let stillPending = 0;
  for (const row of due) {
    const release = store.releases.findById(row.releaseId);
    // A closed or cancelled release changes no more: its pending revisions stay as they are.
    if (!release || release.status !== 'live') continue;
    try {
      const verdict = await checkRevision(
        { github: deps.github, revisions: store.revisions },
        { releaseId: row.releaseId, repo: row.repo, revision: row.revision, freeze: row.freeze },
      );
      if (recordLateVerdict(deps, release, row.id, verdict)) decided++;
    } catch (error) {
      // An unexpected error is logged and retried like an outage: a revision is never dropped.
      if (!(error instanceof GitHubUnavailableError))
        logger.error({ err: error, revision: row.id }, 'revision check failed');
      const backoff = Math.min(MAX_BACKOFF_MINUTES, 2 ** row.validationAttempts);
      const next = retryCheckAt(now, error, { minutes: backoff });
      const message = (error as Error).message;
      store.revisions.retryLater(row.id, next.toISO() ?? '', message, now.toISO() ?? '');
      logger.warn(
        { revision: row.id, repo: row.repo, next: next.toISO(), error: message },
        'revision still pending validation',
      );
      stillPending++;
    }
  }
  return { decided, stillPending };
}
