import type { Clock } from '../clock';
import type { FeatureRow } from '../db/feature-repository';
import type { Store } from '../db/store';
import { docsDone, hasLanded } from '../domain/features';
import { summarizeTeam } from '../domain/team';
import { issueKey, type IssueInfo, type IssueLookups } from '../github/github-client';
import type { Logger } from '../logger';
import { enqueuePosts } from './enqueue-posts';
import type { Post } from './notice';

/** Features per GraphQL query: GitHub's 100 nodes, about one rate-limit point. */
const BATCH = 100;

export interface SyncFeaturesResult {
  requests: number;
  /** Features found landed by this sync. */
  landed: number;
}

/**
 * Part of the GitHub sync of the release upkeep: refreshes the issue or pull request of every
 * feature of a live release that has neither landed nor been punted (100 per GraphQL query), and
 * marks landed those whose pull request merged (or whose tracking issue closed). A feature that
 * lands with its docs not done is flagged to the Docs Lead, once. A GitHub failure is thrown: the
 * upkeep logs it and tries again next run.
 */
export async function syncFeatures(deps: {
  store: Store;
  clock: Clock;
  logger: Logger;
  github: IssueLookups;
}): Promise<SyncFeaturesResult> {
  const { store } = deps;
  const open = store.features.openOfLiveReleases();
  const result: SyncFeaturesResult = { requests: 0, landed: 0 };
  for (let start = 0; start < open.length; start += BATCH) {
    const page = open.slice(start, start + BATCH);
    const lookup = await deps.github.getIssues(
      page.map((f) => ({ owner: f.owner, repo: f.repo, number: f.number })),
    );
    result.requests += lookup.requests;
    const at = deps.clock.now().toUTC().toISO() ?? '';
    store.transaction(() => {
      for (const feature of page) {
        const info = lookup.issues.get(
          issueKey({ owner: feature.owner, repo: feature.repo, number: feature.number }),
        );
        if (info && apply(store, feature, info, at)) result.landed += 1;
      }
    });
  }
  if (open.length > 0)
    deps.logger.child({ job: 'feature-sync' }).info({ ...result, features: open.length }, 'features synced');
  return result;
}

/** Stores GitHub's answer for one feature; true when it landed now. */
function apply(store: Store, feature: FeatureRow, info: IssueInfo, at: string): boolean {
  store.features.applyGitHub(
    feature.id,
    {
      githubTitle: info.title,
      githubState: info.state,
      isPullRequest: info.isPullRequest,
      labels: info.labels,
      url: info.url,
      githubUpdatedAt: info.updatedAt,
    },
    at,
  );
  if (!hasLanded(info) || !store.features.land(feature.id, at)) return false;
  store.audit.record({
    at,
    actor: 'github',
    releaseId: feature.releaseId,
    action: 'feature.landed',
    details: { id: feature.id, wg: feature.wg, title: feature.title, ref: feature.ref },
  });
  const landed = store.features.byId(feature.id);
  if (landed && !docsDone(landed)) flagDocs(store, landed, at);
  return true;
}

/** Tells the Docs Lead (the release manager when none is named) a feature landed without its docs, once. */
export function flagDocs(store: Store, feature: FeatureRow, at: string): void {
  if (!store.features.flagDocs(feature.id, at)) return;
  const release = store.releases.findById(feature.releaseId);
  if (!release) return;
  const team = summarizeTeam(store.team.assignments(release.id), []);
  const leads = [...new Set(team.docsLeads.flatMap((p) => (p.slackId ? [p.slackId] : [])))];
  const targets = leads.length > 0 ? leads : release.slackChannel ? [release.slackChannel] : [];
  const posts: Post[] = targets.map((channel) => ({
    key: `feature-docs:${release.id}:${feature.id}:${channel}`,
    channel,
    notice: { kind: 'feature_docs_missing', version: release.version, feature },
  }));
  enqueuePosts(store, release.id, posts, at);
}
