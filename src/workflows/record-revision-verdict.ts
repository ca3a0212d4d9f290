import type { Clock } from '../clock';
import { acceptedAnyway, type RevisionVerdict } from '../domain/revision-policy';
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

/** The audit action of the release manager accepting a revision whatever the rules say. */
export const ACCEPTED_BY_MANAGER = 'revision.accepted_by_manager';

/**
 * Who accepted revision `revisionId` before it was checked, and why, or null: the decision is
 * recorded once, in the audit log (and so the decision log), when the release manager takes it.
 */
export function managerAcceptance(
  store: Store,
  releaseId: number,
  revisionId: number,
): { by: string; reason: string } | null {
  const entry = store.audit
    .forRelease(releaseId)
    .find((e) => e.action === ACCEPTED_BY_MANAGER && e.details.id === revisionId);
  if (!entry) return null;
  return { by: entry.actor, reason: typeof entry.details.reason === 'string' ? entry.details.reason : '' };
}

/**
 * Records the verdict on a revision that was waiting for GitHub, with its notifications and an
 * audit entry, in one transaction. A revision the release manager accepted beforehand is
 * accepted whatever the rules say (unless GitHub does not have it), as their exception.
 * Does nothing when another run already decided it.
 */
export function recordLateVerdict(
  deps: { store: Store; clock: Clock },
  release: ReleaseRow,
  revisionId: number,
  verdict: RevisionVerdict,
): boolean {
  const { store, clock } = deps;
  const now = clock.now().toISO() ?? '';
  const acceptance = managerAcceptance(store, release.id, revisionId);
  const outcome = outcomeOf(acceptance ? acceptedAnyway(verdict) : verdict);
  const overruled = acceptance !== null && outcome.status === 'accepted';
  return store.transaction(() => {
    // An exception is held, then granted: the row says who accepted it and why, as an approval does.
    const stored = overruled ? { ...outcome, status: 'needs_exception' as const } : outcome;
    if (!store.revisions.complete(revisionId, stored, now)) return false;
    if (overruled && !store.revisions.decide(revisionId, 'accepted', acceptance.by, now, acceptance.reason))
      return false;
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
