import type { ReleaseRow } from '../db/release-repository';
import type { Store } from '../db/store';
import type { Occurrence } from '../domain/due-occurrences';
import { featuresByWg, isOpenFeatureState, type Feature } from '../domain/features';
import { releaseManagerIds } from './authority';
import type { Notice, Post } from './notice';

/** Who turns features at risk at the start of Feature Freeze, in the audit log and the rows. */
const SCHEDULER = 'kfrelease';

/** Features not landed or punted, by working group: what Feature Freeze has to decide. */
export function undecidedByWg(store: Store, release: ReleaseRow): { wg: string; features: Feature[] }[] {
  const open = store.features.forRelease(release.id).filter((f) => isOpenFeatureState(f.state));
  return featuresByWg(
    open.map((f) => ({ ...f, state: 'at_risk' as const })),
    store.workingGroups.list().map((g) => g.name),
  );
}

/**
 * On the first morning of Feature Freeze, each release manager gets one message listing the
 * features not landed, per working group, with punt and keep buttons (the release channel when no
 * release manager has a Slack ID). Nothing when every feature landed or was punted. Reads only:
 * turnFeaturesAtRisk makes the change, in the same transaction.
 */
export function featureFreezePosts(store: Store, release: ReleaseRow, occurrence: Occurrence): Post[] {
  const groups = undecidedByWg(store, release);
  if (groups.length === 0) return [];
  const notice: Notice = { kind: 'features_at_risk', version: release.version, groups };
  const managers = releaseManagerIds(store, release.id);
  if (managers.length === 0)
    return release.slackChannel ? [{ key: occurrence.key, channel: release.slackChannel, notice }] : [];
  return managers.map((id) => ({ key: `${occurrence.key}:${id}`, channel: id, notice }));
}

/** Every tracked feature of the release turns at risk, audited once with how many did. */
export function turnFeaturesAtRisk(store: Store, release: ReleaseRow, at: string): number {
  const turned = store.features.turnAtRisk(release.id, SCHEDULER, at);
  if (turned > 0)
    store.audit.record({
      at,
      actor: SCHEDULER,
      releaseId: release.id,
      action: 'feature.at_risk',
      details: { count: turned, why: 'Feature Freeze started' },
    });
  return turned;
}
