import { DateTime } from 'luxon';
import type { AppServices } from '../app-services';
import type { Clock } from '../clock';
import type { ReleaseArtifactRow } from '../db/rc-tag-repository';
import type { ReleaseRow } from '../db/release-repository';
import type { Store } from '../db/store';
import { chooseReleaseTags, latestRc, rcTagPrefixes } from '../domain/rc-tags';
import { signoffsToRetest, type Signoff } from '../domain/signoff-standings';
import { parseVersion, type ParsedVersion } from '../domain/version';
import { GitHubUnavailableError, type RefLookups } from '../github/github-client';
import type { Logger } from '../logger';
import { enqueuePosts } from './enqueue-posts';
import type { Post } from './notice';

export interface RcCheckDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  refs: RefLookups;
  /** owner/name of the repository the release branch and RC tags are cut in (config/kubeflow.yml). */
  manifestsRepo: string;
  /** Called when the check queued Slack posts. */
  deliverSoon(): void;
}

export interface RcCheckResult {
  repo: string;
  /** Artifacts this check found for the first time. */
  found: ReleaseArtifactRow[];
  /** Sign-offs a newer RC sent back to pending; their representatives were asked to re-test. */
  retest: Signoff[];
}

/** How old the last check may be before `/kfrelease rcs` looks at GitHub again. */
export const STALE_CHECK_SECONDS = 120;

type Candidate = Omit<ReleaseArtifactRow, 'id' | 'releaseId' | 'commitDate' | 'firstSeenAt'>;

/** The branch and the tags of this release that are not recorded yet, as GitHub has them now. */
async function lookForNew(
  deps: RcCheckDeps,
  version: ParsedVersion,
  planned: Map<string, string | null>,
  known: Set<string>,
): Promise<Candidate[]> {
  const { refs, manifestsRepo: repo } = deps;
  const branchName = planned.get('release_branch') ?? null;
  const [lists, branch] = await Promise.all([
    Promise.all(rcTagPrefixes(version).map((prefix) => refs.listTags(repo, prefix))),
    branchName && !known.has('release_branch') ? refs.getBranch(repo, branchName) : null,
  ]);
  const tags = [...new Map(lists.flat().map((tag) => [tag.name, tag])).values()];
  const candidates: Candidate[] = [];
  if (branch && branchName) {
    const note = branch.name === branchName ? null : `Found as "${branch.name}", read as ${branchName}.`;
    candidates.push({
      milestone: 'release_branch',
      kind: 'branch',
      rc: null,
      name: branch.name,
      normalized: branchName,
      commitSha: branch.sha,
      note,
    });
  }
  for (const match of chooseReleaseTags(tags, version, planned).values()) {
    if (known.has(match.key)) continue;
    const { key, rc, name, normalized, note, tag } = match;
    candidates.push({ milestone: key, kind: 'tag', rc, name, normalized, commitSha: tag.sha, note });
  }
  return candidates;
}

/**
 * Looks for a release's branch and tags in the manifests repository and records what is new:
 * 1. the plan says which branch and tag names to expect;
 * 2. GitHub lists the tags under the version's prefixes (v1.10, 1.10) and the release branch;
 * 3. the tags of this release are picked out, odd spellings noted, new ones dated by their commit;
 * 4. in one transaction: new artifacts saved, the check recorded, the release channel told once,
 *    and the representatives of distributions a newer RC sent back to pending asked to re-test.
 * A GitHub failure is recorded on the check and thrown again.
 */
