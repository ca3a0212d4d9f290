import type { Clock } from '../clock';
import type { Store } from '../db/store';
import { UserError } from '../errors';
import { authorityOf, refuse } from './authority';
import { enqueuePosts, revisionNotices } from './revision-notices';

/**
 * The release manager's authority to deny component version upgrades: a held revision is approved
 * (accepted as an exception) or denied with a reason. Only the release manager or an admin may.
 */
export function decideRevision(
  deps: { store: Store; clock: Clock; admins: string[] },
  input: { revisionId: number; userId: string; decision: 'approve' | 'deny'; reason?: string },
) {
  const { store, clock } = deps;
  const row = store.revisions.byId(input.revisionId);
  if (!row) throw new UserError('not_found', `There is no revision ${input.revisionId}.`);
  const release = store.releases.list().find((r) => r.id === row.releaseId);
  if (!release)
    throw new UserError('not_found', `The release of revision ${input.revisionId} no longer exists.`);
  if (!authorityOf(deps, release, input.userId).steers) {
    refuse(`${input.decision} a held revision`, `the release manager of ${release.version} or an admin`);
  }
  const reason = input.reason?.trim() ?? '';
  if (input.decision === 'deny' && reason.length < 3) {
    throw new UserError(
      'bad_argument',
      'Say why the revision is denied: the working group reads it.',
      'Write a sentence, e.g. "Minor bump after the freeze: ship v1.9.1 instead".',
    );
  }
  if (reason.length > 1000) throw new UserError('bad_argument', 'Keep the reason under 1,000 characters.');
  const now = clock.now().toISO() ?? '';
  const status = input.decision === 'approve' ? 'accepted' : 'denied';
  return store.transaction(() => {
    if (!store.revisions.decide(row.id, status, input.userId, now, reason || null)) {
      const current = store.revisions.byId(row.id);
      throw new UserError(
        'conflict',
        `This revision is no longer waiting for a decision (it is ${current?.status.replace('_', ' ') ?? 'gone'}${current?.decidedBy ? `, decided by <@${current.decidedBy}>` : ''}).`,
      );
    }
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
