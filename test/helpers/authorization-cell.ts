import type { FakeSlack, SlackCall } from '../fakes/fake-slack';
import { textOf } from './revision-fixtures';
import { postSlashCommand, type SlackHttpResponse } from './slack-request';
import { RELEASE_CHANNEL, SIGNING_SECRET } from './start-app';
import type { World } from './authorization-world';

/** What one person trying one action came to. */
export interface Outcome {
  refused: boolean;
  /** The words they were shown: the answer, the refusal, or what was opened. */
  text: string;
}

/** How a row of the matrix is tried: the words of the action, and its data ready beforehand. */
export interface MatrixAction {
  /** How the action is named in the matrix, e.g. `/kfrelease phase advance`. */
  name: string;
  surface: 'command' | 'form command' | 'button' | 'modal';
  scene: 'freeze' | 'after release';
  /** Whether it saves something when allowed (opening a form does not). */
  changes: boolean;
  /** What a refusal must name: who may do it. */
  names: RegExp;
  arrange?(w: World, user: string): Promise<void> | void;
  act(w: World, user: string): Promise<Outcome>;
}

/**
 * Whether a slash-command answer is a user error: its first block is the message behind a warning
 * sign, and the message is also the answer's text (a decision post may start with the sign too).
 */
export function isUserErrorAnswer(body: { text?: string; blocks?: { text?: { text?: string } }[] }): boolean {
  return body.text !== undefined && body.blocks?.[0]?.text?.text === `:warning: ${body.text}`;
}

/** An answer to a slash command: refused when it is a user error, not an apology. */
export function commandOutcome(response: SlackHttpResponse): Outcome {
  const body = response.json<{ text?: string; blocks?: { text?: { text?: string } }[] }>();
  if (response.status !== 200 || !body) throw new Error(`HTTP ${response.status}: ${response.text}`);
  return { refused: isUserErrorAnswer(body), text: `${body.text ?? ''}\n${textOf(body.blocks ?? [])}` };
}

/** `/kfrelease <text>` as `user` in the release channel. */
export async function runCommand(w: World, user: string, text: string): Promise<Outcome> {
  return commandOutcome(await w.app.command(text, user));
}

let triggers = 0;

/** A subcommand that opens a modal: the modal opened, or an ephemeral refusal. */
export async function openForm(w: World, user: string, text: string): Promise<Outcome> {
  const trigger = `${2_000_000_000_000 + ++triggers}.1.matrix`;
  const response = await postSlashCommand(w.app.url, SIGNING_SECRET, {
    command: '/kfrelease',
    text,
    user_id: user,
    channel_id: RELEASE_CHANNEL,
    trigger_id: trigger,
  });
  if (response.text !== '') return commandOutcome(response);
  const call = await w.app.slack.waitForCall('views.open', (c) => c.args.trigger_id === trigger);
  return { refused: false, text: textOf(call.args.view) };
}

/** How the app answered a button: a modal, an updated message, or a message only the clicker sees. */
export function answerOf(call: SlackCall, who: Press): Outcome | null {
  const { method, args } = call;
  if (method === 'views.open' && args.trigger_id === who.trigger)
    return { refused: false, text: textOf(args.view) };
  if (method === 'views.update') return { refused: false, text: textOf(args.view) };
  if (method === 'chat.update' && who.ts !== undefined && args.ts === who.ts)
    return { refused: false, text: textOf(args) };
  const toClicker =
    (method === 'chat.postEphemeral' && args.user === who.user) ||
    (method === 'chat.postMessage' && args.channel === who.user);
  if (!toClicker) return null;
  // Refusals and errors are plain text; an answer with Block Kit shows what was done.
  const shown = Array.isArray(args.blocks) && args.blocks.length > 0;
  return shown ? { refused: false, text: textOf(args) } : { refused: true, text: String(args.text ?? '') };
}

/** Who pressed and what the press carried, to tell the app's answer to it from other calls. */
export interface Press {
  user: string;
  trigger: string;
  ts?: string;
}

export function pressOf(payload: Record<string, unknown>): Press {
  const ts = (payload.container as { message_ts?: string } | undefined)?.message_ts;
  return {
    user: (payload.user as { id: string }).id,
    trigger: String(payload.trigger_id),
    ...(ts ? { ts } : {}),
  };
}

/**
 * The app's answer to a press among the Slack calls made since `seen`, or null when none came
 * within `timeoutMs`. A modal or an update counts once no message to the presser follows it for
 * `afterMs`: a call Slack refused (a stale hash, an old trigger) is followed by such a message.
 */
export async function answerToPress(
  slack: FakeSlack,
  seen: number,
  press: Press,
  timeoutMs: number,
  afterMs = 50,
): Promise<Outcome | null> {
  const until = Date.now() + timeoutMs;
  let firstAt: number | null = null;
  for (;;) {
    const answers = slack.calls.slice(seen).flatMap((call) => answerOf(call, press) ?? []);
    const refusal = answers.find((a) => a.refused);
    if (refusal) return refusal;
    if (answers.length > 0) firstAt ??= Date.now();
    if (firstAt !== null && Date.now() - firstAt >= afterMs) return answers[0] ?? null;
    if (firstAt === null && Date.now() > until) return null;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Presses a button (or picks from a select) and waits for what the app does about it. */
export async function pressButton(
  w: World,
  payload: Record<string, unknown>,
  timeoutMs = 3000,
): Promise<Outcome> {
  const seen = w.app.slack.calls.length;
  const response = await w.app.interact(payload);
  if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${response.text}`);
  const answer = await answerToPress(w.app.slack, seen, pressOf(payload), timeoutMs);
  if (!answer) throw new Error(`no answer to the button within ${timeoutMs} ms`);
  return answer;
}

/** Submits a modal: refused when it comes back with errors next to the fields. */
export async function submitModal(w: World, payload: object): Promise<Outcome> {
  const response = await w.app.interact(payload);
  if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${response.text}`);
  const body = response.json<{ response_action?: string; errors?: Record<string, string>; view?: unknown }>();
  if (body?.response_action === 'errors')
    return { refused: true, text: Object.values(body.errors ?? {}).join('\n') };
  return { refused: false, text: textOf(body?.view ?? {}) };
}

/**
 * Tries one action as one person inside a transaction rolled back afterwards, so every cell starts
 * from the same world. Answers what happened and whether the database changed.
 */
export async function tryCell(
  w: World,
  action: MatrixAction,
  user: string,
): Promise<Outcome & { changed: boolean }> {
  const db = w.app.services.store.db;
  db.exec('BEGIN');
  try {
    if (action.arrange) {
      await action.arrange(w, user);
      // What the arrangement queued (an announcement, say) is delivered now, not by the app's
      // background sender in the middle of the action.
      await w.settle();
    }
    const before = w.snapshot();
    const outcome = await action.act(w, user);
    const changed = w.snapshot() !== before;
    if (!outcome.refused) await w.settle();
    return { ...outcome, changed };
  } finally {
    db.exec('ROLLBACK');
  }
}
