import type { Clock } from '../clock';
import type { Store } from '../db/store';
import { renderReleaseNotes } from '../domain/release-notes';
import { announcedComponents, releaseDateOf, releaseFeatures } from './announcement-draft';
import { findRelease } from './find-release';

export interface ReleaseNotes {
  version: string;
  releaseDate: string | null;
  landed: number;
  highlights: number;
  punted: number;
  /** Features neither landed nor punted yet: the notes are not final while there are any. */
  undecided: number;
  markdown: string;
}

/**
 * The Markdown draft of the release notes of the named (or current) release: landed features by
 * working group with the highlights first, component versions, and the features punted to the
 * next release.
 */
export function getReleaseNotes(deps: { store: Store; clock: Clock }, version?: string): ReleaseNotes {
  const release = findRelease(deps, version);
  const { components, missing } = announcedComponents(deps, release);
  const features = releaseFeatures(deps.store, release);
  const releaseDate = releaseDateOf(deps.store, release);
  const all = deps.store.features.forRelease(release.id);
  return {
    version: release.version,
    releaseDate,
    landed: features.landed.length,
    highlights: features.landed.filter((f) => f.highlight).length,
    punted: features.punted.length,
    undecided: all.length - features.landed.length - features.punted.length,
    markdown: renderReleaseNotes({ version: release.version, releaseDate, features, components, missing }),
  };
}
