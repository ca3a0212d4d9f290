import type { Clock } from '../clock';
import type { FeatureRow } from '../db/feature-repository';
import type { ReleaseRow } from '../db/release-repository';
import type { Store } from '../db/store';
import { FEATURE_STATE_LABELS, puntReasonSchema } from '../domain/features';
import { UserError } from '../errors';
import { code, md, type Mrkdwn } from '../text/mrkdwn';
import { readWholeNumber } from '../text/numbers';
import { authorityOf, refuse } from './authority';
import { announceDecision, requireReleaseManager } from './decision-log';
import { findRelease } from './find-release';
import { requireLive } from './release-lifecycle';

type Deps = { store: Store; clock: Clock; admins: string[] };

/** A feature named by its number (`3` or `#3`), with its release; a clear refusal otherwise. */
export function findFeature(deps: Deps, id: string | number): { feature: FeatureRow; release: ReleaseRow } {
  const read =
    typeof id === 'number'
      ? { ok: true as const, value: id }
      : readWholeNumber(id, 'a feature number', { min: 1, hash: true });
  if (!read.ok)
    throw new UserError(
      'bad_argument',
      md`${read.problem}`,
      md`See the features with ${code('/kfrelease features')}.`,
    );
  const feature = deps.store.features.byId(read.value);
  const release = feature ? deps.store.releases.findById(feature.releaseId) : undefined;
  if (!feature || !release)
    throw new UserError(
      'not_found',
      md`There is no feature #${read.value}.`,
      md`See the features with ${code('/kfrelease features')}.`,
    );
  return { feature, release };
}

/** Punting and keeping are the release manager's call, or the feature's working group's liaison's. */
function requireDecider(
  deps: Deps,
  release: ReleaseRow,
  feature: FeatureRow,
  userId: string,
  what: Mrkdwn,
): void {
  const authority = authorityOf(deps, release, userId);
  if (authority.steers || authority.liaisonOf.includes(feature.wg)) return;
  refuse(what, md`the release manager and ${feature.wg}'s liaison`);
}

export interface FeatureDecision {
  release: ReleaseRow;
  feature: FeatureRow;
  changed: boolean;
}

/** Before the punt form opens: the feature, if this person may punt it and it can still be punted. */
export function preparePunt(
  deps: Deps,
  input: { userId: string; id: string | number },
): { release: ReleaseRow; feature: FeatureRow } {
  const { feature, release } = findFeature(deps, input.id);
  requireLive(release);
  requireDecider(deps, release, feature, input.userId, md`punt feature #${feature.id} (${feature.wg})`);
  if (feature.state === 'landed' || feature.state === 'punted')
    throw new UserError(
      'conflict',
      md`Feature #${feature.id} "${feature.title}" is ${FEATURE_STATE_LABELS[feature.state].toLowerCase()} already.`,
    );
  return { release, feature };
}

/**
 * Moves a feature to the next release, with the reason the next cycle plans from: recorded in the
 * decision log and announced in the release channel. A landed feature cannot be punted.
 */
export function puntFeature(
  deps: Deps,
  input: { userId: string; id: string | number; reason: string },
): FeatureDecision {
  const { feature, release } = findFeature(deps, input.id);
  requireLive(release);
  requireDecider(deps, release, feature, input.userId, md`punt feature #${feature.id} (${feature.wg})`);
  const reason = puntReasonSchema.safeParse(input.reason);
  if (!reason.success)
    throw new UserError('bad_argument', md`${reason.error.issues[0]?.message ?? 'Give a reason.'}`);
  if (feature.state === 'landed')
    throw new UserError(
      'conflict',
      md`Feature #${feature.id} "${feature.title}" has landed: it ships in ${release.version}.`,
    );
  if (feature.state === 'punted') return { release, feature, changed: false };
  const at = deps.clock.now().toUTC().toISO() ?? '';
  deps.store.transaction(() => {
    deps.store.features.setState(feature.id, 'punted', reason.data, input.userId, at);
    const entry = {
      at,
      actor: input.userId,
      action: 'feature.punted',
      details: {
        id: feature.id,
        wg: feature.wg,
        title: feature.title,
        ref: feature.ref,
        from: feature.state,
        reason: reason.data,
      },
    };
    deps.store.audit.record({ ...entry, releaseId: release.id });
    announceDecision(deps.store, release, entry);
  });
  return { release, feature: deps.store.features.byId(feature.id) ?? feature, changed: true };
}

/**
 * Keeps an at-risk feature in the release: it is still expected to land, and the decision log says
 * who decided so. Only an at-risk feature can be kept; keeping it again changes nothing.
 */
export function keepFeature(deps: Deps, input: { userId: string; id: string | number }): FeatureDecision {
  const { feature, release } = findFeature(deps, input.id);
  requireLive(release);
  requireDecider(
    deps,
    release,
    feature,
    input.userId,
    md`keep feature #${feature.id} (${feature.wg}) in the release`,
  );
  if (feature.state !== 'at_risk')
    throw new UserError(
      'conflict',
      md`Feature #${feature.id} "${feature.title}" is ${FEATURE_STATE_LABELS[feature.state].toLowerCase()}, not at risk: there is nothing to keep.`,
    );
  const at = deps.clock.now().toUTC().toISO() ?? '';
  const changed = deps.store.transaction(() => {
    if (!deps.store.features.keep(feature.id, input.userId, at)) return false;
    const entry = {
      at,
      actor: input.userId,
      action: 'feature.kept',
      details: { id: feature.id, wg: feature.wg, title: feature.title, ref: feature.ref },
    };
    deps.store.audit.record({ ...entry, releaseId: release.id });
    announceDecision(deps.store, release, entry);
    return true;
  });
  return { release, feature: deps.store.features.byId(feature.id) ?? feature, changed };
}

/** Whether the public schedule shows the release's landed features (release manager). */
export function setPublicFeatures(
  deps: Deps,
  input: { userId: string; version?: string; shown: boolean },
): { release: ReleaseRow; changed: boolean } {
  const release = findRelease(deps, input.version);
  requireLive(release);
  requireReleaseManager(deps, release, input.userId, 'choose what the public schedule shows');
  const before = deps.store.features.publicLanded(release.id);
  const at = deps.clock.now().toUTC().toISO() ?? '';
  deps.store.transaction(() => {
    deps.store.features.setPublicLanded(release.id, input.shown, input.userId, at);
    if (before !== input.shown)
      deps.store.audit.record({
        at,
        actor: input.userId,
        releaseId: release.id,
        action: 'feature.public_changed',
        details: { shown: input.shown },
      });
  });
  return { release, changed: before !== input.shown };
}
