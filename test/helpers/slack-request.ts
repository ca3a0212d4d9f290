import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';

export interface SlackSignatureHeaders {
  'x-slack-signature': string;
  'x-slack-request-timestamp': string;
}

export interface SignOptions {
  /** Seconds since the epoch; defaults to now. */
  timestamp?: number;
  /** Sent instead of the computed signature, to test rejection. */
  signature?: string;
  /** Sent without the signature and timestamp headers at all. */
  unsigned?: boolean;
  /** The request path as sent, unnormalised (default /slack/events). */
  path?: string;
}

export interface SlackHttpResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  elapsedMs: number;
  json<T = unknown>(): T | undefined;
}

export interface SlashCommandFields {
  command: string;
  text: string;
  user_id: string;
  user_name?: string;
  channel_id?: string;
  channel_name?: string;
  team_id?: string;
  /** Pass `fakeSlack.responseUrl(id)`; the default points at a closed local port, never at Slack. */
  response_url?: string;
  trigger_id?: string;
}

type Json = Record<string, unknown>;

/** Where a response goes when a test did not hand in a fake's response URL: refused at once, locally. */
export const NO_RESPONSE_URL = 'http://127.0.0.1:9/no-response-url-given';

let sequence = 0;
const nextId = (): number => ++sequence;
const uniqueTriggerId = (): string => `${1_000_000_000_000 + nextId()}.1000000000.${'f'.repeat(24)}`;

/** A fixture from test/fixtures, freshly parsed so callers may change it. */
export function loadFixture<T = Json>(name: string): T {
  return JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', name), 'utf8')) as T;
}

/** Slack's v0 signature: HMAC-SHA256 of `v0:{timestamp}:{body}` keyed with the signing secret. */
export function signSlackRequest(secret: string, body: string, timestamp: number): SlackSignatureHeaders {
  const digest = createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
  return { 'x-slack-signature': `v0=${digest}`, 'x-slack-request-timestamp': String(timestamp) };
}

function send(
  baseUrl: string,
  path: string,
  headers: Record<string, string>,
  body: string,
): Promise<SlackHttpResponse> {
  const started = process.hrtime.bigint();
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = request(
      // host and path apart: a URL string would normalise the path (/x/../slack/events).
      {
        hostname,
        port,
        path,
        method: 'POST',
        agent: false,
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text,
            elapsedMs: Number(process.hrtime.bigint() - started) / 1e6,
            json<T>(): T | undefined {
              if (text === '') return undefined;
              try {
                return JSON.parse(text) as T;
              } catch {
                return undefined;
              }
            },
          });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function postSigned(
  baseUrl: string,
  secret: string,
  body: string,
  contentType: string,
  opts: SignOptions,
): Promise<SlackHttpResponse> {
  const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
  const signed = signSlackRequest(secret, body, timestamp);
  const headers = {
    'content-type': contentType,
    'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
    ...(opts.unsigned ? {} : signed),
    ...(opts.signature === undefined ? {} : { 'x-slack-signature': opts.signature }),
  };
  return send(baseUrl, opts.path ?? '/slack/events', headers, body);
}

/** Every field Slack sends with a slash command, starting from `slash-command.status.json`. */
export function slashCommandBody(fields: SlashCommandFields): Record<string, string> {
  const base = loadFixture<Record<string, string>>('slash-command.status.json');
  return {
    ...base,
    ...Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)),
    user_name: fields.user_name ?? fields.user_id.toLowerCase(),
    response_url: fields.response_url ?? NO_RESPONSE_URL,
    trigger_id: fields.trigger_id ?? uniqueTriggerId(),
  };
}

/** A form body as given, signed unless `opts` says otherwise. */
export function postForm(baseUrl: string, body: string, opts: SignOptions = {}): Promise<SlackHttpResponse> {
  return postSigned(baseUrl, '', body, 'application/x-www-form-urlencoded', opts);
}

export function postSlashCommand(
  baseUrl: string,
  secret: string,
  fields: SlashCommandFields,
  opts: SignOptions = {},
): Promise<SlackHttpResponse> {
  const body = new URLSearchParams(slashCommandBody(fields)).toString();
  return postSigned(baseUrl, secret, body, 'application/x-www-form-urlencoded', opts);
}

