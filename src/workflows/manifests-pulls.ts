import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock';
import type { ReleaseRow } from '../db/release-repository';
import type { Store } from '../db/store';
import { apologyFor, newErrorId, UserError } from '../errors';
import { GitHubUnavailableError } from '../github/github-client';
import { MANIFESTS_WRITE_SCOPE, ManifestsWriteError, type ManifestsRepo } from '../github/manifests-repo';
import type { Logger } from '../logger';
import { code, md } from '../text/mrkdwn';
import type { ManifestsSyncConfig } from '../working-groups/manifests-sync-schema';
import { authorityOf, refuse } from './authority';
import { enqueuePosts } from './enqueue-posts';
import { findRelease } from './find-release';
import { planManifestsChanges, type ManifestsItem, type PlannedWrite } from './manifests-change';
import { manifestsTargets, type ManifestsTarget } from './manifests-targets';
import { trackManifestsWork } from './manifests-work';
import { requireLive } from './release-lifecycle';

export type ManifestsMode = 'preview' | 'dry_run' | 'write';

type Deps = {
  store: Store;
  clock: Clock;
  logger: Logger;
  admins: string[];
  manifestsRepo: string;
  manifestsSync: { config: ManifestsSyncConfig; repo: ManifestsRepo; canWrite: boolean };
  deliverSoon(): void;
};

/** A write that started this long ago and never finished (the process died) may be started again. */
const STALE_CLAIM_MINUTES = 10;

/** The release manager (shadows too), the release team's WG liaisons, and admins. */
function requireOpener(deps: Deps, release: ReleaseRow, userId: string): void {
  if (authorityOf(deps, release, userId).steers) return;
  const roles = deps.store.team.rolesOf(release.id, userId);
  if (roles.some((r) => r.role === 'release_manager' || r.role === 'team_member')) return;
  refuse(
    `open the manifests pull requests of ${release.version}`,
    'the release manager, a release team member (WG liaison) or an admin',
  );
}

/** What a person is told when the work in the background failed as a whole. */
function failureText(error: unknown, logger: Logger, context: Record<string, unknown>): string {
  if (error instanceof ManifestsWriteError) return error.message;
  if (error instanceof GitHubUnavailableError)
    return `GitHub could not answer (${error.message}). Try again in a few minutes.`;
  const errorId = newErrorId();
  logger.error({ err: error, errorId, ...context }, 'manifests pull requests failed');
  return apologyFor(errorId);
}

export interface ManifestsStarted {
  release: ReleaseRow;
  repo: string;
  mode: ManifestsMode;
  components: string[];
  /** Settles when the work in the background is over; never rejects. */
  done: Promise<void>;
}

/**
 * `/kfrelease manifests preview [component]` and `manifests pr ... --dry-run`: reads the manifests
 * repository in the background and sends the requester the diff each component's accepted
 * revision asks for, and whether its pull request would be opened or updated. Writes nothing.
 */
export function startManifestsPreview(
  deps: Deps,
  input: { userId: string; version?: string; component?: string; mode: 'preview' | 'dry_run' },
): ManifestsStarted {
  const release = findRelease(deps, input.version);
  const targets = manifestsTargets(deps, release, input.component);
  const done = run(deps, release, input.userId, input.mode, targets, async () => {
    const plan = await planManifestsChanges(deps, release, targets);
    return { base: plan.base, items: plan.items };
  });
  return {
    release,
    repo: deps.manifestsRepo,
    mode: input.mode,
    components: targets.map((t) => t.component),
    done,
  };
}

/**
 * `/kfrelease manifests pr [component|all]`: for each component with an accepted revision, writes
 * the change on kfrelease/<release>/<component> and opens its pull request, or updates the open
 * one. Checks who asks and the token at once; the requester hears how each component went.
 */
export function startManifestsPulls(
  deps: Deps,
  input: { userId: string; version?: string; component?: string },
): ManifestsStarted {
  const release = findRelease(deps, input.version);
  requireLive(release);
  requireOpener(deps, release, input.userId);
  const repo = deps.manifestsRepo;
  requireManifestsToken(deps);
  const targets = manifestsTargets(deps, release, input.component);
  const done = run(deps, release, input.userId, 'write', targets, () =>
    writeManifestsPulls(deps, release, targets, input.userId),
  );
  return { release, repo, mode: 'write', components: targets.map((t) => t.component), done };
}

/**
 * Plans each component's change and writes those that need it, one after the other; a
 * component's failure is its own. `by` is who asked, as the audit log names them. Throws only
 * when the manifests repository cannot be read at all.
 */
export async function writeManifestsPulls(
  deps: Deps,
  release: ReleaseRow,
  targets: ManifestsTarget[],
  by: string,
): Promise<{ base: string; items: ManifestsItem[] }> {
  const plan = await planManifestsChanges(deps, release, targets);
  const items: ManifestsItem[] = [];
  for (const item of plan.items) {
    const write = plan.writes.get(item.component);
    items.push(write ? await writeOne(deps, release, by, item, write) : item);
  }
  return { base: plan.base, items };
}

