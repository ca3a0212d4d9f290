import type { ReleaseRow } from '../db/release-repository';
import type { RevisionRow } from '../db/revision-repository';
import type { Store } from '../db/store';
import { liaisonIds, releaseManagerIds } from './authority';
import { expectedVersionNotices } from './expected-version-check';
import type { Post, RevisionDmEvent } from './notice';

export type RevisionEvent = 'accepted' | 'held' | 'rejected' | 'approved' | 'denied';

/**
 * Who hears about a revision, and what: accepted revisions are announced in the release channel;
 * held ones go to the channel for the release manager and to the WG's liaisons; denied ones to the
 * liaisons. A submitter who was told "pending validation" hears the result directly.
 */
export function revisionNotices(
  store: Store,
  release: ReleaseRow,
  row: RevisionRow,
  event: RevisionEvent,
  wasPending: boolean,
): Post[] {
  const posts: Post[] = [];
  const channel = release.slackChannel;
  const version = release.version;
  const key = `revision:${row.id}:${event}`;
  const dm = (user: string, dmEvent: RevisionDmEvent) =>
    posts.push({
      key: `${key}:${user}`,
      channel: user,
      notice: { kind: 'revision_dm', version, revision: row, event: dmEvent },
    });
  const liaisons = liaisonIds(store, release.id, row.wg);
  const submitter = row.submittedBy.startsWith('cli:') ? null : row.submittedBy;

  if (event === 'accepted' || event === 'approved') {
    if (channel)
      posts.push({
        key: `revision:${row.id}:accepted`,
        channel,
        notice: { kind: 'revision_accepted', version, revision: row },
      });
    if (submitter && (wasPending || event === 'approved')) {
      dm(submitter, event === 'approved' ? 'approved' : 'accepted_after_check');
    }
    posts.push(...expectedVersionNotices(store, release, row));
  }
  if (event === 'held') {
    const targets = channel ? [channel] : releaseManagerIds(store, release.id);
    for (const target of targets)
      posts.push({
        key: `${key}:${target}`,
        channel: target,
        notice: { kind: 'revision_held', version, revision: row },
      });
    for (const user of new Set([...liaisons, ...(submitter ? [submitter] : [])])) dm(user, 'held');
  }
  if (event === 'denied') {
    if (channel)
      posts.push({
        key: `${key}:channel`,
        channel,
        notice: { kind: 'revision_decided', version, revision: row },
      });
    for (const user of new Set([...liaisons, ...(submitter ? [submitter] : [])])) dm(user, 'denied');
  }
  if (event === 'rejected' && submitter) dm(submitter, 'rejected');
  return posts;
}
