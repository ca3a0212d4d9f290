import type { ReleaseRow } from '../db/release-repository';
import type { Store } from '../db/store';
import {
  manifestsBranch,
  manifestsPullBody,
  manifestsPullTitle,
  setReadmeRevision,
  setScriptRevision,
  unifiedDiff,
} from '../domain/manifests-sync';
import {
  ManifestsWriteError,
  type ManifestsRepo,
  type PullInfo,
  type RepoFile,
} from '../github/manifests-repo';
import type { ManifestsSyncConfig } from '../working-groups/manifests-sync-schema';
import type { ManifestsTarget } from './manifests-targets';

/** What came of one component: previewed, written, or why not. */
export type ManifestsOutcome =
  | 'would_open'
  | 'would_update'
  | 'opened'
  | 'updated'
  | 'up_to_date'
  | 'no_change'
  | 'no_revision'
  | 'not_shipping'
  | 'busy'
  | 'failed';

/** One component's line in the answer; plain JSON, so it waits in the outbox as it is. */
export interface ManifestsItem {
  component: string;
  upstreamRepo: string;
  revision: string | null;
  branch: string;
  outcome: ManifestsOutcome;
  pull: { number: number; url: string; state: 'open' | 'closed' | 'merged' } | null;
  /** The unified diff of the change (empty when there is none). */
  diff: string;
  /** Why it failed, or what is worth knowing. */
  detail: string | null;
}

/** What writing one component's change takes, once planned. */
export interface PlannedWrite {
  target: ManifestsTarget & { accepted: NonNullable<ManifestsTarget['accepted']> };
  /** The branch the pull request goes to, and its head the change is made on. */
  base: string;
  parent: string;
  files: (RepoFile & { path: string })[];
  message: string;
  title: string;
  body: string;
  branchExists: boolean;
  openPull: PullInfo | null;
}

export interface ManifestsPlan {
  repo: string;
  base: string;
  items: ManifestsItem[];
  /** Keyed by component: the changes still to write (would_open, would_update). */
  writes: Map<string, PlannedWrite>;
}

type Deps = {
  store: Store;
  manifestsRepo: string;
  manifestsSync: { config: ManifestsSyncConfig; repo: ManifestsRepo };
};

const CONFIG = 'config/kubeflow.yml';

function githubLogins(store: Store, slackIds: (string | null)[]): string[] {
  return slackIds.flatMap((id) => (id ? (store.team.githubOfSlackId(id) ?? []) : []));
}

function bodyOf(deps: Deps, release: ReleaseRow, target: PlannedWrite['target']): string {
  const { store } = deps;
  const revision = target.accepted;
  const team = store.team.assignments(release.id);
  return manifestsPullBody({
    releaseVersion: release.version,
    repo: target.upstreamRepo,
    revision: revision.revision,
    kind: revision.kind,
    commitSha: revision.commitSha,
    wg: revision.wg,
    revisionId: revision.id,
    acceptedBy: githubLogins(store, [revision.submittedBy]).map((l) => `submitted by @${l}`)[0] ?? null,
    file: target.file,
    readme: deps.manifestsSync.config.readme,
    liaisons: team
      .filter((a) => a.role === 'team_member' && a.wg === revision.wg && !a.shadow)
      .map((a) => a.github),
    releaseManagers: team.filter((a) => a.role === 'release_manager' && !a.shadow).map((a) => a.github),
  });
}

/**
 * Reads the manifests repository and works out, per component, the change its accepted revision
 * asks for: the edited script and README, their diff, and whether a pull request is to be opened
 * or updated. Reads only; GitHub's failures are thrown (the whole plan needs the base branch).
 */
