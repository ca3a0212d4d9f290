import type { Feature } from './features';

/** One component as it ships, with where its changes are described. */
export interface AnnouncedComponent {
  component: string;
  wg: string;
  repo: string;
  /** The accepted revision as given (usually a tag). */
  revision: string;
  /** Its version when the revision is a version tag. */
  version: string | null;
  kind: 'tag' | 'branch' | 'commit' | null;
  /** The GitHub release the revision was checked against, if any. */
  releaseUrl: string | null;
}

/**
 * Where a component's changes are described: the GitHub release it was checked against, else the
 * release page of its tag, else the tree of the branch or commit.
 */
export function changelogUrl(c: AnnouncedComponent): string {
  if (c.releaseUrl) return c.releaseUrl;
  const ref = encodeURIComponent(c.revision);
  if (c.kind === 'tag' || c.kind === null) return `https://github.com/${c.repo}/releases/tag/${ref}`;
  return `https://github.com/${c.repo}/tree/${ref}`;
}

/** The components one repository ships at one revision: one line, however many components. */
export interface ComponentGroup {
  wg: string;
  repo: string;
  revision: string;
  version: string | null;
  url: string;
  components: string[];
}

/**
 * Components grouped by working group, repository and revision, in the order given: the nine
 * Notebooks components of kubeflow/kubeflow at v1.10.0 make one line, not nine identical ones.
 */
export function groupComponents(components: AnnouncedComponent[]): ComponentGroup[] {
  const groups = new Map<string, ComponentGroup>();
  for (const c of components) {
    const key = `${c.wg}\n${c.repo.toLowerCase()}\n${c.revision}`;
    const group = groups.get(key);
    if (group) {
      if (!group.components.includes(c.component)) group.components.push(c.component);
      continue;
    }
    groups.set(key, {
      wg: c.wg,
      repo: c.repo,
      revision: c.revision,
      version: c.version,
      url: changelogUrl(c),
      components: [c.component],
    });
  }
  return [...groups.values()];
}

/** Missing components grouped the same way: one line per working group. */
export function groupMissing(
  missing: { component: string; wg: string }[],
): { wg: string; components: string[] }[] {
  const byWg = new Map<string, string[]>();
  for (const m of missing) {
    const list = byWg.get(m.wg) ?? [];
    if (!list.includes(m.component)) list.push(m.component);
    byWg.set(m.wg, list);
  }
  return [...byWg.entries()].map(([wg, components]) => ({ wg, components }));
}

/** The docs pages of a feature on one line, or null when it needs none. */
export function docsPagesOf(feature: Pick<Feature, 'docsNeeded' | 'docsPages'>): string | null {
  if (!feature.docsNeeded) return null;
  const pages = feature.docsPages
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return pages.length > 0 ? pages.join(', ') : null;
}
