import type { RawRequest } from './fuzz-http';
import { interactionBody } from './fuzz-http';
import type { Random } from './fuzz-random';
import { fuzzString } from './fuzz-text';
import {
  blockAction,
  loadFixture,
  signSlackRequest,
  slashCommandBody,
  viewSubmission,
} from './slack-request';

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

export interface MalformedRequest extends RawRequest {
  describe: string;
  /** Slack's own checks (ssl_check, url_verification) are answered 200; everything else is refused. */
  answeredOk: boolean;
}

type Json = Record<string, unknown>;
const view = () =>
  viewSubmission({ user: 'U0ADMIN01', callbackId: 'docs_add', privateMetadata: '{}', values: {} }) as Json;
const action = () => blockAction({ user: 'U0ADMIN01', actionId: 'blocker_open_form', value: '1' });
const viewOf = (payload: Json) => payload.view as Json;
/** Values of the wrong type for an object, a string, an array, and a string that may be null. */
const WRONG = [null, 5, 'x', true, [], {}, [null], -1.5];
const NOT_STRING = [5, true, [], {}, [null], -1.5];
const NOT_ARRAY = [null, 5, 'x', true, {}, [null], [5]];

/** Payloads Slack never sends: not JSON, not an object, fields missing or of the wrong type. */
const PAYLOADS: [string, (r: Random) => unknown][] = [
  ['payload null', () => null],
  ['payload number', (r) => r.pick([0, 1, -1, 1e308])],
  ['payload string', (r) => fuzzString(r)],
  ['payload array', () => [action()]],
  ['payload boolean', () => true],
  ['empty object', () => ({})],
  ['view without user', () => ({ ...view(), user: undefined })],
  ['view with user of the wrong type', (r) => ({ ...view(), user: r.pick(WRONG) })],
  ['view without view', () => ({ ...view(), view: undefined })],
  ['view of the wrong type', (r) => ({ ...view(), view: r.pick(WRONG) })],
  [
    'view without state',
    (r) => ({ ...view(), view: { ...viewOf(view()), state: r.pick([undefined, ...WRONG]) } }),
  ],
  [
    'view values of the wrong type',
    (r) => ({
      ...view(),
      view: { ...viewOf(view()), state: { values: r.pick([null, 5, 'x', true, [null], { a: 5 }]) } },
    }),
  ],
  [
    'view leaf of the wrong type',
    (r) => ({
      ...view(),
      view: { ...viewOf(view()), state: { values: { feature: { feature: { value: r.pick(NOT_STRING) } } } } },
    }),
  ],
  [
    'view callback_id of the wrong type',
    (r) => ({ ...view(), view: { ...viewOf(view()), callback_id: r.pick(NOT_STRING) } }),
  ],
  [
    'view private_metadata of the wrong type',
    (r) => ({ ...view(), view: { ...viewOf(view()), private_metadata: r.pick(NOT_STRING) } }),
  ],
  ['view response_urls of the wrong type', (r) => ({ ...view(), response_urls: r.pick(NOT_ARRAY) })],
  ['action without user', () => ({ ...action(), user: undefined })],
  ['action user of the wrong type', (r) => ({ ...action(), user: r.pick(WRONG) })],
  ['actions of the wrong type', (r) => ({ ...action(), actions: r.pick([...NOT_ARRAY, []]) })],
  ['action without action_id', () => ({ ...action(), actions: [{ type: 'button', value: '1' }] })],
  [
    'action value of the wrong type',
    (r) => ({
      ...action(),
      actions: [{ action_id: 'blocker_triage', type: 'button', value: r.pick(NOT_STRING) }],
    }),
  ],
  [
    'action channel of the wrong type',
    (r) => ({ ...action(), channel: r.pick([null, 5, 'x', true, [], {}]) }),
  ],
  ['action team of the wrong type', (r) => ({ ...action(), team: r.pick([5, 'x', true]) })],
  ['shortcut', () => ({ type: 'shortcut', callback_id: 'x', trigger_id: 't' })],
  ['message action', () => ({ type: 'message_action', callback_id: 'x' })],
  ['block suggestion', () => ({ type: 'block_suggestion', action_id: 'x' })],
  ['dialog submission', () => ({ type: 'dialog_submission', callback_id: 'x' })],
  ['unknown type', (r) => ({ type: fuzzString(r), user: { id: 'U0ADMIN01' } })],
];

