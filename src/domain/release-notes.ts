import { escapeMarkdown, markdownLink } from '../text/github-markdown';
import {
  docsPagesOf,
  groupComponents,
  groupMissing,
  type AnnouncedComponent,
  type ComponentGroup,
} from './component-groups';
import { featuresByWg, type Feature } from './features';

/** The features of a release as its notes and announcement list them. */
export interface ReleaseFeatures {
  landed: Feature[];
  punted: Feature[];
  /** Working groups in the order the notes list them. */
  workingGroups: string[];
}

/** Highlights first (each once), then the other landed features by working group. */
export function orderLanded(features: ReleaseFeatures): {
  highlights: Feature[];
  byWg: { wg: string; features: Feature[] }[];
} {
  const highlights = features.landed.filter((f) => f.highlight);
  const others = features.landed.filter((f) => !f.highlight);
  return { highlights, byWg: featuresByWg(others, features.workingGroups) };
}

/** Docs pages for Markdown: a page given as a web address is a link, a path is text. */
function markdownPages(pages: string): string {
  return pages
    .split(', ')
    .map((page) =>
      /^https?:\/\/\S+$/i.test(page)
        ? markdownLink(page, page.replace(/^https?:\/\/(www\.)?/i, ''))
        : escapeMarkdown(page),
    )
    .join(', ');
}

function markdownFeature(f: Feature, withWg: boolean): string {
  const pages = docsPagesOf(f);
  const wg = withWg ? ` (${escapeMarkdown(f.wg)})` : '';
  const docs = pages ? ` · docs: ${markdownPages(pages)}` : '';
  return `- ${escapeMarkdown(f.title)}${wg}: ${markdownLink(f.url, f.ref)}${docs}`;
}

function markdownComponent(g: ComponentGroup): string {
  const names = g.components.map(escapeMarkdown).join(', ');
  return `- ${names} (${escapeMarkdown(g.repo)}): ${markdownLink(g.url, g.version ?? g.revision)}`;
}

/**
 * The Markdown draft of a release's notes: its landed features, highlights first and then by
 * working group, one line each with its link and docs pages; the component versions, one line per
 * repository and revision; and, for the next cycle's planning, the features punted with why.
 */
export function renderReleaseNotes(input: {
  version: string;
  releaseDate: string | null;
  features: ReleaseFeatures;
  components: AnnouncedComponent[];
  missing: { component: string; wg: string }[];
}): string {
  const { highlights, byWg } = orderLanded(input.features);
  const day = input.releaseDate ? ` (${input.releaseDate})` : '';
  const out = [
    `# Kubeflow ${input.version}${day}`,
    '',
    '_Draft release notes from kfrelease: edit before publishing._',
  ];
  if (highlights.length > 0)
    out.push('', '## Highlights', '', ...highlights.map((f) => markdownFeature(f, true)));
  out.push('', '## Features by working group');
  if (byWg.length === 0)
    out.push(
      '',
      highlights.length > 0 ? '_Every landed feature is a highlight._' : '_No feature has landed._',
    );
  for (const group of byWg)
    out.push(
      '',
      `### ${escapeMarkdown(group.wg)}`,
      '',
      ...group.features.map((f) => markdownFeature(f, false)),
    );
  out.push('', '## Component versions');
  const components = groupComponents(input.components);
  const wgs = [...new Set(components.map((c) => c.wg))];
  for (const wg of wgs)
    out.push(
      '',
      `### ${escapeMarkdown(wg)}`,
      '',
      ...components.filter((c) => c.wg === wg).map(markdownComponent),
    );
  if (components.length === 0) out.push('', '_No accepted revision yet._');
  const missing = groupMissing(input.missing);
  if (missing.length > 0)
    out.push(
      '',
      '_No accepted revision yet:_',
      '',
      ...missing.map((m) => `- ${escapeMarkdown(m.wg)}: ${m.components.map(escapeMarkdown).join(', ')}`),
    );
  if (input.features.punted.length > 0) {
    out.push(
      '',
      '## Punted to the next release',
      '',
      "_For the next cycle's planning; not part of this release._",
      '',
    );
    for (const f of input.features.punted) {
      const why = f.reason ? ` — ${escapeMarkdown(f.reason)}` : '';
      out.push(`- ${escapeMarkdown(f.title)} (${escapeMarkdown(f.wg)}): ${markdownLink(f.url, f.ref)}${why}`);
    }
  }
  return out.join('\n');
}
