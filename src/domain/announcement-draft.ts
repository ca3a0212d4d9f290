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

export interface AnnouncementInput {
  version: string;
  /** Release day, YYYY-MM-DD. */
  releaseDate: string;
  components: AnnouncedComponent[];
  /** Components with no accepted revision: the draft says so, for the product manager to chase. */
  missing: { component: string; wg: string }[];
  releaseManagers: string[];
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

/**
 * A draft of the release announcement for the product manager to edit: what to fill in is in
 * [brackets]; every component is listed with its version and a link to its changelog.
 */
export function renderAnnouncementDraft(input: AnnouncementInput): string {
  const byWg = new Map<string, AnnouncedComponent[]>();
  for (const c of input.components) byWg.set(c.wg, [...(byWg.get(c.wg) ?? []), c]);
  const lines = [
    `Subject: Kubeflow ${input.version} is released`,
    '',
    `Hi everyone,`,
    '',
    `The Kubeflow community is happy to announce Kubeflow ${input.version}, released on ${input.releaseDate}.`,
    '',
    '[Two or three sentences on the highlights of this release.]',
    '',
    'Component versions in this release:',
  ];
  for (const [wg, components] of byWg) {
    lines.push('', `${wg}:`);
    for (const c of components) lines.push(`- ${c.component} ${c.version ?? c.revision}: ${changelogUrl(c)}`);
  }
  if (input.missing.length > 0) {
    lines.push(
      '',
      '[No accepted revision yet, check before sending:',
      ...input.missing.map((m) => `- ${m.component} (${m.wg})`),
      ']',
    );
  }
  lines.push(
    '',
    '[Link to the release blog post]',
    '[Link to the installation instructions and the manifests release]',
    '',
    `Thank you to everyone who contributed to this release, and to the release team${input.releaseManagers.length > 0 ? `, led by ${input.releaseManagers.join(', ')}` : ''}.`,
    '',
    '[Your name], on behalf of the Kubeflow release team',
  );
  return lines.join('\n');
}
