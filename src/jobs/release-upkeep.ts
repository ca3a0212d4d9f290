import type { AppServices } from '../app-services';
import { announcementDraftPosts } from '../workflows/announcement-draft';
import { rcCheckDeps, refreshRcTags } from '../workflows/check-rc-tags';
import { closeFinishedReleases } from '../workflows/close-finished-releases';
import { docsReminders } from '../workflows/docs-tracking';
import { enqueuePosts } from '../workflows/enqueue-posts';
import { syncBlockers } from '../workflows/sync-blockers';
import { syncFeatures } from '../workflows/sync-features';
import { syncManifestsPulls } from '../workflows/sync-manifests-pulls';
import { syncTrackingIssue } from '../workflows/tracking-issue';

/** How often the release's view of GitHub is refreshed and the daily notices are considered. */
export const UPKEEP_INTERVAL_MS = 10 * 60_000;
/** Batches of 100 issues per sync run: at most 2,000 issues, a few rate-limit points. */
const SYNC_BATCHES = 20;
/** Daily notices go out in working hours of the release's zone, never at night. */
const WORKING_HOURS = { from: 9, to: 18 };

/**
 * Keeps each active release fresh, one run at a time: marks released those whose cycle is over,
 * then refreshes the tracked blocking issues and the manifests sync pull requests (one batched
 * GraphQL query per 100), the features not landed yet (landing those whose pull request merged), the
 * release branch and RC tags, the GitHub tracking issue (only written when its body changed), and
 * the notices whose keys make them once-only (the weekly docs reminder, the release-day
 * announcement draft). Failures are logged and retried next run.
 */
export function startReleaseUpkeep(services: AppServices, intervalMs = UPKEEP_INTERVAL_MS) {
  const logger = services.logger.child({ component: 'upkeep' });
  const safely = async (what: string, work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (error) {
      logger.warn({ err: error, what }, 'upkeep step failed; retrying next run');
    }
  };
  const runOnce = async () => {
    await safely('closing finished releases', async () => {
      const closed = closeFinishedReleases(services);
      if (closed.length > 0) logger.info({ closed }, 'release cycles over: marked released');
    });
    await safely('blocker sync', async () => {
      if ((await syncBlockers(services, { limitBatches: SYNC_BATCHES })).changed > 0) services.deliverSoon();
    });
    await safely('feature sync', async () => {
      if ((await syncFeatures(services)).landed > 0) services.deliverSoon();
    });
    await safely('manifests pull request sync', async () => {
      if ((await syncManifestsPulls(services)).changed > 0) services.deliverSoon();
    });
    for (const release of services.store.releases.list().filter((r) => r.status === 'live')) {
      await safely(
        'rc tags',
        () => refreshRcTags(rcCheckDeps(services), release, intervalMs / 1000 - 30) ?? Promise.resolve(),
      );
      await safely('tracking issue', () => syncTrackingIssue(services, release));
      const local = services.clock.now().setZone(release.timeZone);
      if (local.hour < WORKING_HOURS.from || local.hour >= WORKING_HOURS.to) continue;
      const today = local.toISODate() ?? '';
      const posts = [
        ...docsReminders(services, release, today),
        ...announcementDraftPosts(services, release, today),
      ];
      if (posts.length === 0) continue;
      services.store.transaction(() =>
        enqueuePosts(services.store, release.id, posts, services.clock.now().toISO() ?? ''),
      );
      services.deliverSoon();
    }
  };
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = running
      .then(runOnce)
      .catch((error: unknown) => logger.error({ err: error }, 'upkeep run failed'));
    return running;
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    tick,
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
