import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { App, HTTPReceiver } from '@slack/bolt';
import { reportFailure, reportReady } from './child-protocol';

/**
 * The yardstick: a Bolt app that does nothing but answer `/kfrelease` with one small block, so the
 * difference to our app is what our app does per request.
 */
async function main(): Promise<void> {
  const signingSecret = process.env.SLACK_SIGNING_SECRET ?? '';
  const app = new App({
    token: process.env.SLACK_BOT_TOKEN,
    receiver: new HTTPReceiver({ signingSecret, endpoints: '/slack/events' }),
    clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
  });
  app.command('/kfrelease', async ({ ack }) =>
    ack({
      response_type: 'ephemeral',
      text: 'ok',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*ok*: the bare Bolt app answered.' } }],
    }),
  );
  const server = (await app.start(0)) as Server;
  const { port } = server.address() as AddressInfo;
  reportReady(`http://127.0.0.1:${port}`, { listeningAtMs: performance.now() }, async () => {
    await app.stop();
  });
}

main().catch(reportFailure);
