import type { Clock } from '../clock';
import type { ConsolePerson, SandboxConsole } from './sandbox-console';
import type { StoredMessage, StoredView } from './slack-stand-in';
import { dmChannelId, SLACK_TEAM, tsToMicros } from './slack-stand-in-state';

export interface ConsoleMessage {
  /** The conversation it is in, for acting on it. */
  channel: string;
  ts: string;
  user: string;
  text: string;
  blocks: unknown[];
  /** Only this person sees it. */
  ephemeral: boolean;
  edited: boolean;
  threadTs: string | null;
}

export interface ConsoleView {
  id: string;
  hash: string;
  title: string;
  submit: string | null;
  close: string;
  blocks: unknown[];
  /** Problems the app reported next to fields, by block_id. */
  errors: Record<string, string>;
}

/** What one person's console shows; polled by the page. */
export interface ConsoleSnapshot {
  me: ConsolePerson;
  people: ConsolePerson[];
  /** Slack ID -> name, for mentions: the people, the bot and the release channel. */
  names: Record<string, string>;
  release: string;
  clock: { iso: string; local: string; zone: string };
  /** `member`: kfrelease is in the channel; when not, Slack refuses its posts there. */
  channel: { id: string; name: string; member: boolean; messages: ConsoleMessage[] };
  dm: { id: string; messages: ConsoleMessage[] };
  home: { id: string; blocks: unknown[] } | null;
  modals: ConsoleView[];
}

const plainText = (value: unknown, fallback: string): string =>
  typeof value === 'object' && value !== null && typeof (value as { text?: unknown }).text === 'string'
    ? (value as { text: string }).text
    : fallback;

function fromStored(channel: string, message: StoredMessage): ConsoleMessage {
  return {
    channel,
    ts: message.ts,
    user: message.user,
    text: message.text,
    blocks: message.blocks ?? [],
    ephemeral: false,
    edited: message.edited !== undefined,
    threadTs: message.thread_ts && message.thread_ts !== message.ts ? message.thread_ts : null,
  };
}

function viewOf(view: StoredView, errors: Record<string, string>): ConsoleView {
  return {
    id: view.id,
    hash: view.hash,
    title: plainText(view.title, 'kfrelease'),
    submit: view.submit ? plainText(view.submit, 'Submit') : null,
    close: plainText(view.close, 'Cancel'),
    blocks: Array.isArray(view.blocks) ? view.blocks : [],
    errors,
  };
}

/** Everything `person` sees right now: the channel, their DMs, App Home and open modals. */
export function consoleSnapshot(
  target: SandboxConsole,
  input: { person: ConsolePerson; clock: Clock; timeZone: string; release: string },
): ConsoleSnapshot {
  target.sync();
  const { person } = input;
  const { slack } = target;
  const conversation = (...ids: string[]): ConsoleMessage[] =>
    [
      ...ids.flatMap((id) => slack.messages(id).map((message) => fromStored(id, message))),
      ...target.ephemerals
        .filter((e) => e.user === person.id && ids.includes(e.channel))
        .map((e) => ({ ...e, user: SLACK_TEAM.botUserId, ephemeral: true, edited: false, threadTs: null })),
    ].sort((a, b) => (tsToMicros(a.ts) < tsToMicros(b.ts) ? -1 : 1));
  const channel = target.params.channel;
  const dm = dmChannelId(person.id);
  const homeId = slack.state.homeViews.get(person.id);
  const home = homeId ? slack.state.views.get(homeId) : undefined;
  const now = input.clock.now();
  const people = target.params.people;
  return {
    me: person,
    people,
    names: Object.fromEntries([
      ...people.map((p) => [p.id, p.name]),
      [SLACK_TEAM.botUserId, 'kfrelease'],
      [channel.id, channel.name],
    ]),
    release: input.release,
    clock: {
      iso: now.toUTC().toISO() ?? '',
      local: now.setZone(input.timeZone).toFormat('ccc d LLL yyyy, HH:mm'),
      zone: input.timeZone,
    },
    channel: {
      ...channel,
      member: !slack.state.botRemovedFrom.has(channel.id),
      messages: conversation(channel.id),
    },
    // Posting to a user ID lands in their DM with the bot, as in Slack.
    dm: { id: dm, messages: conversation(dm, person.id) },
    home: home ? { id: home.id, blocks: Array.isArray(home.blocks) ? home.blocks : [] } : null,
    modals: target.openModals(person.id).map((view) => viewOf(view, target.viewErrors.get(view.id) ?? {})),
  };
}
