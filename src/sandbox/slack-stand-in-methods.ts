import {
  SLACK_TEAM,
  dmChannelId,
  type MessageMetadata,
  type SlackState,
  type StoredMessage,
  type StoredView,
  tsToMicros,
} from './slack-stand-in-state';

export type SlackArgs = Record<string, unknown>;
export type SlackAnswer = Record<string, unknown> & { ok: boolean };
export type MethodHandler = (state: SlackState, args: SlackArgs) => SlackAnswer;

const fail = (error: string): SlackAnswer => ({ ok: false, error });

/** Form bodies carry every value as a string. */
function str(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  return String(value);
}

function bool(value: unknown): boolean {
  return value === true || value === 'true' || value === '1' || value === 1;
}

function int(value: unknown): number | undefined {
  const parsed = Number.parseInt(String(value), 10);
  return Number.isNaN(parsed) ? undefined : parsed;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function tzOffsetSeconds(tz: string): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'longOffset' })
    .formatToParts(new Date())
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  if (!match) return 0;
  const seconds = Number(match[2]) * 3600 + Number(match[3]) * 60;
  return match[1] === '-' ? -seconds : seconds;
}

function postMessage(state: SlackState, args: SlackArgs): SlackAnswer {
  const channel = str(args.channel);
  if (!channel) return fail('channel_not_found');
  if (state.botRemovedFrom.has(channel)) return fail('not_in_channel');
  if (!str(args.text) && !Array.isArray(args.blocks) && !Array.isArray(args.attachments))
    return fail('no_text');
  const ts = state.nextTs();
  const message: StoredMessage = {
    type: 'message',
    ts,
    text: str(args.text) ?? '',
    user: SLACK_TEAM.botUserId,
    bot_id: SLACK_TEAM.botId,
    app_id: SLACK_TEAM.appId,
    team: SLACK_TEAM.teamId,
    ...(Array.isArray(args.blocks) ? { blocks: args.blocks } : {}),
    ...(Array.isArray(args.attachments) ? { attachments: args.attachments } : {}),
    ...(isRecord(args.metadata) ? { metadata: args.metadata as unknown as MessageMetadata } : {}),
    ...(str(args.thread_ts) ? { thread_ts: str(args.thread_ts) } : {}),
    ...(bool(args.reply_broadcast) ? { reply_broadcast: true } : {}),
  };
  state.channelMessages(channel).push(message);
  return { ok: true, channel, ts, message: { ...message } };
}

function update(state: SlackState, args: SlackArgs): SlackAnswer {
  const channel = str(args.channel);
  const ts = str(args.ts);
  if (!channel) return fail('channel_not_found');
  const message = ts ? state.findMessage(channel, ts) : undefined;
  if (!message) return fail('message_not_found');
  if (str(args.text) !== undefined) message.text = String(args.text);
  if (Array.isArray(args.blocks)) message.blocks = args.blocks;
  if (Array.isArray(args.attachments)) message.attachments = args.attachments;
  if (isRecord(args.metadata)) message.metadata = args.metadata as unknown as MessageMetadata;
  message.edited = { user: SLACK_TEAM.botUserId, ts: state.nextTs() };
  return { ok: true, channel, ts: message.ts, text: message.text, message: { ...message } };
}

function deleteMessage(state: SlackState, args: SlackArgs): SlackAnswer {
  const channel = str(args.channel) ?? '';
  const list = state.messages.get(channel) ?? [];
  const index = list.findIndex((message) => message.ts === str(args.ts));
  if (index < 0) return fail('message_not_found');
  list.splice(index, 1);
  return { ok: true, channel, ts: str(args.ts) };
}

