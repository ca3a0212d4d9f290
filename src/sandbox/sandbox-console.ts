import { z } from 'zod';
import {
  appHomeOpenedEvent,
  blockActionsPayload,
  newTriggerId,
  postSigned,
  slashCommandBody,
  viewClosedPayload,
  viewSubmissionPayload,
  type SignedAnswer,
} from './slack-payloads';
import type { SlackStandIn, StoredView } from './slack-stand-in';
import { SLACK_METHODS } from './slack-stand-in-methods';
import { dmChannelId, SLACK_TEAM } from './slack-stand-in-state';
import { syncRecords, type ResponseContext } from './sync-records';

/** Someone the console lets you be. */
export interface ConsolePerson {
  id: string;
  name: string;
  /** Their roles in the demo release, e.g. "Release Team Member (WG liaison): Notebooks". */
  title: string;
}

/** A message only one person sees: a command's answer, a response_url post or chat.postEphemeral. */
export interface Ephemeral {
  ts: string;
  channel: string;
  user: string;
  text: string;
  blocks: unknown[];
}

export type Outcome = { ok: true } | { ok: false; problem: string };

const slackAnswerSchema = z
  .object({
    response_type: z.string().optional(),
    text: z.string().optional(),
    blocks: z.array(z.unknown()).optional(),
    response_action: z.enum(['errors', 'update', 'push', 'clear']).optional(),
    errors: z.record(z.string(), z.string()).optional(),
    view: z.record(z.string(), z.unknown()).optional(),
  })
  .passthrough();

type SlackAnswer = z.infer<typeof slackAnswerSchema>;

