import { request } from 'node:http';
import { signSlackRequest } from './slack-request';

export interface RawRequest {
  body: string;
  contentType: string;
  /** Seconds since the epoch to sign with; default now. */
  timestamp?: number;
  /** Sent instead of the correct signature. */
  signature?: string;
  /** Leave out the signature and timestamp headers. */
  unsigned?: boolean;
}

export interface RawResponse {
  /** 0 when the server did not answer in time or dropped the connection. */
  status: number;
  text: string;
  error?: string;
  elapsedMs: number;
}

/** A form body as Slack sends interactions: `payload=<JSON>`. */
export const interactionBody = (payload: unknown): string =>
  new URLSearchParams({ payload: JSON.stringify(payload) }).toString();

/**
 * POSTs any body to /slack/events, signed with `secret` unless told otherwise, and never waits
 * longer than `timeoutMs`: a request the server drops or never answers comes back as status 0.
 */
export function postRaw(
  baseUrl: string,
  secret: string,
  input: RawRequest,
  timeoutMs = 6000,
): Promise<RawResponse> {
  const started = Date.now();
  const timestamp = input.timestamp ?? Math.floor(Date.now() / 1000);
  const signed = signSlackRequest(secret, input.body, timestamp);
  const headers: Record<string, string> = {
    'content-type': input.contentType,
    'content-length': String(Buffer.byteLength(input.body)),
    ...(input.unsigned ? {} : signed),
    ...(input.signature === undefined ? {} : { 'x-slack-signature': input.signature }),
  };
  return new Promise((resolve) => {
    const done = (status: number, text: string, error?: string) =>
      resolve({ status, text, elapsedMs: Date.now() - started, ...(error ? { error } : {}) });
    const req = request(`${baseUrl}/slack/events`, { method: 'POST', agent: false, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', (error) => done(0, '', String(error)));
      res.on('end', () => done(res.statusCode ?? 0, Buffer.concat(chunks).toString('utf8')));
    });
    req.setTimeout(timeoutMs, () => {
      req.destroy();
      done(0, '', `no answer within ${timeoutMs} ms`);
    });
    // A server that refuses a large body early may close before it is all written.
    req.on('error', (error) => done(0, '', String(error)));
    req.end(input.body);
  });
}
