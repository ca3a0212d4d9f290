import { createHmac, timingSafeEqual } from 'node:crypto';

/** Slack's window: a request signed more than five minutes ago is refused as a possible replay. */
export const MAX_SIGNATURE_AGE_SECONDS = 5 * 60;

/**
 * Why a request is not Slack's, or null when it is: its `X-Slack-Signature` must be `v0=` and the
 * HMAC-SHA256 (hex) of `v0:{timestamp}:{body}` under the signing secret, its timestamp at most
 * five minutes old at `nowSeconds`. Timestamps ahead of the clock are refused before the body is
 * read (refuseFutureTimestamps). The comparison takes the same time wherever the hashes differ.
 */
export function slackSignatureProblem(request: {
  signingSecret: string;
  signature: string | string[] | undefined;
  timestamp: string | string[] | undefined;
  body: string;
  nowSeconds: number;
}): string | null {
  const { signature, signingSecret } = request;
  if (typeof signature !== 'string' || typeof request.timestamp !== 'string')
    return 'the signature or its timestamp is missing';
  const timestamp = Number(request.timestamp);
  if (!Number.isInteger(timestamp)) return 'the timestamp is not a number of seconds';
  if (timestamp < request.nowSeconds - MAX_SIGNATURE_AGE_SECONDS)
    return 'the signature is over five minutes old';
  if (!signature.startsWith('v0=')) return 'the signature is not of version v0';
  const expected = createHmac('sha256', signingSecret)
    .update(`v0:${request.timestamp}:${request.body}`)
    .digest('hex');
  const given = Buffer.from(signature.slice('v0='.length), 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, Buffer.from(expected, 'utf8')))
    return 'the signature does not match';
  return null;
}
