import type { IncomingMessage, ServerResponse } from 'node:http';

import type { SlackArgs } from './slack-stand-in-methods';
import { sendJson } from './loopback-server';

export type SlackFailure =
  | { kind: 'rate_limited'; retryAfter: number }
  | { kind: 'http_500' }
  | { kind: 'not_ok'; error: string }
  | { kind: 'drop' }
  /** Does what was asked (e.g. stores the message), then closes the socket: the answer is lost. */
  | { kind: 'drop_after_post' };

/** Values that Slack clients send as JSON strings inside form bodies. */
const JSON_FIELDS = new Set(['blocks', 'attachments', 'metadata', 'view']);

/** Web API arguments from a form or JSON body, with the JSON-valued form fields parsed. */
export function parseSlackArgs(req: IncomingMessage, body: string): SlackArgs {
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('application/json')) return body ? (JSON.parse(body) as SlackArgs) : {};
  const args: SlackArgs = {};
  for (const [key, value] of new URLSearchParams(body)) {
    args[key] = JSON_FIELDS.has(key) && /^\s*[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return args;
}

export function bearerToken(req: IncomingMessage): string | undefined {
  return /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
}

/** Answers with a failure the way Slack does; `drop` and `drop_after_post` close the socket without a word. */
export function sendSlackFailure(res: ServerResponse, failure: SlackFailure, isResponseUrl: boolean): void {
  switch (failure.kind) {
    case 'drop':
    case 'drop_after_post':
      res.socket?.destroy();
      return;
    case 'rate_limited':
      sendJson(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(failure.retryAfter) });
      return;
    case 'http_500':
      sendJson(res, 500, { ok: false, error: 'internal_error' });
      return;
    case 'not_ok':
      // The Web API says ok:false with HTTP 200; a response_url refuses with 404 (e.g. expired_url).
      sendJson(res, isResponseUrl ? 404 : 200, { ok: false, error: failure.error });
      return;
  }
}