export async function checkRcTags(deps: RcCheckDeps, release: ReleaseRow): Promise<RcCheckResult> {
  const { store, clock, manifestsRepo: repo } = deps;
  const plan = store.releases.latestPlan(release);
  const parsed = parseVersion(release.version);
  if (!plan || !parsed.ok) throw new Error(`release ${release.version} has no plan or no valid version`);
  const planned = new Map(plan.timeline.milestones.map((m) => [m.key as string, m.artifact]));
  const known = new Set(store.rcTags.forRelease(release.id).map((row) => row.milestone));

  let candidates: Candidate[];
  let dates: (string | null)[];
  try {
    candidates = await lookForNew(deps, parsed.version, planned, known);
    dates = await Promise.all(candidates.map((c) => deps.refs.commitDate(repo, c.commitSha)));
  } catch (error) {
    const at = clock.now().toUTC().toISO() ?? '';
    const message = error instanceof Error ? error.message : String(error);
    store.rcTags.recordCheck({ releaseId: release.id, repo, at, error: message });
    throw error;
  }

  const at = clock.now().toUTC().toISO() ?? '';
  const result = store.transaction((): RcCheckResult => {
    const previous = store.rcTags.latestRc(release.id);
    const inserted = new Set(
      candidates
        .filter((c, i) =>
          store.rcTags.insert({ ...c, releaseId: release.id, commitDate: dates[i] ?? null, firstSeenAt: at }),
        )
        .map((c) => c.milestone),
    );
    const found = store.rcTags.forRelease(release.id).filter((row) => inserted.has(row.milestone));
    store.rcTags.recordCheck({ releaseId: release.id, repo, at, error: null });
    const newest = latestRc(found);
    const retest =
      newest && (previous === null || newest.rc > (previous.rc ?? -1))
        ? signoffsToRetest(store.signoffs.forRelease(release.id), newest.rc)
        : [];
    for (const row of found) {
      store.audit.record({
        at,
        actor: 'kfrelease',
        releaseId: release.id,
        action: 'artifact.found',
        details: { milestone: row.milestone, name: row.name, commit: row.commitSha, note: row.note },
      });
    }
    const newestTag = newest?.normalized ?? '';
    enqueuePosts(store, release.id, artifactNotices(store, release, { repo, found, retest, newestTag }), at);
    return { repo, found, retest };
  });
  if (result.found.length > 0) {
    deps.logger.info({ release: release.version, found: result.found.map((r) => r.name) }, 'artifacts found');
    deps.deliverSoon();
  }
  return result;
}

/**
 * New artifacts are announced in the release channel once (the outbox key names them); each
 * representative of a distribution sent back to pending hears "re-test on rc.N" directly.
 */
function artifactNotices(
  store: Store,
  release: ReleaseRow,
  change: { repo: string; found: ReleaseArtifactRow[]; retest: Signoff[]; newestTag: string },
): Post[] {
  const posts: Post[] = [];
  const keys = change.found.map((row) => row.milestone).sort();
  if (release.slackChannel && keys.length > 0) {
    posts.push({
      key: `artifacts-found:${release.id}:${keys.join(',')}`,
      channel: release.slackChannel,
      notice: {
        kind: 'artifacts_found',
        version: release.version,
        repo: change.repo,
        found: change.found,
        retest: change.retest.map((s) => s.distribution),
      },
    });
  }
  const reps = store.team.assignments(release.id).filter((a) => a.role === 'distribution_rep' && a.slackId);
  for (const earlier of change.retest) {
    for (const rep of reps.filter((a) => a.distribution === earlier.distribution)) {
      posts.push({
        key: `signoff-retest:${release.id}:${change.newestTag}:${earlier.distribution}:${rep.slackId}`,
        channel: rep.slackId as string,
        notice: { kind: 'signoff_retest', version: release.version, earlier, newTag: change.newestTag },
      });
    }
  }
  return posts;
}

const running = new WeakMap<Store, Map<number, Promise<RcCheckResult | null>>>();

/**
 * Starts a check in the background unless one is running or the last one is younger than
 * `maxAgeSeconds`. Answers the running check (it never rejects: failures are logged and recorded
 * on the check), or null when the last check is recent enough.
 */
export function refreshRcTags(
  deps: RcCheckDeps,
  release: ReleaseRow,
  maxAgeSeconds: number,
): Promise<RcCheckResult | null> | null {
  const checks = running.get(deps.store) ?? new Map<number, Promise<RcCheckResult | null>>();
  running.set(deps.store, checks);
  const existing = checks.get(release.id);
  if (existing) return existing;
  const last = deps.store.rcTags.lastCheck(release.id);
  const threshold = deps.clock.now().minus({ seconds: maxAgeSeconds });
  if (last && DateTime.fromISO(last.checkedAt) > threshold) return null;
  const check = checkRcTags(deps, release)
    .catch((error: unknown) => {
      const outage = error instanceof GitHubUnavailableError;
      deps.logger[outage ? 'warn' : 'error']({ err: error, release: release.version }, 'RC tag check failed');
      return null;
    })
    .finally(() => checks.delete(release.id));
  checks.set(release.id, check);
  return check;
}

/** The check's dependencies from the app's: its GitHub client's ref lookups and the manifests repository. */
export function rcCheckDeps(services: AppServices): RcCheckDeps {
  return {
    store: services.store,
    clock: services.clock,
    logger: services.logger,
    refs: services.github,
    manifestsRepo: services.manifestsRepo,
    deliverSoon: () => services.deliverSoon(),
  };
}
