import type { Clock } from '../clock';
import { escapeMarkdown, markdownLink } from '../text/github-markdown';
import type { RevisionRow } from '../db/revision-repository';
import type { Store } from '../db/store';
import { missingGroupLine, type MissingRevisions } from '../domain/missing-revisions';
import { rulesForRepository, type RevisionRules } from '../domain/revision-rules';
import { readTagVersion } from '../domain/tag-pattern';
import { shippedRevisionRules } from '../working-groups/load-working-groups';
import { findRelease } from './find-release';
import { freezeStarted, revisionTargets } from './revision-targets';

export interface ComponentVersion {
  component: string;
  repo: string;
  /** How the repository names its release tags, e.g. `knative-v{version}` (config/kubeflow.yml). */
  tagPattern: string;
  /** The accepted revision that ships, if any. */
  accepted: {
    revision: string;
    /** The version inside the tag, read with the repository's tag pattern; null for a branch or commit. */
    version: string | null;
    /** True when that version is a release candidate (v0.18.0-rc.0, knative-v1.16.0-rc.1). */
    rc: boolean;
    commitSha: string | null;
    kind: string | null;
    submittedBy: string;
    submittedAt: string;
  } | null;
  /** A newer submission still waiting (pending validation or held for the release manager). */
  waiting: { revision: string; status: 'pending_validation' | 'needs_exception' } | null;
  /** Set when the release manager marked it as not shipping in this release: no revision is owed. */
  notShipping: { reason: string; by: string; at: string } | null;
}

export interface ComponentVersionsView {
  version: string;
  freeze: boolean;
  groups: { wg: string; complete: boolean; components: ComponentVersion[] }[];
  /**
   * One line per working group still owing a revision, naming its repositories without one:
   * "Pipelines (kubeflow/kfp-tekton)".
   */
  missing: string[];
  /** The repositories still without an accepted revision, by working group, with their components. */
  missingRepos: MissingRevisions[];
  /** Components marked as not shipping in this release, and why. */
  notShipping: { component: string; wg: string; repo: string; reason: string }[];
  held: number;
  pending: number;
}

type Accepted = NonNullable<ComponentVersion['accepted']>;

/** An accepted revision as the table shows it: its version read with the repository's tag pattern. */
function acceptedOf(row: RevisionRow, tagPattern: string): Accepted {
  const read = row.kind === 'tag' ? readTagVersion(row.revision, tagPattern) : null;
  const parsed = read?.ok ? read.version : null;
  return {
    revision: row.revision,
    version: row.version ?? parsed?.canonical ?? null,
    rc: parsed ? parsed.rc !== null : /-rc\.?\d+$/i.test(row.version ?? ''),
    commitSha: row.commitSha,
    kind: row.kind,
    submittedBy: row.submittedBy,
    submittedAt: row.submittedAt,
  };
}

/**
 * The versions table: every component of every working group with the revision that ships, and
 * which repositories still owe one. A component the release manager marked as not shipping owes
 * nothing; a repository is missing while one of its shipping components has no accepted revision.
 */
export function getComponentVersions(
  deps: { store: Store; clock: Clock; rules?: RevisionRules },
  version?: string,
): ComponentVersionsView {
  const { store } = deps;
  const rules = deps.rules ?? shippedRevisionRules();
  const release = findRelease(deps, version);
  const rows = store.revisions.latestPerRepo(release.id);
  const skips = new Map(store.workingGroups.skips(release.id).map((s) => [s.componentId, s]));
  const latestByRepo = new Map<string, RevisionRow>();
  const acceptedByRepo = new Map<string, RevisionRow>();
  for (const row of rows) {
    latestByRepo.set(`${row.wgId}:${row.repo}`, row);
    if (row.status === 'accepted') acceptedByRepo.set(`${row.wgId}:${row.repo}`, row);
  }
  const missingRepos: MissingRevisions[] = [];
  const notShipping: ComponentVersionsView['notShipping'] = [];
  const groups = store.workingGroups.list().map((wg) => {
    const missing: MissingRevisions = { wg: wg.name, repos: [] };
    const components = revisionTargets(wg)
      .filter((t) => t.components.length > 0)
      .flatMap((target): ComponentVersion[] => {
        const key = `${wg.id}:${target.repo}`;
        const tagPattern = rulesForRepository(rules, target.repo).tagPattern;
        const accepted = acceptedByRepo.get(key);
        const latest = latestByRepo.get(key);
        const waiting =
          latest &&
          (latest.status === 'pending_validation' || latest.status === 'needs_exception') &&
          latest.id > (accepted?.id ?? 0)
            ? { revision: latest.revision, status: latest.status }
            : null;
        const versions = target.components.map((name) => {
          const id = wg.components.find((c) => c.name === name && c.repo === target.repo)?.id;
          const skip = id === undefined ? undefined : skips.get(id);
          return {
            component: name,
            repo: target.repo,
            tagPattern,
            accepted: accepted ? acceptedOf(accepted, tagPattern) : null,
            waiting,
            notShipping: skip ? { reason: skip.reason, by: skip.skippedBy, at: skip.skippedAt } : null,
          };
        });
        const shipping = versions.filter((c) => !c.notShipping).map((c) => c.component);
        if (!accepted && shipping.length > 0) missing.repos.push({ repo: target.repo, components: shipping });
        for (const c of versions)
          if (c.notShipping)
            notShipping.push({
              component: c.component,
              wg: wg.name,
              repo: c.repo,
              reason: c.notShipping.reason,
            });
        return versions;
      });
    if (missing.repos.length > 0) missingRepos.push(missing);
    return { wg: wg.name, complete: missing.repos.length === 0, components };
  });
  return {
    version: release.version,
    freeze: freezeStarted(deps, release),
    groups,
    missing: missingRepos.map(missingGroupLine),
    missingRepos,
    notShipping,
    ...store.revisions.waitingCounts(release.id),
  };
}

/** The markdown table a release team pastes into the manifests README or the tracking issue. */
export function componentVersionsMarkdown(view: ComponentVersionsView): string {
  const lines = [
    `| Component | Working group | Repository | Version | Commit |`,
    `| --- | --- | --- | --- | --- |`,
  ];
  for (const group of view.groups) {
    for (const c of group.components) {
      const revision = c.accepted?.revision;
      const path = (text: string) => text.split('/').map(encodeURIComponent).join('/');
      const shipped = c.notShipping
        ? '_not shipping this cycle_'
        : revision
          ? markdownLink(`https://github.com/${path(c.repo)}/tree/${path(revision)}`, revision)
          : '_missing_';
      const sha = c.notShipping ? '' : (c.accepted?.commitSha?.slice(0, 12) ?? '');
      const cells = [c.component, group.wg, c.repo].map(escapeMarkdown);
      lines.push(`| ${cells.join(' | ')} | ${shipped} | ${escapeMarkdown(sha)} |`);
    }
  }
  return lines.join('\n');
}
