import type { Clock } from '../clock';
import type { RevisionVerdict } from '../domain/revision-policy';
import type { ReleaseRow } from '../db/release-repository';
import type { RevisionOutcome } from '../db/revision-repository';
import type { Store } from '../db/store';
import { enqueuePosts } from './enqueue-posts';
import { revisionNotices, type RevisionEvent } from './revision-notices';

/** How a verdict is stored. */
export function outcomeOf(verdict: RevisionVerdict): RevisionOutcome {
  if (verdict.outcome === 'refused') {
    return {
      status: 'rejected',
      kind: null,
      commitSha: null,
      version: null,
      warnings: [],
      review: null,
      lastError: verdict.problem,
    };
  }
  return {
    status: verdict.outcome,
    kind: verdict.kind,
    commitSha: verdict.sha,
    version: verdict.version,
    warnings: verdict.warnings,
    review: verdict.review,
    lastError: null,
  };
}

export function eventOf(status: RevisionOutcome['status']): RevisionEvent {
  return status === 'needs_exception' ? 'held' : status === 'rejected' ? 'rejected' : 'accepted';
}

/**
 * Records the verdict on a revision that was waiting for GitHub, with its notifications and an
 * audit entry, in one transaction. Does nothing when another run already decided it.
 */
export function recordLateVerdict(
  deps: { store: Store; clock: Clock },
  release: ReleaseRow,
  revisionId: number,
  verdict: RevisionVerdict,
): boolean {
  const { store, clock } = deps;
  const now = clock.now().toISO() ?? '';
  const outcome = outcomeOf(verdict);
  return store.transaction(() => {
    if (!store.revisions.complete(revisionId, outcome, now)) return false;
    const row = store.revisions.byId(revisionId);
    if (!row) return false;
    store.audit.record({
      at: now,
      actor: 'kfrelease',
      releaseId: release.id,
      action: `revision.${outcome.status}`,
      details: {
        id: row.id,
        wg: row.wg,
        repo: row.repo,
        revision: row.revision,
        after: 'pending_validation',
      },
    });
    enqueuePosts(store, release.id, revisionNotices(store, release, row, eventOf(outcome.status), true), now);
    return true;
  });
}
