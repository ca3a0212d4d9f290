import { docsPagesOf, groupComponents, groupMissing, type AnnouncedComponent } from './component-groups';
import type { Feature } from './features';
import { orderLanded, type ReleaseFeatures } from './release-notes';

export { changelogUrl, type AnnouncedComponent } from './component-groups';

export interface AnnouncementInput {
  version: string;
  /** Release day, YYYY-MM-DD. */
  releaseDate: string;
  components: AnnouncedComponent[];
  /** Components with no accepted revision: the draft says so, for the product manager to chase. */
  missing: { component: string; wg: string }[];
  releaseManagers: string[];
  /** The features of the release; without them the highlights are left to fill in. */
  features?: ReleaseFeatures;
}

function featureLine(f: Feature, withWg: boolean): string {
  const pages = docsPagesOf(f);
  return `- ${f.title}${withWg ? ` (${f.wg})` : ''}: ${f.url}${pages ? ` (docs: ${pages})` : ''}`;
}

function featureLines(features: ReleaseFeatures | undefined): string[] {
  const prompt = '[Two or three sentences on the highlights of this release.]';
  if (!features || features.landed.length === 0) return [prompt];
  const { highlights, byWg } = orderLanded(features);
  const lines =
    highlights.length > 0 ? ['Highlights:', ...highlights.map((f) => featureLine(f, true))] : [prompt];
  if (byWg.length > 0) lines.push('', 'New features:');
  for (const group of byWg)
    lines.push('', `${group.wg}:`, ...group.features.map((f) => featureLine(f, false)));
  return lines;
}

/**
 * A draft of the release announcement for the product manager to edit: what to fill in is in
 * [brackets]. The landed features come first, highlights before the rest by working group, one
 * line each with its link and docs pages; then the components, one line per repository and
 * revision with its changelog. Punted features are listed in brackets, to remove before sending.
 */
export function renderAnnouncementDraft(input: AnnouncementInput): string {
  const lines = [
    `Subject: Kubeflow ${input.version} is released`,
    '',
    `Hi everyone,`,
    '',
    `The Kubeflow community is happy to announce Kubeflow ${input.version}, released on ${input.releaseDate}.`,
    '',
    ...featureLines(input.features),
    '',
    'Component versions in this release:',
  ];
  const groups = groupComponents(input.components);
  for (const wg of [...new Set(groups.map((g) => g.wg))]) {
    lines.push('', `${wg}:`);
    for (const g of groups.filter((c) => c.wg === wg))
      lines.push(`- ${g.components.join(', ')} ${g.version ?? g.revision}: ${g.url}`);
  }
  const missing = groupMissing(input.missing);
  if (missing.length > 0) {
    lines.push(
      '',
      '[No accepted revision yet, check before sending:',
      ...missing.map((m) => `- ${m.components.join(', ')} (${m.wg})`),
      ']',
    );
  }
  const punted = input.features?.punted ?? [];
  if (punted.length > 0) {
    lines.push(
      '',
      '[Punted to the next release, for its planning; remove before sending:',
      ...punted.map((f) => `- ${f.title} (${f.wg}): ${f.url}${f.reason ? ` — ${f.reason}` : ''}`),
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