function history(state: SlackState, args: SlackArgs): SlackAnswer {
  const channel = str(args.channel);
  if (!channel) return fail('channel_not_found');
  const inclusive = bool(args.inclusive);
  const oldest = tsToMicros(str(args.oldest) ?? '0');
  const latest = str(args.latest) ? tsToMicros(String(args.latest)) : undefined;
  const limit = Math.min(int(args.limit) ?? 100, 999);
  const offset = int(args.cursor) ?? 0;
  const withMetadata = bool(args.include_all_metadata);
  const inRange = (message: StoredMessage): boolean => {
    const at = tsToMicros(message.ts);
    if (inclusive ? at < oldest : at <= oldest) return false;
    return latest === undefined || (inclusive ? at <= latest : at < latest);
  };
  const topLevel = (message: StoredMessage): boolean =>
    !message.thread_ts || message.thread_ts === message.ts || message.reply_broadcast === true;
  const matching = state
    .channelMessages(channel)
    .filter((message) => topLevel(message) && inRange(message))
    .sort((a, b) => (tsToMicros(b.ts) > tsToMicros(a.ts) ? 1 : -1));
  const page = matching.slice(offset, offset + limit).map((message) => {
    const { metadata, ...rest } = message;
    return withMetadata && metadata ? { ...rest, metadata } : rest;
  });
  const hasMore = matching.length > offset + limit;
  return {
    ok: true,
    messages: page,
    has_more: hasMore,
    pin_count: 0,
    response_metadata: { next_cursor: hasMore ? String(offset + limit) : '' },
  };
}

function storeView(state: SlackState, view: unknown, keep?: StoredView, previousViewId?: string): StoredView {
  const input = isRecord(view) ? view : {};
  const id = keep?.id ?? state.nextViewId();
  const stored: StoredView = {
    type: 'modal',
    team_id: SLACK_TEAM.teamId,
    blocks: [],
    private_metadata: '',
    callback_id: '',
    external_id: '',
    state: { values: {} },
    clear_on_close: false,
    notify_on_close: false,
    close: null,
    submit: null,
    previous_view_id: previousViewId ?? keep?.previous_view_id ?? null,
    root_view_id: keep?.root_view_id ?? id,
    app_id: SLACK_TEAM.appId,
    app_installed_team_id: SLACK_TEAM.teamId,
    bot_id: SLACK_TEAM.botId,
    ...input,
    id,
    hash: state.nextHash(),
  };
  state.views.set(id, stored);
  return stored;
}

/** A trigger_id works once, as in Slack. */
function takeTrigger(state: SlackState, args: SlackArgs): string | undefined {
  const trigger = str(args.trigger_id);
  if (!trigger) return 'invalid_trigger_id';
  if (state.usedTriggers.has(trigger)) return 'expired_trigger_id';
  state.usedTriggers.add(trigger);
  return undefined;
}

function viewsOpen(state: SlackState, args: SlackArgs): SlackAnswer {
  const triggerError = takeTrigger(state, args);
  if (triggerError) return fail(triggerError);
  if (!isRecord(args.view)) return fail('invalid_arguments');
  const view = storeView(state, args.view);
  state.viewTriggers.set(view.id, String(args.trigger_id));
  return { ok: true, view };
}

function viewsPush(state: SlackState, args: SlackArgs): SlackAnswer {
  const triggerError = takeTrigger(state, args);
  if (triggerError) return fail(triggerError);
  if (!isRecord(args.view)) return fail('invalid_arguments');
  const top = [...state.views.values()].at(-1);
  const view = storeView(state, args.view, undefined, top?.id);
  state.viewTriggers.set(view.id, String(args.trigger_id));
  return { ok: true, view };
}

function viewsUpdate(state: SlackState, args: SlackArgs): SlackAnswer {
  if (!isRecord(args.view)) return fail('invalid_arguments');
  const externalId = str(args.external_id);
  const current = str(args.view_id)
    ? state.views.get(String(args.view_id))
    : [...state.views.values()].find((view) => externalId !== undefined && view.external_id === externalId);
  if (!current) return fail('not_found');
  if (str(args.hash) && args.hash !== current.hash) return fail('hash_conflict');
  return { ok: true, view: storeView(state, args.view, current) };
}