/** The command line's `manifests pr`: the operator may always; a token is still needed. */
export function requireManifestsToken(deps: Pick<Deps, 'manifestsRepo' | 'manifestsSync'>): void {
  if (deps.manifestsSync.canWrite) return;
  throw new UserError(
    'forbidden',
    md`kfrelease has no GitHub token, so it cannot open pull requests in ${deps.manifestsRepo}.`,
    md`Whoever runs kfrelease sets GITHUB_TOKEN; ${MANIFESTS_WRITE_SCOPE}. Until then ${code('/kfrelease manifests preview')} shows the change to make by hand.`,
  );
}

/** Runs the work and sends its outcome to the requester; `done` never rejects. */
function run(
  deps: Deps,
  release: ReleaseRow,
  userId: string,
  mode: ManifestsMode,
  targets: ManifestsTarget[],
  work: () => Promise<{ base: string; items: ManifestsItem[] }>,
): Promise<void> {
  // One message per request: asking twice in the same second is still two answers.
  const key = `manifests:${mode}:${release.id}:${userId}:${targets.map((t) => t.component).join(',')}:${randomUUID()}`;
  const repo = deps.manifestsRepo;
  const tell = (outcome: { base: string | null; items: ManifestsItem[]; failure: string | null }) => {
    const now = deps.clock.now().toUTC().toISO() ?? '';
    const notice = { kind: 'manifests_pulls' as const, version: release.version, mode, repo, ...outcome };
    deps.store.transaction(() =>
      enqueuePosts(deps.store, release.id, [{ key, channel: userId, notice }], now),
    );
    deps.deliverSoon();
  };
  return trackManifestsWork(
    work()
      .then(
        ({ base, items }) => tell({ base, items, failure: null }),
        (error: unknown) =>
          tell({
            base: null,
            items: [],
            failure: failureText(error, deps.logger, { release: release.version, mode }),
          }),
      )
      .catch((error: unknown) =>
        deps.logger.error({ err: error, release: release.version }, 'manifests outcome not sent'),
      ),
  );
}

/** Writes one component's branch and pull request under a claim; a failure is that component's alone. */
async function writeOne(
  deps: Deps,
  release: ReleaseRow,
  userId: string,
  item: ManifestsItem,
  write: PlannedWrite,
): Promise<ManifestsItem> {
  const { store, clock, logger } = deps;
  const repo = deps.manifestsRepo;
  const client = deps.manifestsSync.repo;
  const now = clock.now().toUTC();
  const at = now.toISO() ?? '';
  const staleBefore = now.minus({ minutes: STALE_CLAIM_MINUTES }).toISO() ?? '';
  const row = { releaseId: release.id, component: item.component, manifestsRepo: repo, branch: item.branch };
  if (!store.transaction(() => store.manifestsPulls.claim(row, at, staleBefore)))
    return { ...item, outcome: 'busy', detail: 'Someone else is writing this pull request right now.' };
  try {
    const headSha = await client.commitToBranch(repo, {
      parent: write.parent,
      files: write.files,
      message: write.message,
      branch: item.branch,
      exists: write.branchExists,
    });
    const pull = write.openPull
      ? await client.updatePull(repo, write.openPull.number, { title: write.title, body: write.body })
      : await client.createPull(repo, {
          title: write.title,
          body: write.body,
          head: item.branch,
          base: write.base,
        });
    if (!write.openPull) await client.addLabels(repo, pull.number, deps.manifestsSync.config.labels);
    const outcome = write.openPull ? 'updated' : 'opened';
    store.transaction(() => {
      store.manifestsPulls.recordWritten(
        {
          ...row,
          upstreamRepo: write.target.upstreamRepo,
          revisionId: write.target.accepted.id,
          revision: write.target.accepted.revision,
          number: pull.number,
          url: pull.url,
          state: pull.state,
          headSha,
          openedBy: userId,
        },
        clock.now().toUTC().toISO() ?? '',
      );
      store.audit.record({
        at,
        actor: userId,
        releaseId: release.id,
        action: `manifests_pull.${outcome}`,
        details: {
          component: item.component,
          revision: write.target.accepted.revision,
          number: pull.number,
          url: pull.url,
        },
      });
    });
    logger.info(
      { release: release.version, component: item.component, pull: pull.number, outcome },
      'manifests pull request written',
    );
    return { ...item, outcome, pull: { number: pull.number, url: pull.url, state: pull.state } };
  } catch (error) {
    store.transaction(() => store.manifestsPulls.unclaim(release.id, item.component, at));
    const detail = failureText(error, logger, { release: release.version, component: item.component });
    return { ...item, outcome: 'failed', detail };
  }
}
