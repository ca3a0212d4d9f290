import type { Clock } from '../clock';
import { escapeMarkdown, markdownLink } from '../text/github-markdown';
import { standingKey, type ShippingRevision } from '../db/revision-repository';
import type { Store } from '../db/store';
import { missingGroupLine, type MissingRevisions } from '../domain/missing-revisions';
import { rulesForRepository, type RevisionRules } from '../domain/revision-rules';
import { readTagVersion } from '../domain/tag-pattern';
import { shippedRevisionRules } from '../working-groups/load-working-groups';
import { findRelease } from './find-release';
import { componentStanding } from './component-standing';
import { freezeStarted } from './revision-targets';

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
function acceptedOf(row: ShippingRevision, tagPattern: string): Accepted {
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
  const { heads, held, pending } = store.revisions.heads(release.id);
  const headOf = new Map(heads.map((h) => [standingKey(h.wgId, h.repo), h]));
  const standing = componentStanding(
    store.workingGroups.list(),
    store.workingGroups.skips(release.id),
    (wgId, repo) => !!headOf.get(standingKey(wgId, repo))?.accepted,
  );
  const groups = standing.groups.map(({ wg, complete, repos }) => ({
    wg: wg.name,
    complete,
    components: repos.flatMap(({ repo, components }): ComponentVersion[] => {
      const head = headOf.get(standingKey(wg.id, repo));
      const tagPattern = rulesForRepository(rules, repo).tagPattern;
      const accepted = head?.accepted ? acceptedOf(head.accepted, tagPattern) : null;
      const waiting = head?.waiting ?? null;
      return components.map(({ name, skip }) => ({
        component: name,
        repo,
        tagPattern,
        accepted,
        waiting,
        notShipping: skip ? { reason: skip.reason, by: skip.skippedBy, at: skip.skippedAt } : null,
      }));
    }),
  }));
  return {
    version: release.version,
    freeze: freezeStarted(deps, release),
    groups,
    missing: standing.missingRepos.map(missingGroupLine),
    missingRepos: standing.missingRepos,
    notShipping: standing.notShipping,
    held,
    pending,
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