function answerOf(answer: SignedAnswer): SlackAnswer | null {
  if (answer.text.trim() === '') return null;
  try {
    const parsed = slackAnswerSchema.safeParse(JSON.parse(answer.text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function refused(answer: SignedAnswer): Outcome | null {
  if (answer.status === 200) return null;
  return { ok: false, problem: `kfrelease answered HTTP ${answer.status}: ${answer.text.slice(0, 300)}` };
}

/**
 * The server side of the sandbox console: acts as Slack for one person at a time. It sends what
 * they do to the app's `/slack/events`, signed, and applies the app's answers the way Slack
 * would (ephemeral messages, modal errors, updates, closing), beside what the stand-in recorded.
 */
export class SandboxConsole {
  readonly ephemerals: Ephemeral[] = [];
  readonly viewErrors = new Map<string, Record<string, string>>();
  readonly responseContexts = new Map<string, ResponseContext>();
  readonly cursor = { responses: 0, calls: 0 };
  private readonly triggers = new Map<string, string>();
  private readonly closed = new Set<string>();
  private appUrl = '';

  constructor(
    readonly slack: SlackStandIn,
    readonly params: {
      signingSecret: string;
      channel: { id: string; name: string };
      people: ConsolePerson[];
    },
  ) {}

  /** Where the app listens; set once it does. */
  attach(appUrl: string): void {
    this.appUrl = appUrl;
  }

  person(id: string): ConsolePerson | undefined {
    return this.params.people.find((p) => p.id === id);
  }

  /** The release channel, or this person's direct messages with the bot. */
  conversation(userId: string, where: 'channel' | 'dm'): { id: string; name: string } {
    return where === 'channel' ? this.params.channel : { id: dmChannelId(userId), name: 'directmessage' };
  }

  /** `/kfrelease <text>`: its answer comes back in the HTTP body, a modal or a post later. */
  async command(person: ConsolePerson, text: string, where: 'channel' | 'dm'): Promise<Outcome> {
    const channel = this.conversation(person.id, where);
    const responseUrl = this.responseUrl({ user: person.id, channel: channel.id });
    const answer = await this.send({
      form: slashCommandBody({
        user: person,
        text,
        channel,
        responseUrl,
        triggerId: this.trigger(person.id),
      }),
    });
    const body = answerOf(answer);
    if (body && (body.text || body.blocks)) this.show(person.id, channel.id, body);
    return refused(answer) ?? { ok: true };
  }

  /** A button pressed or an option picked, in a message or in a view. */
  async act(
    person: ConsolePerson,
    action: Record<string, unknown>,
    where: { channel: string; ts: string } | { viewId: string; values: Record<string, unknown> },
  ): Promise<Outcome> {
    const triggerId = this.trigger(person.id);
    if ('viewId' in where) {
      const view = this.viewOf(person.id, where.viewId);
      if (!view) return { ok: false, problem: 'That view is no longer open.' };
      const payload = blockActionsPayload({
        user: person,
        triggerId,
        action,
        where: { kind: 'view', view: { ...view, state: { values: where.values } } },
      });
      return refused(await this.send({ payload })) ?? { ok: true };
    }
    const stored = this.slack.state.findMessage(where.channel, where.ts);
    const channel =
      where.channel === this.params.channel.id
        ? this.params.channel
        : { id: where.channel, name: 'directmessage' };
    const responseUrl = this.responseUrl({ user: person.id, channel: where.channel, messageTs: where.ts });
    const payload = blockActionsPayload({
      user: person,
      triggerId,
      action,
      where: {
        kind: 'message',
        channel,
        ts: where.ts,
        responseUrl,
        ...(stored ? { message: { ...stored } } : {}),
      },
    });
    return refused(await this.send({ payload })) ?? { ok: true };
  }

  /** The modal's Submit: the app's response_action is applied as Slack applies it. */
  async submit(person: ConsolePerson, viewId: string, values: Record<string, unknown>): Promise<Outcome> {
    const view = this.viewOf(person.id, viewId);
    if (!view) return { ok: false, problem: 'That view is no longer open.' };
    const answer = await this.send({
      payload: viewSubmissionPayload({ user: person, view: { ...view, state: { values } } }),
    });
    const problem = refused(answer);
    if (problem) return problem;
    const body = answerOf(answer);
    this.viewErrors.delete(viewId);
    switch (body?.response_action) {
      case 'errors':
        this.viewErrors.set(viewId, body.errors ?? {});
        break;
      case 'update':
        SLACK_METHODS['views.update']?.(this.slack.state, { view_id: viewId, view: body.view });
        break;
      case 'push':
        SLACK_METHODS['views.push']?.(this.slack.state, {
          trigger_id: this.trigger(person.id),
          view: body.view,
        });
        break;
      case 'clear':
        for (const open of this.openModals(person.id)) this.closed.add(open.id);
        break;
      default:
        this.closed.add(viewId);
    }
    return { ok: true };
  }

  /** The modal's close button; the app hears of it only if the view asked to. */
  async close(person: ConsolePerson, viewId: string): Promise<Outcome> {
    const view = this.viewOf(person.id, viewId);
    if (!view) return { ok: true };
    this.closed.add(viewId);
    if (view.notify_on_close !== true) return { ok: true };
    return refused(await this.send({ payload: viewClosedPayload({ user: person, view }) })) ?? { ok: true };
  }

  /** Opening the App Home tab: Slack sends `app_home_opened`. */
  async openHome(person: ConsolePerson): Promise<Outcome> {
    const event = appHomeOpenedEvent({ userId: person.id, channel: dmChannelId(person.id) });
    return refused(await this.send({ json: event })) ?? { ok: true };
  }

  /** The modals on this person's screen, bottom of the stack first. */
  openModals(userId: string): StoredView[] {
    return [...this.slack.state.views.values()]
      .filter((view) => view.type === 'modal' && !this.closed.has(view.id))
      .filter((view) => this.triggers.get(this.slack.state.viewTriggers.get(view.id) ?? '') === userId)
      .sort((a, b) => a.id.localeCompare(b.id));
  }

  /** Takes in what the app did on its own since the last look: response_url posts, ephemerals. */
  sync(): void {
    syncRecords(this);
  }

  /** A message in the conversation for everyone (in_channel) or an ephemeral one for `userId`. */
  show(
    userId: string,
    channel: string,
    body: { response_type?: string; text?: string; blocks?: unknown[] },
  ): void {
    const text = body.text ?? '';
    const blocks = body.blocks ?? [];
    if (body.response_type === 'in_channel') {
      this.slack.addMessage(channel, { text, blocks, user: SLACK_TEAM.botUserId, bot_id: SLACK_TEAM.botId });
      return;
    }
    this.ephemerals.push({ ts: this.slack.state.nextTs(), channel, user: userId, text, blocks });
  }

  private viewOf(userId: string, viewId: string): StoredView | undefined {
    return this.openModals(userId).find((view) => view.id === viewId) ?? this.homeView(userId, viewId);
  }

  private homeView(userId: string, viewId: string): StoredView | undefined {
    return this.slack.state.homeViews.get(userId) === viewId ? this.slack.state.views.get(viewId) : undefined;
  }

  private trigger(userId: string): string {
    const id = newTriggerId();
    this.triggers.set(id, userId);
    return id;
  }

  private responseUrl(context: ResponseContext): string {
    const id = `console-${this.responseContexts.size + 1}`;
    this.responseContexts.set(id, context);
    return this.slack.responseUrl(id);
  }

  private async send(body: Parameters<typeof postSigned>[2]): Promise<SignedAnswer> {
    if (!this.appUrl) throw new Error('the sandbox console is not attached to the app yet');
    const answer = await postSigned(this.appUrl, this.params.signingSecret, body);
    this.sync();
    return answer;
  }
}
