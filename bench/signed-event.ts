import { createHmac } from 'node:crypto';
import type { SignedRequest } from './signed-slash-command';

let sequence = 0;

/** An Events API `event_callback` as Slack sends it, JSON with the v0 signature over now. */
export function signedEvent(signingSecret: string, event: Record<string, unknown>): SignedRequest {
  sequence += 1;
  const timestamp = Math.floor(Date.now() / 1000);
  const body = JSON.stringify({
    token: 'gIkuvaNzQIHg97ATvDxqgjtO',
    team_id: 'T1',
    api_app_id: 'A0APP',
    event: { ...event, event_ts: `${timestamp}.${String(sequence).padStart(6, '0')}` },
    type: 'event_callback',
    event_id: `Ev${1_000_000 + sequence}`,
    event_time: timestamp,
  });
  const digest = createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex');
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
      'x-slack-signature': `v0=${digest}`,
      'x-slack-request-timestamp': String(timestamp),
    },
  };
}
