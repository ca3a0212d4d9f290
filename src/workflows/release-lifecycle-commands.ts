import type { Clock } from '../clock';
import type { ReleaseRow } from '../db/release-repository';
import type { Store } from '../db/store';
import { daysUntil, localDate } from '../domain/timeline';
import { UserError } from '../errors';
import { code, md } from '../text/mrkdwn';
import { actorId, type Actor } from './actor';
import { currentPlan } from './current-plan';
import { announceDecision, requireReleaseManager } from './decision-log';
import { findRelease } from './find-release';
import { requireLive } from './release-lifecycle';

type Deps = { store: Store; clock: Clock; admins: string[] };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function requireSteering(deps: Deps, release: ReleaseRow, actor: Actor, what: string): void {
  if (actor.kind === 'slack') requireReleaseManager(deps, release, actor.userId, what);
}

/** Records a decision in the audit log and the release channel, in the transaction of the change. */
function decide(
  deps: Deps,
  release: ReleaseRow,
  actor: Actor,
  action: string,
  details: Record<string, unknown>,
) {
  const at = deps.clock.now().toUTC().toISO() ?? '';
  const entry = { at, actor: actorId(actor), action, details };
  deps.store.audit.record({ ...entry, releaseId: release.id });
  announceDecision(deps.store, release, entry);
  return at;
}

/**
 * `release shipped`: the release manager records the day the release actually shipped (today by
 * default), when the final tag tells kfrelease nothing or tells it wrong. From then on every view
 * uses that day and shows the slip against the first plan; patch releases can be opened.
 */
export function markShipped(
  deps: Deps,
  input: { version?: string; on?: string; actor: Actor },
): { release: ReleaseRow; on: string; planned: string | null; slipDays: number | null } {
  const release = findRelease(deps, input.version);
  requireLive(release);
  requireSteering(deps, release, input.actor, `record that ${release.version} shipped`);
  const today = localDate(deps.clock.now(), release.timeZone);
  const on = input.on ?? today;
  if (!ISO_DATE.test(on) || Number.isNaN(Date.parse(`${on}T00:00:00Z`))) {
    throw new UserError(
      'bad_argument',
      md`"${on}" is not a date.`,
      md`Write it as YYYY-MM-DD, e.g. ${code(`/kfrelease release shipped ${today}`)}.`,
    );
  }
  if (on > today)
    throw new UserError(
      'bad_argument',
      md`${on} has not come yet: record the day it shipped, today at the latest.`,
    );
  if (on < release.startDate)
    throw new UserError(
      'bad_argument',
      md`${on} is before the cycle of ${release.version} started (${release.startDate}).`,
    );
  const plan = currentPlan(deps.store, release);
  const planned = plan.first.milestones.find((m) => m.key === 'release')?.dueOn ?? null;
  const slipDays = planned ? daysUntil(planned, on) : null;
  deps.store.transaction(() => {
    const at = deps.clock.now().toUTC().toISO() ?? '';
    deps.store.actuals.record({
      releaseId: release.id,
      milestone: 'release',
      doneOn: on,
      source: 'manual',
      ref: null,
      recordedBy: actorId(input.actor),
      recordedAt: at,
    });
    decide(deps, release, input.actor, 'release.shipped', { on, planned, slipDays });
  });
  return { release, on, planned, slipDays };
}

/**
 * `release close`: ends a release's cycle by hand. After release day anyone steering may close it;
 * before, only with a reason (the decision log keeps it). A closed release is read-only.
 */
export function closeRelease(
  deps: Deps,
  input: { version?: string; reason: string; actor: Actor },
): { release: ReleaseRow; early: boolean } {
  const release = findRelease(deps, input.version);
  requireLive(release);
  requireSteering(deps, release, input.actor, `close ${release.version}`);
  const plan = currentPlan(deps.store, release);
  const releaseDay = plan.timeline.milestones.find((m) => m.key === 'release');
  const today = localDate(deps.clock.now(), release.timeZone);
  const early = !releaseDay?.done && (releaseDay?.dueOn ?? today) > today;
  const reason = input.reason.trim();
  if (early && reason.length < 3) {
    throw new UserError(
      'bad_argument',
      md`${release.version} has not shipped yet (release day ${releaseDay?.dueOn ?? 'is not planned'}): say why it is closed before.`,
      md`e.g. ${code(`/kfrelease release close --release ${release.version} folded into the next release`)}; to give it up, ${code(`/kfrelease release cancel ${release.version} <reason>`)}.`,
    );
  }
  const closed = deps.store.transaction(() => {
    const at = decide(deps, release, input.actor, 'release.closed', {
      status: 'closed',
      reason: reason || null,
      early,
    });
    return deps.store.releases.setStatus(release.id, 'live', 'closed', {
      at,
      by: actorId(input.actor),
      reason: reason || null,
    });
  });
  if (!closed) throw new UserError('conflict', md`${release.version} was closed or cancelled meanwhile.`);
  return { release: { ...release, status: 'closed', closeReason: reason || null }, early };
}

/** `release cancel`: gives a release up, with a reason. It stays readable by version. */
export function cancelRelease(
  deps: Deps,
  input: { version: string; reason: string; actor: Actor },
): { release: ReleaseRow } {
  const release = findRelease(deps, input.version);
  requireLive(release);
  requireSteering(deps, release, input.actor, `cancel ${release.version}`);
  const reason = input.reason.trim();
  if (reason.length < 3)
    throw new UserError(
      'bad_argument',
      md`Say why ${release.version} is cancelled: the decision log keeps it.`,
    );
  const cancelled = deps.store.transaction(() => {
    const at = decide(deps, release, input.actor, 'release.cancelled', { status: 'cancelled', reason });
    return deps.store.releases.setStatus(release.id, 'live', 'cancelled', {
      at,
      by: actorId(input.actor),
      reason,
    });
  });
  if (!cancelled) throw new UserError('conflict', md`${release.version} was closed or cancelled meanwhile.`);
  return { release: { ...release, status: 'cancelled', closeReason: reason } };
}
