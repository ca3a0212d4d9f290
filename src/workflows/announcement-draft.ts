import type { Clock } from '../clock';
import type { ReleaseRow } from '../db/release-repository';
import type { RevisionRow } from '../db/revision-repository';
import type { Store } from '../db/store';
import { renderAnnouncementDraft, type AnnouncedComponent } from '../domain/announcement-text';
import type { ReleaseFeatures } from '../domain/release-notes';
import { summarizeTeam } from '../domain/team';
import { getComponentVersions } from './component-versions';
import { findRelease } from './find-release';
import type { Post } from './notice';
import { currentPlan } from './current-plan';

export interface AnnouncementDraft {
  version: string;
  /** Release day under the latest plan, YYYY-MM-DD; null when the plan has none. */
  releaseDate: string | null;
  components: AnnouncedComponent[];
  missing: number;
  /** How many features landed and were punted. */
  features: { landed: number; punted: number };
  text: string;
}

/** Release day: the final release milestone, else the first day of the Release Day phase. */
export function releaseDateOf(store: Store, release: ReleaseRow): string | null {
  const timeline = store.releases.latestPlan(release) ? currentPlan(store, release).timeline : null;
  return (
    timeline?.milestones.find((m) => m.key === 'release')?.dueOn ??
    timeline?.phases.find((p) => p.key === 'release_day')?.startsOn ??
    null
  );
}

/** The components that ship with their accepted revision, and those still without one. */
export function announcedComponents(
  deps: { store: Store; clock: Clock },
  release: ReleaseRow,
): {
  components: AnnouncedComponent[];
  missing: { component: string; wg: string }[];
  workingGroups: string[];
} {
  const acceptedByRepo = new Map<string, RevisionRow>();
  for (const row of deps.store.revisions.forRelease(release.id)) {
    if (row.status === 'accepted') acceptedByRepo.set(`${row.wg}:${row.repo}`, row);
  }
  const versions = getComponentVersions(deps, release.version);
  const components: AnnouncedComponent[] = [];
  const missing: { component: string; wg: string }[] = [];
  for (const group of versions.groups) {
    for (const c of group.components) {
      // Not shipping this cycle: neither announced nor missing.
      if (c.notShipping) continue;
      const row = acceptedByRepo.get(`${group.wg}:${c.repo}`);
      if (!c.accepted || !row) {
        missing.push({ component: c.component, wg: group.wg });
        continue;
      }
      components.push({
        component: c.component,
        wg: group.wg,
        repo: c.repo,
        revision: row.revision,
        version: row.version,
        kind: row.kind,
        releaseUrl: row.review?.releaseUrl ?? null,
      });
    }
  }
  return { components, missing, workingGroups: versions.groups.map((g) => g.wg) };
}

/** The landed and punted features of a release, for its announcement and notes. */
export function releaseFeatures(store: Store, release: ReleaseRow): ReleaseFeatures {
  const features = store.features.forRelease(release.id);
  return {
    landed: features.filter((f) => f.state === 'landed'),
    punted: features.filter((f) => f.state === 'punted'),
    workingGroups: store.workingGroups.list().map((g) => g.name),
  };
}

function buildDraft(deps: { store: Store; clock: Clock }, release: ReleaseRow): AnnouncementDraft {
  const { store } = deps;
  const { components, missing, workingGroups } = announcedComponents(deps, release);
  const team = summarizeTeam(store.team.assignments(release.id), workingGroups);
  const releaseDate = releaseDateOf(store, release);
  const features = releaseFeatures(store, release);
  const text = renderAnnouncementDraft({
    version: release.version,
    releaseDate: releaseDate ?? '[release date]',
    components,
    missing,
    releaseManagers: team.releaseManagers.map((p) => p.name),
    features,
  });
  return {
    version: release.version,
    releaseDate,
    components,
    missing: missing.length,
    features: { landed: features.landed.length, punted: features.punted.length },
    text,
  };
}

/** The draft release announcement of the named (or current) release, for the product manager to edit. */
export function getAnnouncementDraft(
  deps: { store: Store; clock: Clock },
  version?: string,
): AnnouncementDraft {
  return buildDraft(deps, findRelease(deps, version));
}

/**
 * On release day (`today`, YYYY-MM-DD in the release's zone), the draft announcement as a direct
 * message to each product manager (to the release managers when no product manager has a Slack
 * ID). Any other day: nothing. One key per person and release: sent once, however often called.
 */
export function announcementDraftPosts(
  deps: { store: Store; clock: Clock },
  release: ReleaseRow,
  today: string,
): Post[] {
  if (releaseDateOf(deps.store, release) !== today) return [];
  const team = summarizeTeam(deps.store.team.assignments(release.id), []);
  const ids = (people: { slackId: string | null }[]) => people.flatMap((p) => (p.slackId ? [p.slackId] : []));
  const productManagers = ids(team.productManagers);
  const recipients = productManagers.length > 0 ? productManagers : ids(team.releaseManagers);
  const draft = buildDraft(deps, release);
  return [...new Set(recipients)].map((userId) => ({
    key: `announcement-draft:${release.id}:${userId}`,
    channel: userId,
    notice: { kind: 'announcement_draft' as const, draft, asReleaseManager: productManagers.length === 0 },
  }));
}
