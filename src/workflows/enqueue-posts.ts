import type { Store } from '../db/store';
import type { Post } from './notice';

/** Queues posts in the outbox; call inside the transaction that made the change they report. */
export function enqueuePosts(store: Store, releaseId: number, posts: Post[], now: string): void {
  for (const post of posts) {
    store.outbox.enqueue({ key: post.key, releaseId, channel: post.channel, notice: post.notice }, now);
  }
}
