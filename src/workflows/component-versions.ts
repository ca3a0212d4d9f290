import type { Clock } from '../clock';
import { escapeMarkdown, markdownLink } from '../text/github-markdown';
import type { RevisionRow } from '../db/revision-repository';
import type { Store } from '../db/store';
import { findRelease } from './find-release';
import { freezeStarted, revisionTargets } from './revision-targets';

export interface ComponentVersion {
  component: string;
  repo: string;
  /** The accepted revision that ships, if any. */
  accepted: {
    revision: string;
    version: string | null;
    commitSha: string | null;
    kind: string | null;
    submittedBy: string;
    submittedAt: string;
  } | null;
  /** A newer submission still waiting (pending validation or held for the release manager). */
  waiting: { revision: string; status: 'pending_validation' | 'needs_exception' } | null;
}

export interface ComponentVersionsView {
  version: string;
  freeze: boolean;
  groups: { wg: string; complete: boolean; components: ComponentVersion[] }[];
  /** Working groups with a component that has no accepted revision. */
  missing: string[];
  held: number;
  pending: number;
}

/** The versions table: every component of every working group with the revision that ships. */
export function getComponentVersions(
  deps: { store: Store; clock: Clock },
  version?: string,
): ComponentVersionsView {
  const { store } = deps;
  const release = findRelease(deps, version);
  const rows = store.revisions.latestPerRepo(release.id);
  const latestByRepo = new Map<string, RevisionRow>();
  const acceptedByRepo = new Map<string, RevisionRow>();
  for (const row of rows) {
    latestByRepo.set(`${row.wgId}:${row.repo}`, row);
    if (row.status === 'accepted') acceptedByRepo.set(`${row.wgId}:${row.repo}`, row);
  }
  const groups = store.workingGroups.list().map((wg) => {
    const components = revisionTargets(wg)
      .filter((t) => t.components.length > 0)
      .flatMap((target) => {
        const key = `${wg.id}:${target.repo}`;
        const accepted = acceptedByRepo.get(key);
        const latest = latestByRepo.get(key);
        const waiting =
          latest &&
          (latest.status === 'pending_validation' || latest.status === 'needs_exception') &&
          latest.id > (accepted?.id ?? 0)
            ? { revision: latest.revision, status: latest.status }
            : null;
        return target.components.map((component) => ({
          component,
          repo: target.repo,
          accepted: accepted
            ? {
                revision: accepted.revision,
                version: accepted.version,
                commitSha: accepted.commitSha,
                kind: accepted.kind,
                submittedBy: accepted.submittedBy,
                submittedAt: accepted.submittedAt,
              }
            : null,
          waiting,
        }));
      });
    return { wg: wg.name, complete: components.every((c) => c.accepted !== null), components };
  });
  return {
    version: release.version,
    freeze: freezeStarted(deps, release),
    groups,
    missing: groups.filter((g) => !g.complete).map((g) => g.wg),
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
      const shipped = revision
        ? markdownLink(`https://github.com/${path(c.repo)}/tree/${path(revision)}`, revision)
        : '_missing_';
      const sha = c.accepted?.commitSha?.slice(0, 12) ?? '';
      const cells = [c.component, group.wg, c.repo].map(escapeMarkdown);
      lines.push(`| ${cells.join(' | ')} | ${shipped} | ${escapeMarkdown(sha)} |`);
    }
  }
  return lines.join('\n');
}