/** Block actions and view submissions arrive as `payload=<JSON>` in a form body. */
export function postInteraction(
  baseUrl: string,
  secret: string,
  payload: object,
  opts: SignOptions = {},
): Promise<SlackHttpResponse> {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return postSigned(baseUrl, secret, body, 'application/x-www-form-urlencoded', opts);
}

/** Sends an Events API body; a bare event (e.g. `{ type: 'app_home_opened' }`) is wrapped in an envelope. */
export function postEvent(
  baseUrl: string,
  secret: string,
  event: object,
  opts: SignOptions = {},
): Promise<SlackHttpResponse> {
  const type = (event as { type?: unknown }).type;
  const envelope = type === 'event_callback' || type === 'url_verification' ? event : eventCallback(event);
  return postSigned(baseUrl, secret, JSON.stringify(envelope), 'application/json', opts);
}

function slackUser(id: string): Json {
  const name = id.toLowerCase();
  return { id, username: name, name, team_id: 'T0001' };
}

/** An `event_callback` envelope around `event`, starting from `event-callback.app-home-opened.json`. */
export function eventCallback(event: object): Json {
  const envelope = loadFixture('event-callback.app-home-opened.json');
  const id = nextId();
  return { ...envelope, event, event_id: `Ev${String(id).padStart(10, '0')}` };
}

export interface BlockActionInput {
  user: string;
  actionId: string;
  value: string;
  blockId?: string;
  channel?: string;
  responseUrl?: string;
  triggerId?: string;
}

/** A `block_actions` payload for a button click, starting from `block-actions.button.json`. */
export function blockAction(input: BlockActionInput): Json {
  const payload = loadFixture('block-actions.button.json');
  const [action] = payload.actions as Json[];
  const channel = input.channel ?? 'C0RELEASE';
  return {
    ...payload,
    user: slackUser(input.user),
    trigger_id: input.triggerId ?? uniqueTriggerId(),
    response_url: input.responseUrl ?? NO_RESPONSE_URL,
    channel: { id: channel, name: channel === 'C0RELEASE' ? 'release-team' : channel.toLowerCase() },
    container: { ...(payload.container as Json), channel_id: channel },
    actions: [
      {
        ...action,
        action_id: input.actionId,
        block_id: input.blockId ?? (action?.block_id as string),
        value: input.value,
        action_ts: `${Math.floor(Date.now() / 1000)}.${String(nextId()).padStart(6, '0')}`,
      },
    ],
  };
}

/** One input's state; a bare string stands for a plain_text_input's value. */
export type ViewStateValue = string | ({ type: string } & Json);

export interface ViewSubmissionInput {
  user: string;
  callbackId: string;
  privateMetadata: string;
  /** `values[block_id][action_id]`, as in `view.state.values`. */
  values: Record<string, Record<string, ViewStateValue>>;
  viewId?: string;
  hash?: string;
}

/** A `view_submission` payload, starting from `view-submission.example.json`, with one input block per value. */
export function viewSubmission(input: ViewSubmissionInput): Json {
  const payload = loadFixture('view-submission.example.json');
  const view = payload.view as Json;
  const values = Object.fromEntries(
    Object.entries(input.values).map(([blockId, actions]) => [
      blockId,
      Object.fromEntries(
        Object.entries(actions).map(([actionId, value]) => [
          actionId,
          typeof value === 'string' ? { type: 'plain_text_input', value } : value,
        ]),
      ),
    ]),
  );
  const blocks = Object.entries(values).flatMap(([blockId, actions]) =>
    Object.entries(actions).map(([actionId, value]) => ({
      type: 'input',
      block_id: blockId,
      label: { type: 'plain_text', text: blockId, emoji: true },
      optional: false,
      dispatch_action: false,
      element: { type: value.type, action_id: actionId },
    })),
  );
  // Each form Slack opens has its own ID and hash: a test names them to send the same one again.
  const viewId = input.viewId ?? `V${String(nextId()).padStart(10, '0')}`;
  return {
    ...payload,
    user: slackUser(input.user),
    trigger_id: uniqueTriggerId(),
    view: {
      ...view,
      id: viewId,
      root_view_id: viewId,
      callback_id: input.callbackId,
      private_metadata: input.privateMetadata,
      hash: input.hash ?? `${1_767_225_600 + nextId()}.AbCdEfGh`,
      blocks,
      state: { values },
    },
  };
}
