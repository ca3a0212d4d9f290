import type { types } from '@slack/bolt';
import { webApi } from './bolt-parts';
import { z } from 'zod';
import type { Logger } from '../logger';
import { boltLogger } from './bolt-logger';

/**
 * A message kfrelease posts. `key`, `seq` (its outbox row, in the order rows are posted) and
 * `attempt` travel in the message metadata, so a retry can find it.
 */
export interface PostMessage {
  channel: string;
  text: string;
  blocks: unknown[];
  key: string;
  seq: number;
  attempt: number;
}

/**
 * Where a lookup can stop: messages of a conversation are posted in the order of their outbox
 * rows, so once a first attempt of an earlier row shows up (newest first), the message sought
 * would have been above it. No clock is involved: ours may be far from Slack's.
 */
export interface LookupBound {
  seq: number;
}

/**
 * The narrow view of Slack the outbox sender depends on. Every method throws a SlackPostError
 * when Slack did not do what was asked.
 */
export interface SlackPoster {
  /** Posts once, without retrying: the caller owns retries. Answers where it landed. */
  post(msg: PostMessage): Promise<{ channel: string; ts: string }>;
  /**
   * The ts of the message posted with `key` in the conversation, or null when it is not there:
   * searched newest first down to the bound (see LookupBound), never by our clock alone.
   */
  findByKey(channel: string, key: string, bound?: LookupBound): Promise<string | null>;
  /** The direct-message conversation (D...) between the bot and a user. */
  openDirectMessage(userId: string): Promise<string>;
  /** Replaces the text and blocks of a message posted earlier; repeating it changes nothing more. */
  update(msg: { channel: string; ts: string; text: string; blocks: unknown[] }): Promise<void>;
}

export type SlackPostErrorKind = 'rate_limited' | 'transient' | 'permanent';

/**
 * Why Slack did not do what was asked. `rate_limited`: come back after `retryAfterSeconds`;
 * `transient`: try again later, the message may even have been posted (lost answer); `permanent`:
 * trying again will not help until a person fixes something (invite the bot, fix the channel).
 */
export class SlackPostError extends Error {
  override readonly name = 'SlackPostError';
  constructor(
    readonly kind: SlackPostErrorKind,
    /** Slack's error code (`channel_not_found`), or ours: `http_503`, `network`, `bad_answer`. */
    readonly code: string,
    message: string,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

/** Metadata event type of every message kfrelease posts through the outbox. */
export const POST_EVENT_TYPE = 'kfrelease_post';

/** Slack answers that stay the same however often the call is repeated. */
const PERMANENT = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'invalid_blocks',
  'invalid_blocks_format',
  'msg_too_long',
  'no_text',
  'too_many_attachments',
  'user_not_found',
  'user_not_visible',
  'user_disabled',
  'cannot_dm_bot',
  'messages_tab_disabled',
  'restricted_action',
  'restricted_action_read_only_channel',
  'restricted_action_thread_only_channel',
  'restricted_action_non_threadable_channel',
  'invalid_metadata_format',
  'invalid_metadata_schema',
  'metadata_too_large',
  'invalid_arguments',
  'missing_scope',
  'not_allowed_token_type',
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
]);

/** How many history pages (100 messages each) a search reads before giving up. */
const MAX_HISTORY_PAGES = 20;

const SLACK_TS = z.string().regex(/^\d+\.\d+$/);
const PostAnswer = z.object({ channel: z.string().min(1), ts: SLACK_TS });
const OpenAnswer = z.object({ channel: z.object({ id: z.string().min(1) }) });
const UpdateAnswer = z.object({ ok: z.literal(true) }).passthrough();
const HistoryAnswer = z.object({
  messages: z.array(
    z.object({
      ts: SLACK_TS,
      metadata: z
        .object({ event_type: z.string(), event_payload: z.record(z.string(), z.unknown()).optional() })
        .optional(),
    }),
  ),
  has_more: z.boolean().optional(),
  response_metadata: z.object({ next_cursor: z.string().optional() }).optional(),
});

/** A first attempt of an earlier outbox row: the message sought would have been posted after it. */
function isEarlierFirstAttempt(payload: Record<string, unknown>, seq: number): boolean {
  return typeof payload.seq === 'number' && payload.seq < seq && payload.attempt === 1;
}

function parseAnswer<T>(schema: z.ZodType<T>, answer: unknown, method: string): T {
  const parsed = schema.safeParse(answer);
  if (parsed.success) return parsed.data;
  // ok:true without the fields we need: it may still have worked, so not permanent.
  throw new SlackPostError('transient', 'bad_answer', `${method} answered without the expected fields`);
}

