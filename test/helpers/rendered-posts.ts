import type { OutboxContent } from '../../src/outbox/outbox-repository';
import { renderNotice, renderOutbox } from '../../src/slack/notices/render-notice';
import type { Notice } from '../../src/workflows/notice';

/** Posts as Slack would receive them: each notice rendered by the Slack adapter, with its text and blocks. */
export function rendered<T extends { notice: Notice }>(
  posts: T[],
): (T & { text: string; blocks: unknown[] })[] {
  return posts.map((post) => ({ ...post, ...renderNotice(post.notice) }));
}

/** An outbox row's stored payload as the message Slack would receive: `{ text, blocks }` as JSON. */
export function renderedPayload(payload: string): string {
  return JSON.stringify(renderOutbox(JSON.parse(payload) as OutboxContent));
}