function viewsPublish(state: SlackState, args: SlackArgs): SlackAnswer {
  const userId = str(args.user_id);
  if (!userId) return fail('invalid_arguments');
  if (!isRecord(args.view)) return fail('invalid_arguments');
  const existingId = state.homeViews.get(userId);
  const current = existingId ? state.views.get(existingId) : undefined;
  if (current && str(args.hash) && args.hash !== current.hash) return fail('hash_conflict');
  const view = storeView(state, { type: 'home', ...args.view }, current);
  state.homeViews.set(userId, view.id);
  return { ok: true, view };
}

function usersInfo(state: SlackState, args: SlackArgs): SlackAnswer {
  const user = state.users.get(str(args.user) ?? '');
  if (!user) return fail('user_not_found');
  const tz = user.tz ?? 'Europe/Berlin';
  const realName = user.realName ?? user.name;
  return {
    ok: true,
    user: {
      id: user.id,
      team_id: SLACK_TEAM.teamId,
      name: user.name,
      deleted: false,
      real_name: realName,
      tz,
      tz_offset: tzOffsetSeconds(tz),
      is_bot: user.isBot ?? false,
      profile: { real_name: realName, display_name: user.name },
    },
  };
}

function conversationsInfo(state: SlackState, args: SlackArgs): SlackAnswer {
  const channel = state.channels.get(str(args.channel) ?? '');
  if (!channel) return fail('channel_not_found');
  const isPrivate = channel.isPrivate ?? false;
  return {
    ok: true,
    channel: {
      id: channel.id,
      name: channel.name,
      is_channel: !isPrivate,
      is_group: isPrivate,
      is_im: false,
      is_private: isPrivate,
      is_archived: false,
      is_member: true,
      created: 1_600_000_000,
      topic: { value: '', creator: '', last_set: 0 },
      purpose: { value: '', creator: '', last_set: 0 },
    },
  };
}

/** Opens (or finds) the bot's direct message with one user of the directory; group DMs are not modelled. */
function conversationsOpen(state: SlackState, args: SlackArgs): SlackAnswer {
  const users = (str(args.users) ?? '').split(',').filter(Boolean);
  if (users.length === 0)
    return fail(str(args.channel) ? 'method_not_supported_for_channel_type' : 'users_list_not_supplied');
  if (users.length > 1) return fail('not_supported_by_stand_in');
  const userId = users[0] ?? '';
  if (!state.users.has(userId)) return fail('user_not_found');
  const id = dmChannelId(userId);
  return {
    ok: true,
    channel: { id, created: 1_600_000_000, is_im: true, is_org_shared: false, user: userId, is_open: true },
  };
}

/** Methods the stand-in answers with real shapes; any other method answers `{ ok: true }`. */
export const SLACK_METHODS: Record<string, MethodHandler> = {
  'auth.test': () => ({
    ok: true,
    url: SLACK_TEAM.url,
    team: SLACK_TEAM.team,
    user: 'kfrelease',
    team_id: SLACK_TEAM.teamId,
    user_id: SLACK_TEAM.botUserId,
    bot_id: SLACK_TEAM.botId,
    is_enterprise_install: false,
  }),
  'chat.postMessage': postMessage,
  'chat.postEphemeral': (state, args) => {
    if (!str(args.channel)) return fail('channel_not_found');
    if (!str(args.user)) return fail('user_not_in_channel');
    return { ok: true, message_ts: state.nextTs() };
  },
  'chat.update': update,
  'chat.delete': deleteMessage,
  'conversations.history': history,
  'conversations.info': conversationsInfo,
  'conversations.open': conversationsOpen,
  'users.info': usersInfo,
  'views.open': viewsOpen,
  'views.push': viewsPush,
  'views.update': viewsUpdate,
  'views.publish': viewsPublish,
};