/** Slash-command form bodies that Slack never sends. */
const FORMS: [string, (r: Random) => string][] = [
  ['empty form', () => ''],
  ['form without a command', () => 'foo=bar'],
  ['command without user_id', () => 'command=%2Fkfrelease&text=status'],
  ['command with empty user_id', () => 'command=%2Fkfrelease&text=status&user_id='],
  ['command with text twice', () => 'command=%2Fkfrelease&text=status&text=help&user_id=U0ADMIN01'],
  ['command with user_id twice', () => 'command=%2Fkfrelease&text=help&user_id=U1&user_id=U2'],
  [
    'command with an event field',
    () =>
      new URLSearchParams({
        ...slashCommandBody({ command: '/kfrelease', text: 'help', user_id: 'U0ADMIN01' }),
        event: 'x',
      }).toString(),
  ],
  [
    'payload that is not JSON',
    (r) =>
      new URLSearchParams({ payload: r.pick(['{', '{"type":', 'nope', '\u0000', fuzzString(r)]) }).toString(),
  ],
];

/** Event bodies (JSON) that Slack never sends. */
const EVENTS: [string, (r: Random) => string][] = [
  ['json null', () => 'null'],
  ['json array', () => '[]'],
  ['json not JSON', (r) => r.pick(['{', '', 'nope', '{"event":'])],
  ['event of the wrong type', (r) => JSON.stringify({ type: 'event_callback', event: r.pick(WRONG) })],
  [
    'event user of the wrong type',
    (r) =>
      JSON.stringify({
        type: 'event_callback',
        event: { type: 'app_home_opened', user: r.pick([null, 5, [], true]) },
      }),
  ],
  [
    'event channel of the wrong type',
    (r) =>
      JSON.stringify({
        type: 'event_callback',
        event: { type: 'app_home_opened', user: 'U1', channel: r.pick([5, null]) },
      }),
  ],
  [
    'event item of the wrong type',
    () => JSON.stringify({ type: 'event_callback', event: { type: 'reaction_added', item: 5 } }),
  ],
  [
    'authorizations of the wrong type',
    () => JSON.stringify({ ...loadFixture('event-callback.app-home-opened.json'), authorizations: [null] }),
  ],
];

/** A signed request Slack would never send; Slack's own checks are the two allowed to pass. */
export function fuzzMalformedRequest(r: Random): MalformedRequest {
  const roll = r.next();
  if (roll < 0.03)
    return { describe: 'ssl_check', body: 'ssl_check=1&token=x', contentType: FORM, answeredOk: true };
  if (roll < 0.06) {
    const body = JSON.stringify({ type: 'url_verification', challenge: 'c', token: 'x' });
    return { describe: 'url_verification', body, contentType: JSON_TYPE, answeredOk: true };
  }
  if (roll < 0.6) {
    const [name, make] = r.pick(PAYLOADS);
    return { describe: name, body: interactionBody(make(r)), contentType: FORM, answeredOk: false };
  }
  if (roll < 0.8) {
    const [name, make] = r.pick(FORMS);
    return { describe: name, body: make(r), contentType: FORM, answeredOk: false };
  }
  if (roll < 0.95) {
    const [name, make] = r.pick(EVENTS);
    return { describe: name, body: make(r), contentType: JSON_TYPE, answeredOk: false };
  }
  const body = interactionBody(action());
  const contentType = r.pick(['text/plain', 'application/json', `${FORM}; charset=utf-8`, '']);
  return { describe: `interaction sent as "${contentType}"`, body, contentType, answeredOk: false };
}

const now = () => Math.floor(Date.now() / 1000);

/** A real command with a bad signature, no signature, an old or future timestamp, or too large. */
export function fuzzForgedRequest(r: Random, secret: string): MalformedRequest & { expect: number[] } {
  const body = new URLSearchParams(
    slashCommandBody({
      command: '/kfrelease',
      text: 'release create v1.20.0 2026-08-03',
      user_id: 'U0ADMIN01',
    }),
  ).toString();
  const base = { body, contentType: FORM, answeredOk: false };
  const forged = [
    () => ({ describe: 'no signature', unsigned: true, expect: [401] }),
    () => ({
      describe: 'random signature',
      signature: `v0=${fuzzString(r)
        .replace(/[^\x21-\x7e]/g, '')
        .slice(0, 64)}`,
      expect: [401],
    }),
    () => ({
      describe: 'other secret',
      signature: signSlackRequest(`${secret}x`, body, now())['x-slack-signature'],
      expect: [401],
    }),
    () => ({ describe: 'old timestamp', timestamp: now() - r.int(301, 10 ** 8), expect: [401] }),
    () => ({ describe: 'future timestamp', timestamp: now() + r.int(301, 10 ** 8), expect: [401] }),
    () => ({ describe: 'timestamp not a number', timestamp: Number.NaN, expect: [401] }),
    () => ({
      describe: 'signature of another body',
      signature: signSlackRequest(secret, `${body}&x=1`, now())['x-slack-signature'],
      expect: [401],
    }),
  ];
  if (r.chance(0.1)) {
    const huge = `${body}&pad=${'x'.repeat(r.int(256 * 1024 + 1, 1024 * 1024))}`;
    return { ...base, describe: 'oversized body', body: huge, expect: [413] };
  }
  return { ...base, ...r.pick(forged)() };
}
