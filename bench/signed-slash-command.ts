import { createHmac } from 'node:crypto';

export interface SignedRequest {
  body: string;
  headers: Record<string, string>;
}

let sequence = 0;

/**
 * `/kfrelease <text>` as Slack sends it: the form fields in Slack's order, a fresh trigger_id, and
 * the v0 signature (HMAC-SHA256 of `v0:{timestamp}:{body}`) over the current timestamp.
 */
export function signedSlashCommand(signingSecret: string, text: string): SignedRequest {
  sequence += 1;
  const timestamp = Math.floor(Date.now() / 1000);
  const body = new URLSearchParams({
    token: 'gIkuvaNzQIHg97ATvDxqgjtO',
    team_id: 'T1',
    team_domain: 'kubeflow',
    channel_id: 'C0RELEASE',
    channel_name: 'release-team',
    user_id: 'U0ALICE',
    user_name: 'alice',
    command: '/kfrelease',
    text,
    api_app_id: 'A0APP',
    is_enterprise_install: 'false',
    response_url: `https://hooks.slack.com/commands/T1/${1_000_000_000_000 + sequence}/3kIFuf0Gx3KEQhT3v1CSm1Jm`,
    trigger_id: `${1_000_000_000_000 + sequence}.1000000000.8d2bf1a3c1f5cd5e2a6b9e4f`,
  }).toString();
  return signedFormBody(signingSecret, body, timestamp);
}

/** A form body as Slack sends it, with the v0 signature over `timestamp` (default now). */
export function signedFormBody(
  signingSecret: string,
  body: string,
  timestamp = Math.floor(Date.now() / 1000),
): SignedRequest {
  const digest = createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex');
  return {
    body,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': String(Buffer.byteLength(body)),
      'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
      'x-slack-signature': `v0=${digest}`,
      'x-slack-request-timestamp': String(timestamp),
    },
  };
}
