import { answerToPress, isUserErrorAnswer, pressOf } from './authorization-cell';
import type { World } from './authorization-world';
import { interactionBody, postRaw, type RawResponse } from './fuzz-http';
import type { MalformedRequest } from './fuzz-malformed';
import type { FuzzInteraction } from './fuzz-payloads';
import { textOf } from './revision-fixtures';
import { slashCommandBody } from './slack-request';
import { RELEASE_CHANNEL, SIGNING_SECRET } from './start-app';

const APOLOGY = 'Sorry, something went wrong';
const FORM = 'application/x-www-form-urlencoded';
/** The app's limit on a Slack request body (app.ts); a larger one is refused with 413. */
const BODY_LIMIT_BYTES = 256 * 1024;

/** How an input was answered; `problem` is set when the answer breaks a rule. */
export interface Verdict {
  outcome: 'refused' | 'done' | 'form opened' | 'silent' | 'not served';
  problem?: string;
}

const problem = (text: string): Verdict => ({ outcome: 'done', problem: text });
const unclear = (text: string): boolean => text.trim() === '' || text.includes(APOLOGY);

function httpProblem(response: RawResponse, expected: (status: number) => boolean, body = ''): string | null {
  if (response.status === 413 && Buffer.byteLength(body) > BODY_LIMIT_BYTES) return null;
  if (response.status === 0) return `no answer (${response.error})`;
  if (response.status >= 500) return `HTTP ${response.status}: ${response.text.slice(0, 200)}`;
  return expected(response.status)
    ? null
    : `unexpected HTTP ${response.status}: ${response.text.slice(0, 200)}`;
}

/** A refusal must leave the database as it was. */
function refusedCleanly(w: World, before: string, text: string): Verdict {
  if (unclear(text)) return { outcome: 'refused', problem: `unclear refusal: "${text.slice(0, 300)}"` };
  if (w.snapshot() !== before)
    return { outcome: 'refused', problem: `the database changed on a refusal: "${text.slice(0, 300)}"` };
  return { outcome: 'refused' };
}

let triggers = 0;
const nextTrigger = () => `${4_000_000_000_000 + ++triggers}.1.fuzz`;

/** Sends `/kfrelease <text>`: an ephemeral answer that is not an apology, or a modal opened. */
export async function checkCommand(w: World, user: string, text: string): Promise<Verdict> {
  const trigger = nextTrigger();
  const fields = {
    command: '/kfrelease',
    text,
    user_id: user,
    channel_id: RELEASE_CHANNEL,
    trigger_id: trigger,
  };
  const before = w.snapshot();
  const body = new URLSearchParams(slashCommandBody(fields)).toString();
  const response = await postRaw(w.app.url, SIGNING_SECRET, { body, contentType: FORM });
  const http = httpProblem(response, (status) => status === 200, body);
  if (http) return problem(http);
  if (response.status === 413) return { outcome: 'refused' };
  if (response.text === '') {
    const opened = await w.app.slack
      .waitForCall('views.open', (call) => call.args.trigger_id === trigger, 2000)
      .catch(() => null);
    if (!opened) return problem('an empty answer and no modal opened');
    return { outcome: 'form opened' };
  }
  const answer = JSON.parse(response.text) as { text?: string; blocks?: { text?: { text?: string } }[] };
  const shown = `${answer.text ?? ''}\n${textOf(answer.blocks ?? [])}`;
  if (isUserErrorAnswer(answer)) return refusedCleanly(w, before, shown);
  if (unclear(shown)) return problem(`unclear answer: "${shown.slice(0, 300)}"`);
  await w.settle();
  return { outcome: 'done' };
}

/** Submits a modal: errors next to the fields (nothing saved), an updated modal, or closed. */
export async function checkViewSubmission(w: World, input: FuzzInteraction): Promise<Verdict> {
  const before = w.snapshot();
  const sent = interactionBody(input.payload);
  const response = await postRaw(w.app.url, SIGNING_SECRET, { body: sent, contentType: FORM });
  const http = httpProblem(response, (status) => status === 200, sent);
  if (http) return problem(http);
  if (response.status === 413) return { outcome: 'refused' };
  if (response.text === '') {
    await w.settle();
    return { outcome: 'done' };
  }
  const body = JSON.parse(response.text) as {
    response_action?: string;
    errors?: Record<string, unknown>;
    view?: unknown;
  };
  if (body.response_action === 'errors') {
    const messages = Object.values(body.errors ?? {});
    if (messages.length === 0 || messages.some((m) => typeof m !== 'string' || unclear(m)))
      return { outcome: 'refused', problem: `unclear errors: ${JSON.stringify(body.errors).slice(0, 300)}` };
    return refusedCleanly(w, before, messages.join('\n'));
  }
  if (body.response_action !== 'update' || unclear(textOf(body.view)))
    return problem(`unclear answer: ${response.text.slice(0, 300)}`);
  await w.settle();
  return { outcome: 'done' };
}

/**
 * Presses a button: acknowledged at once, then a modal, an updated message or a message to the
 * person who pressed it. A press nothing can come of (a select with nothing selected) may go
 * unanswered, but must change nothing.
 */
export async function checkBlockAction(w: World, input: FuzzInteraction, quietMs = 150): Promise<Verdict> {
  const seen = w.app.slack.calls.length;
  const before = w.snapshot();
  const sent = interactionBody(input.payload);
  const response = await postRaw(w.app.url, SIGNING_SECRET, { body: sent, contentType: FORM });
  const http = httpProblem(response, (status) => status === 200, sent);
  if (http) return problem(http);
  if (response.status === 413) return { outcome: 'refused' };
  if (response.text !== '') return problem(`a button answered with a body: ${response.text.slice(0, 200)}`);
  let answer = await answerToPress(w.app.slack, seen, pressOf(input.payload), quietMs);
  // A press that changed something is answered after the change: on a busy machine that can take
  // longer than the quiet wait, so give it Slack's three seconds before calling it silent.
  if (!answer && w.snapshot() !== before)
    answer = await answerToPress(w.app.slack, seen, pressOf(input.payload), 3000);
  if (answer?.refused) return refusedCleanly(w, before, answer.text);
  if (answer) {
    if (unclear(answer.text)) return problem(`unclear answer: "${answer.text.slice(0, 300)}"`);
    await w.settle();
    return { outcome: 'done' };
  }
  if (w.snapshot() !== before)
    return { outcome: 'silent', problem: 'the database changed and nobody was told' };
  return { outcome: 'silent' };
}

/** A request Slack never sends: refused with a 4xx (Slack's own checks answered), nothing changed. */
export async function checkMalformed(
  w: World,
  input: MalformedRequest,
  secret = SIGNING_SECRET,
): Promise<Verdict> {
  const before = w.snapshot();
  const response = await postRaw(w.app.url, secret, input);
  const http = httpProblem(response, (status) =>
    input.answeredOk ? status === 200 : status >= 400 && status < 500,
  );
  if (http) return { outcome: 'refused', problem: http };
  if (w.snapshot() !== before) return { outcome: 'refused', problem: 'the database changed' };
  return { outcome: input.answeredOk ? 'done' : 'refused' };
}
