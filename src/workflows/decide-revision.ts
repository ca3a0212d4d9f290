import type { Clock } from '../clock';
import type { ReleaseRow } from '../db/release-repository';
import type { RevisionRow } from '../db/revision-repository';
import type { Store } from '../db/store';
import { UserError } from '../errors';
import { authorityOf, refuse } from './authority';
import { enqueuePosts } from './enqueue-posts';
import { revisionNotices } from './revision-notices';
import { md, user } from '../text/mrkdwn';
import { requireLive } from './release-lifecycle';

/** A revision waiting for the release manager's decision, and its release. */
export interface HeldRevision {
  row: RevisionRow;
  release: ReleaseRow;
}

/**
 * The held revision `userId` is about to decide on. Refuses anyone but the release manager or an
 * admin, and a revision that is no longer waiting (saying who decided it), before a reason is
 * asked for or anything is written.
 */
export function heldRevisionFor(
  deps: { store: Store; admins: string[] },
  input: { revisionId: number; userId: string; decision: 'approve' | 'deny' },
): HeldRevision {
  const { store } = deps;
  const row = store.revisions.byId(input.revisionId);
  if (!row) throw new UserError('not_found', md`There is no revision ${input.revisionId}.`);
  const release = store.releases.findById(row.releaseId);
  if (!release)
    throw new UserError('not_found', md`The release of revision ${input.revisionId} no longer exists.`);
  requireLive(release);
  if (!authorityOf(deps, release, input.userId).steers) {
    refuse(`${input.decision} a held revision`, `the release manager of ${release.version} or an admin`);
  }
  if (row.status !== 'needs_exception') throw notWaiting(row);
  return { row, release };
}

function notWaiting(row: RevisionRow | null): UserError {
  return new UserError(
    'conflict',
    md`This revision is no longer waiting for a decision (it is ${row?.status.replace('_', ' ') ?? 'gone'}${row?.decidedBy ? md`, decided by ${user(row.decidedBy)}` : ''}).`,
  );
}

/**
 * The release manager's authority to deny component version upgrades: a held revision is approved
 * (accepted as an exception) or denied with a reason. Only the release manager or an admin may.
 */
export function decideRevision(
  deps: { store: Store; clock: Clock; admins: string[] },
  input: { revisionId: number; userId: string; decision: 'approve' | 'deny'; reason?: string },
) {
  const { store, clock } = deps;
  const { row, release } = heldRevisionFor(deps, input);
  const reason = input.reason?.trim() ?? '';
  if (input.decision === 'deny' && reason.length < 3) {
    throw new UserError(
      'bad_argument',
      md`Say why the revision is denied: the working group reads it.`,
      md`Write a sentence, e.g. "Minor bump after the freeze: ship v1.9.1 instead".`,
    );
  }
  if (reason.length > 1000) throw new UserError('bad_argument', md`Keep the reason under 1,000 characters.`);
  const now = clock.now().toISO() ?? '';
  const status = input.decision === 'approve' ? 'accepted' : 'denied';
  return store.transaction(() => {
    // Someone else may have decided between the check above and this write.
    if (!store.revisions.decide(row.id, status, input.userId, now, reason || null))
      throw notWaiting(store.revisions.byId(row.id));
    const decided = store.revisions.byId(row.id);
    if (!decided) throw new Error(`revision ${row.id} vanished`);
    store.audit.record({
      at: now,
      actor: input.userId,
      releaseId: release.id,
      action: `revision.${input.decision === 'approve' ? 'approved' : 'denied'}`,
      details: { id: row.id, wg: row.wg, repo: row.repo, revision: row.revision, reason },
    });
    enqueuePosts(
      store,
      release.id,
      revisionNotices(store, release, decided, input.decision === 'approve' ? 'approved' : 'denied', false),
      now,
    );
    return { release, revision: decided };
  });
}
