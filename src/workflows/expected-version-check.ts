import type { ReleaseRow } from '../db/release-repository';
import type { RevisionRow } from '../db/revision-repository';
import type { Store } from '../db/store';
import type { PersonRef } from '../domain/agenda';
import { readLooseVersion, sameVersion } from '../domain/expected-version';
import type { DeadlineMessage } from '../domain/reminder-message';
import { releaseManagerIds } from './authority';
import type { Post } from './notice';

/**
 * An accepted final revision (no RC) whose version is not the one its working group declared as
 * the expected final version of the repository's components: the release manager is told directly
 * (the release channel when no release manager has a Slack ID), once per repository and version, naming the
 * declared and the accepted version and the working group's liaisons.
 */
export function expectedVersionNotices(store: Store, release: ReleaseRow, row: RevisionRow): Post[] {
  // Only a tag names a version: a branch such as release-1.10 does not.
  const version = row.version ?? (row.kind === 'tag' ? row.revision : null);
  const read = version ? readLooseVersion(version) : null;
  if (!version || !read || read.preRelease) return [];
  const declaration = store.dependencyDeclarations.latest(release.id).find((d) => d.wgId === row.wgId);
  const group = store.workingGroups.list().find((g) => g.id === row.wgId);
  if (!declaration || !group) return [];
  const differing = group.components
    .filter((c) => c.repo.toLowerCase() === row.repo.toLowerCase())
    .flatMap((c) => {
      const expected = declaration.expectedVersions[c.name];
      return expected && !sameVersion(expected, version) ? [{ component: c.name, expected }] : [];
    });
  if (differing.length === 0) return [];
  const people: PersonRef[] = store.team
    .assignments(release.id)
    .filter((a) => a.role === 'team_member' && a.wg === row.wg)
    .map((a) => ({ name: a.name, slackId: a.slackId }));
  const message: DeadlineMessage = {
    headline: `Kubeflow ${release.version}: ${row.wg} shipped ${row.repo} ${version}, not the final version it declared`,
    lines: differing.map((d) => ({
      what: `${d.component}: ${version} accepted, ${d.expected} expected`,
      people,
    })),
    people,
    footer: `Declared with /kfrelease deps on ${declaration.declaredAt.slice(0, 10)}. Ask ${row.wg} whether ${version} is its final version and, if so, to declare it again; /kfrelease deps matrix shows every declaration.`,
  };
  const expected = [...new Set(differing.map((d) => d.expected))].sort().join(',');
  const targets = releaseManagerIds(store, release.id);
  const to = targets.length > 0 ? targets : release.slackChannel ? [release.slackChannel] : [];
  return to.map((channel) => ({
    // Once per repository, accepted version and expected versions: the same tag submitted again, or
    // the same declaration saved again, is not news.
    key: `expected-version:${release.id}:${row.repo.toLowerCase()}:${version}:${expected}:${channel}`,
    channel,
    notice: { kind: 'deadline', message },
  }));
}

/**
 * The same check for a working group that declares after its final revisions were accepted: each
 * repository's latest accepted revision against the declaration just saved.
 */
export function declaredVersionNotices(store: Store, release: ReleaseRow, wgId: number): Post[] {
  const latest = new Map<string, RevisionRow>();
  for (const row of store.revisions.latestPerRepo(release.id))
    if (row.wgId === wgId && row.status === 'accepted') latest.set(row.repo.toLowerCase(), row);
  return [...latest.values()].flatMap((row) => expectedVersionNotices(store, release, row));
}
