import type { Clock } from '../clock';
import type { ManifestsPullRow } from '../db/manifests-pull-repository';
import type { Store } from '../db/store';
import { issueKey, type IssueLookups, type IssueRef } from '../github/github-client';
import type { Logger } from '../logger';
import { enqueuePosts } from './enqueue-posts';

const refOf = (row: ManifestsPullRow): IssueRef => {
  const [owner = '', repo = ''] = row.manifestsRepo.split('/');
  return { owner, repo, number: row.number ?? 0 };
};

/** Pull requests per lookup: GitHub's 100 nodes per GraphQL query, about one rate-limit point. */
const BATCH = 100;

/**
 * Refreshes the state (open, merged, closed) of the manifests sync pull requests of live releases,
 * with the same batched lookup as the blocking issues, and announces each change in the release
 * channel. Merged ones are final and no longer asked about. Throws GitHub's failures to the caller.
 */
export async function syncManifestsPulls(deps: {
  store: Store;
  clock: Clock;
  logger: Logger;
  github: IssueLookups;
}): Promise<{ checked: number; changed: number }> {
  const { store, clock } = deps;
  const rows = store.manifestsPulls
    .toSync()
    .filter((row) => row.state !== 'merged' && row.writingSince === null);
  let changed = 0;
  for (let start = 0; start < rows.length; start += BATCH) {
    const page = rows.slice(start, start + BATCH);
    const lookup = await deps.github.getIssues(page.map(refOf));
    const at = clock.now().toUTC().toISO() ?? '';
    store.transaction(() => {
      const releases = new Map(store.releases.list().map((r) => [r.id, r]));
      for (const row of page) {
        const info = lookup.issues.get(issueKey(refOf(row)));
        const release = releases.get(row.releaseId);
        if (!info || !release || !store.manifestsPulls.recordState(row, info.state, at)) continue;
        changed += 1;
        const notice = {
          kind: 'manifests_pull_changed' as const,
          version: release.version,
          component: row.component,
          upstreamRepo: row.upstreamRepo,
          revision: row.revision,
          url: row.url ?? info.url,
          number: row.number ?? 0,
          state: info.state,
        };
        const channel = release.slackChannel;
        if (channel)
          enqueuePosts(
            store,
            release.id,
            [
              {
                key: `manifests-pull:${row.releaseId}:${row.component}:${row.number}:${info.state}:${at}`,
                channel,
                notice,
              },
            ],
            at,
          );
      }
    });
  }
  deps.logger.info({ checked: rows.length, changed }, 'manifests pull requests synced');
  return { checked: rows.length, changed };
}