/** Maps a WebClient error (or anything else thrown during a call) to a SlackPostError. */
export function toSlackPostError(error: unknown, method: string): SlackPostError {
  if (error instanceof SlackPostError) return error;
  const e = error as {
    code?: unknown;
    retryAfter?: unknown;
    data?: { error?: unknown };
    statusCode?: unknown;
    original?: { message?: unknown };
  } | null;
  switch (e?.code) {
    case webApi.ErrorCode.RateLimitedError: {
      const seconds = typeof e.retryAfter === 'number' && e.retryAfter >= 0 ? e.retryAfter : 60;
      return new SlackPostError('rate_limited', 'ratelimited', `${method} was rate limited`, seconds);
    }
    case webApi.ErrorCode.PlatformError: {
      const code = String(e.data?.error ?? 'unknown_error');
      const kind = PERMANENT.has(code) ? 'permanent' : 'transient';
      return new SlackPostError(kind, code, `${method} answered ${code}`);
    }
    case webApi.ErrorCode.HTTPError: {
      const status = Number(e.statusCode);
      const kind = status >= 400 && status < 500 && status !== 408 ? 'permanent' : 'transient';
      return new SlackPostError(kind, `http_${status}`, `${method} answered HTTP ${status}`);
    }
    case webApi.ErrorCode.RequestError:
      return new SlackPostError(
        'transient',
        'network',
        `${method} got no answer: ${String(e.original?.message ?? 'connection lost')}`,
      );
    default:
      return new SlackPostError('transient', 'unexpected', `${method} failed: ${String(error)}`);
  }
}

async function call<T>(method: string, schema: z.ZodType<T>, run: () => Promise<unknown>): Promise<T> {
  let answer: unknown;
  try {
    answer = await run();
  } catch (error) {
    throw toSlackPostError(error, method);
  }
  return parseAnswer(schema, answer, method);
}

export interface WebClientPosterOptions {
  token: string;
  /** Slack Web API base URL (`slackApiUrl`), e.g. a fake Slack in tests. */
  apiUrl?: string;
  /** A call that has not answered by then counts as a lost answer. */
  timeoutMs?: number;
  logger?: Logger;
}

/**
 * A SlackPoster over the Web API. The WebClient never retries or waits out a rate limit by
 * itself: its retry after a lost answer could post the same message twice.
 */
export function createWebClientPoster(options: WebClientPosterOptions): SlackPoster {
  const client = new webApi.WebClient(options.token, {
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: options.timeoutMs ?? 15_000,
    ...(options.logger ? { logger: boltLogger(options.logger) } : {}),
    logLevel: webApi.LogLevel.ERROR,
  });

  return {
    post: (msg) =>
      call('chat.postMessage', PostAnswer, () =>
        client.chat.postMessage({
          channel: msg.channel,
          text: msg.text,
          // Slack refuses an empty blocks list; text alone is a valid message.
          ...(msg.blocks.length > 0 ? { blocks: msg.blocks as types.KnownBlock[] } : {}),
          metadata: {
            event_type: POST_EVENT_TYPE,
            event_payload: { key: msg.key, seq: msg.seq, attempt: msg.attempt },
          },
          unfurl_links: false,
        }),
      ),

    async findByKey(channel, key, bound) {
      let cursor: string | undefined;
      for (let page = 0; page < MAX_HISTORY_PAGES; page += 1) {
        const answer = await call('conversations.history', HistoryAnswer, () =>
          client.conversations.history({
            channel,
            include_all_metadata: true,
            limit: 100,
            ...(cursor ? { cursor } : {}),
          }),
        );
        const ours = answer.messages.flatMap((m) =>
          m.metadata?.event_type === POST_EVENT_TYPE && m.metadata.event_payload
            ? [{ ts: m.ts, payload: m.metadata.event_payload }]
            : [],
        );
        const found = ours.find((m) => m.payload.key === key);
        if (found) return found.ts;
        // The rest of this page still counts: two posts can cross when two senders race.
        if (bound && ours.some((m) => isEarlierFirstAttempt(m.payload, bound.seq))) return null;
        cursor = answer.response_metadata?.next_cursor;
        if (!answer.has_more || !cursor) return null;
      }
      // Not knowing is not "not posted": answering null here could post twice.
      throw new SlackPostError(
        'transient',
        'history_too_long',
        `conversations.history: more than ${MAX_HISTORY_PAGES * 100} messages to search for ${key}`,
      );
    },

    async update(msg) {
      await call('chat.update', UpdateAnswer, () =>
        client.chat.update({
          channel: msg.channel,
          ts: msg.ts,
          text: msg.text,
          ...(msg.blocks.length > 0 ? { blocks: msg.blocks as types.KnownBlock[] } : {}),
        }),
      );
    },

    async openDirectMessage(userId) {
      const answer = await call('conversations.open', OpenAnswer, () =>
        client.conversations.open({ users: userId }),
      );
      return answer.channel.id;
    },
  };
}
