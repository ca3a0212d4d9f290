/** Identity of the stand-in workspace and bot, as `auth.test` reports it. */
export const SLACK_TEAM = {
  teamId: 'T0001',
  team: 'Kubeflow',
  url: 'https://kubeflow.slack.com/',
  botUserId: 'U0BOT',
  botId: 'B0BOT',
  appId: 'A0APP',
} as const;

export interface MessageMetadata {
  event_type: string;
  event_payload: Record<string, unknown>;
}

/** A message as `conversations.history` returns it (plus the bookkeeping the stand-in needs). */
export interface StoredMessage {
  type: 'message';
  ts: string;
  text: string;
  user: string;
  bot_id?: string;
  app_id?: string;
  team: string;
  blocks?: unknown[];
  attachments?: unknown[];
  metadata?: MessageMetadata;
  thread_ts?: string;
  reply_broadcast?: boolean;
  edited?: { user: string; ts: string };
}

export interface StandInUser {
  id: string;
  name: string;
  /** IANA zone; defaults to Europe/Berlin. */
  tz?: string;
  realName?: string;
  isBot?: boolean;
}

export interface StandInChannel {
  id: string;
  name: string;
  isPrivate?: boolean;
}

export type StoredView = Record<string, unknown> & { id: string; hash: string };

/** Slack timestamps compare as (seconds, microseconds); floats lose the last digit, so use bigint. */
export function tsToMicros(ts: string): bigint {
  const [seconds = '0', fraction = ''] = ts.split('.');
  return BigInt(seconds || '0') * 1_000_000n + BigInt(`${fraction}000000`.slice(0, 6));
}

function microsToTs(micros: bigint): string {
  return `${micros / 1_000_000n}.${String(micros % 1_000_000n).padStart(6, '0')}`;
}

/** The direct-message conversation between the bot and a user: stable, so tests can name it. */
export function dmChannelId(userId: string): string {
  return `D${userId}`;
}

/** Everything the Slack stand-in remembers between calls. */
export class SlackState {
  readonly messages = new Map<string, StoredMessage[]>();
  readonly views = new Map<string, StoredView>();
  readonly homeViews = new Map<string, string>();
  readonly users = new Map<string, StandInUser>();
  readonly channels = new Map<string, StandInChannel>();
  readonly usedTriggers = new Set<string>();
  /** The trigger_id each modal was opened with: it tells whose screen the modal is on. */
  readonly viewTriggers = new Map<string, string>();
  /**
   * Channels kfrelease was removed from (a person kicked it, or it was never invited): Slack
   * refuses its posts there with `not_in_channel`, as it does a bot without chat:write.public.
   */
  readonly botRemovedFrom = new Set<string>();
  private lastMicros: bigint;
  private viewCounter = 0;
  private hashCounter = 0;

  constructor(private readonly firstTs: number) {
    this.lastMicros = BigInt(firstTs) * 1_000_000n;
  }

  /** Unique and increasing, like Slack's `ts`. */
  nextTs(): string {
    this.lastMicros += 1n;
    return microsToTs(this.lastMicros);
  }

  nextViewId(): string {
    this.viewCounter += 1;
    return `V${String(this.viewCounter).padStart(8, '0')}`;
  }

  nextHash(): string {
    this.hashCounter += 1;
    return `${this.firstTs}.${String(this.hashCounter).padStart(8, '0')}`;
  }

  channelMessages(channel: string): StoredMessage[] {
    let list = this.messages.get(channel);
    if (!list) {
      list = [];
      this.messages.set(channel, list);
    }
    return list;
  }

  findMessage(channel: string, ts: string): StoredMessage | undefined {
    return this.messages.get(channel)?.find((message) => message.ts === ts);
  }

  /** Forget what was posted; the user and channel directory stays. */
  clearActivity(): void {
    this.messages.clear();
    this.views.clear();
    this.homeViews.clear();
    this.usedTriggers.clear();
    this.viewTriggers.clear();
  }
}
