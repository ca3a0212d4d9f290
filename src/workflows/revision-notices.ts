import type { ReleaseRow } from '../db/release-repository';
import type { RevisionRow } from '../db/revision-repository';
import type { Store } from '../db/store';
import {
  revisionAcceptedPost,
  revisionDecidedPost,
  revisionHeldPost,
  revisionNoticeDm,
} from '../slack/blocks/revision-blocks';
import { liaisonIds, releaseManagerIds } from './authority';

/** A message to post, identified by a key that makes posting it twice impossible. */
export interface Post {
  key: string;
  channel: string;
  text: string;
  blocks: unknown[];
}

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
  const key = `revision:${row.id}:${event}`;
  const dm = (user: string, headline: string, detail: string[]) =>
    posts.push({
      key: `${key}:${user}`,
      channel: user,
      ...revisionNoticeDm(release.version, row, headline, detail),
    });
  const liaisons = liaisonIds(store, release.id, row.wg);
  const submitter = row.submittedBy.startsWith('cli:') ? null : row.submittedBy;

  if (event === 'accepted' || event === 'approved') {
    if (channel)
      posts.push({
        key: `revision:${row.id}:accepted`,
        channel,
        ...revisionAcceptedPost(release.version, row),
      });
    if (submitter && (wasPending || event === 'approved')) {
      dm(
        submitter,
        event === 'approved'
          ? ':white_check_mark: The release manager approved your revision'
          : ':white_check_mark: Your revision was checked and accepted',
        row.warnings,
      );
    }
  }
  if (event === 'held') {
    const held = revisionHeldPost(release.version, row);
    const targets = channel ? [channel] : releaseManagerIds(store, release.id);
    for (const target of targets) posts.push({ key: `${key}:${target}`, channel: target, ...held });
    const reasons = (row.review?.reasons ?? []).map((r) => `• ${r}`);
    for (const user of new Set([...liaisons, ...(submitter ? [submitter] : [])])) {
      dm(user, ':raised_hand: A revision of your working group is held for the release manager', reasons);
    }
  }
  if (event === 'denied') {
    if (channel) posts.push({ key: `${key}:channel`, channel, ...revisionDecidedPost(release.version, row) });
    for (const user of new Set([...liaisons, ...(submitter ? [submitter] : [])])) {
      dm(user, ':no_entry: The release manager denied a revision of your working group', [
        `Reason: ${row.decisionReason ?? ''}`,
      ]);
    }
  }
  if (event === 'rejected' && submitter) {
    dm(submitter, ':x: Your revision was checked against GitHub and refused', [
      row.lastError ?? '',
      'Fix it and submit again with `/kfrelease submit`.',
    ]);
  }
  return posts;
}

/** Queues posts in the outbox; call inside the transaction that made the change they report. */
export function enqueuePosts(store: Store, releaseId: number, posts: Post[], now: string): void {
  for (const post of posts) {
    store.outbox.enqueue(
      { key: post.key, releaseId, channel: post.channel, text: post.text, blocks: post.blocks },
      now,
    );
  }
}