export async function planManifestsChanges(
  deps: Deps,
  release: ReleaseRow,
  targets: ManifestsTarget[],
): Promise<ManifestsPlan> {
  const { config, repo: client } = deps.manifestsSync;
  const repo = deps.manifestsRepo;
  const base = config.base_branch ?? (await client.defaultBranch(repo));
  const items: ManifestsItem[] = [];
  const writes = new Map<string, PlannedWrite>();
  const item = (
    t: ManifestsTarget,
    outcome: ManifestsOutcome,
    extra: Partial<ManifestsItem> = {},
  ): ManifestsItem => ({
    component: t.component,
    upstreamRepo: t.upstreamRepo,
    revision: t.accepted?.revision ?? null,
    branch: manifestsBranch(release.version, t.component),
    outcome,
    pull: null,
    diff: '',
    detail: null,
    ...extra,
  });
  const ready = targets.filter((t) => !t.notShipping && t.accepted);
  for (const t of targets) {
    if (t.notShipping) items.push(item(t, 'not_shipping'));
    else if (!t.accepted) items.push(item(t, 'no_revision'));
  }
  if (ready.length === 0) return { repo, base, items, writes };

  const parent = await client.branchHead(repo, base);
  if (!parent)
    throw new ManifestsWriteError(
      `${repo} has no branch ${base}: name the branch sync pull requests go to as manifests_sync.base_branch in ${CONFIG}.`,
    );
  const readme = config.readme;
  const files = await client.readFiles(repo, parent, [...new Set([readme, ...ready.map((t) => t.file)])]);
  for (const t of ready) {
    const target = t as PlannedWrite['target'];
    const revision = target.accepted.revision;
    const script = files.get(t.file) ?? null;
    const readmeFile = files.get(readme) ?? null;
    const where = (path: string) => `${path} on ${repo} ${base}`;
    const fix = (field: string) => `correct manifests_sync.components.${t.component}.${field} in ${CONFIG}`;
    if (!script) {
      items.push(item(t, 'failed', { detail: `${where(t.file)} does not exist: ${fix('file')}.` }));
      continue;
    }
    if (!readmeFile) {
      items.push(
        item(t, 'failed', {
          detail: `${where(readme)} does not exist: correct manifests_sync.readme in ${CONFIG}.`,
        }),
      );
      continue;
    }
    const scriptEdit = setScriptRevision(script.content, t.pattern, revision);
    if (!scriptEdit.ok) {
      items.push(
        item(t, 'failed', { detail: `${where(t.file)}: ${scriptEdit.problem}; ${fix('pattern')}.` }),
      );
      continue;
    }
    const readmeEdit = setReadmeRevision(readmeFile.content, t.upstreamRepo, revision);
    if (!readmeEdit.ok) {
      items.push(item(t, 'failed', { detail: `${where(readme)}: ${readmeEdit.problem}.` }));
      continue;
    }
    const diff = [
      unifiedDiff(t.file, script.content, scriptEdit.text),
      unifiedDiff(readme, readmeFile.content, readmeEdit.text),
    ]
      .filter(Boolean)
      .join('\n');
    if (!scriptEdit.changed && !readmeEdit.changed) {
      items.push(item(t, 'no_change', { detail: `${base} already syncs ${revision}.` }));
      continue;
    }
    const branch = manifestsBranch(release.version, t.component);
    const [head, pull] = [await client.branchHead(repo, branch), await client.findPull(repo, branch)];
    const stored = deps.store.manifestsPulls.find(release.id, t.component);
    const pullOf = pull ? { number: pull.number, url: pull.url, state: pull.state } : null;
    const openPull = pull?.state === 'open' ? pull : null;
    if (openPull && stored?.revisionId === target.accepted.id && stored.headSha === head) {
      items.push(item(t, 'up_to_date', { pull: pullOf, diff }));
      continue;
    }
    items.push(item(t, openPull ? 'would_update' : 'would_open', { pull: openPull ? pullOf : null, diff }));
    writes.set(t.component, {
      target,
      base,
      parent,
      files: [
        { path: t.file, content: scriptEdit.text, mode: script.mode },
        ...(readmeEdit.changed ? [{ path: readme, content: readmeEdit.text, mode: readmeFile.mode }] : []),
      ],
      message: `Update ${t.upstreamRepo} manifests from ${revision}`,
      title: manifestsPullTitle(release.version, t.upstreamRepo, revision),
      body: bodyOf(deps, release, target),
      branchExists: head !== null,
      openPull,
    });
  }
  items.sort(
    (a, b) =>
      targets.findIndex((t) => t.component === a.component) -
      targets.findIndex((t) => t.component === b.component),
  );
  return { repo, base, items, writes };
}
