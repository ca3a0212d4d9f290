import type { Clock } from '../clock';
import type { BlockerRow } from '../db/blocker-repository';
import type { ReleaseRow } from '../db/release-repository';
import type { Store } from '../db/store';
import {
  checkTriage,
  DECISION_LABELS,
  TRIAGE_ACTIONS,
  triageRight,
  type TriageAction,
} from '../domain/blocker-triage';
import { parseIssueReference } from '../domain/issue-reference';
import { UserError, type UserErrorCode } from '../errors';
import { authorityOf, liaisonIds, refuse, releaseManagerIds } from './authority';
import { blockerDecisionNotices } from './blocker-notices';
import { requireLive } from './release-lifecycle';
import { findRelease } from './find-release';
import { enqueuePosts } from './enqueue-posts';
import { join, md, user, type Mrkdwn } from '../text/mrkdwn';

export interface TriageDeps {
  store: Store;
  clock: Clock;
  admins: string[];
}

/** A tracked issue named by its id (buttons) or by its reference in a release (commands). */
export type BlockerTarget = { id: number } | { ref: string; version?: string };

/** A refused decision, with the form field it belongs next to. */
export class TriageRefusal extends UserError {
  constructor(
    code: UserErrorCode,
    message: Mrkdwn,
    readonly field: 'decision' | 'reason',
  ) {
    super(code, message);
  }
}

export function findBlocker(
  deps: { store: Store; clock: Clock },
  target: BlockerTarget,
): { release: ReleaseRow; blocker: BlockerRow } {
  if ('id' in target) {
    const blocker = deps.store.blockers.byId(target.id);
    const release = blocker && deps.store.releases.findById(blocker.releaseId);
    if (!blocker || !release) throw new UserError('not_found', md`That issue is no longer tracked.`);
    return { release, blocker };
  }
  const parsed = parseIssueReference(target.ref);
  if (!parsed.ok)
    throw new UserError(
      'bad_argument',
      md`"${target.ref}": ${parsed.problem}`,
      md`Example: \`kubeflow/pipelines#1234\`.`,
    );
  const release = findRelease(deps, target.version);
  const blocker = deps.store.blockers.byRef(release.id, parsed.ref);
  if (!blocker) {
    const { owner, repo, number } = parsed.ref;
    throw new UserError(
      'not_found',
      md`${owner}/${repo}#${number} is not tracked for Kubeflow ${release.version}.`,
      md`Report it first with \`/kfrelease block\`; \`/kfrelease blockers\` lists what is tracked.`,
    );
  }
  return { release, blocker };
}

/**
 * Refuses unless `userId` may take `action` on the issue, naming who may; `what` is what the
 * refusal says they tried (the Triage… button opens the form before any decision is chosen).
 */
export function assertMayTriage(
  deps: TriageDeps,
  release: ReleaseRow,
  blocker: BlockerRow,
  userId: string,
  action: TriageAction,
  what = TRIAGE_ACTIONS[action].what,
): void {
  const right = triageRight(authorityOf(deps, release, userId), blocker, action);
  if (right === 'allowed') return;
  const mentions = (ids: string[]) => (ids.length ? md` (${join(ids.map(user))})` : md``);
  const managers = md`the release manager of ${release.version}${mentions(releaseManagerIds(deps.store, release.id))}`;
  if (right === 'needs_release_manager')
    refuse(`${what} once it is release-blocking`, md`${managers} or an admin`);
  refuse(
    `${what} for ${blocker.wg}`,
    md`${managers}, the ${blocker.wg} liaisons${mentions(liaisonIds(deps.store, release.id, blocker.wg))} or an admin`,
  );
}

/**
 * The release manager's or a liaison's call on a tracked issue (Feature Freeze: identify bugs at
 * risk, fix or punt them; distribution testing: decide what is release-blocking). Saved with its
 * audit entry and the release channel's post in one transaction.
 */
export function triageBlocker(
  deps: TriageDeps,
  input: { target: BlockerTarget; userId: string; action: TriageAction; reason?: string },
): { release: ReleaseRow; blocker: BlockerRow } {
  const { store } = deps;
  const { release, blocker } = findBlocker(deps, input.target);
  requireLive(release);
  assertMayTriage(deps, release, blocker, input.userId, input.action);
  const check = checkTriage(blocker, input.action, input.reason);
  if (!check.ok) throw new TriageRefusal('bad_argument', md`${check.problem}`, check.field);
  const at = deps.clock.now().toUTC().toISO() ?? '';
  return store.transaction(() => {
    const decided = store.blockers.decide(blocker.id, blocker.decision, {
      decision: check.decision,
      reason: check.reason,
      by: input.userId,
      at,
    });
    const row = store.blockers.byId(blocker.id);
    if (!decided || !row) {
      throw new TriageRefusal(
        'conflict',
        md`Someone decided first: it is now ${DECISION_LABELS[row?.decision ?? 'none']}${row?.decidedBy ? md` (by ${user(row.decidedBy)})` : ''}.`,
        'decision',
      );
    }
    store.audit.record({
      at,
      actor: input.userId,
      releaseId: release.id,
      action: `blocker.${check.decision}`,
      details: {
        id: row.id,
        wg: row.wg,
        issue: `${row.owner}/${row.repo}#${row.number}`,
        from: blocker.decision,
        reason: check.reason,
      },
    });
    enqueuePosts(store, release.id, blockerDecisionNotices(release, row), at);
    return { release, blocker: row };
  });
}
