import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHttpRouter, type HttpRoute } from '../../src/http/http-router';
import { createLogger } from '../../src/logger';

const schedule: HttpRoute = { method: 'GET', path: /\/schedule\/?/, handle: () => undefined };
const request = (url: string) => ({ url, method: 'POST' }) as IncomingMessage;
const response = {} as ServerResponse;

describe('the HTTP router in front of Slack', () => {
  it('hands a request for one of the pass-through paths on to Slack untouched', () => {
    const handedOn: string[] = [];
    const listener = createHttpRouter([schedule], createLogger('silent')).before(
      (req) => void handedOn.push(req.url ?? ''),
      ['/slack/events'],
    );
    listener(request('/slack/events'), response);
    listener(request('/slack/events?retry=1'), response);
    expect(handedOn).toEqual(['/slack/events', '/slack/events?retry=1']);
  });

  it('refuses at start a pass-through path one of its routes would serve, naming the route', () => {
    const router = createHttpRouter(
      [schedule, { method: 'GET', path: /\/slack\/.*/, handle: () => undefined }],
      createLogger('silent'),
    );
    expect(() => router.before(() => undefined, ['/slack/events'])).toThrow(
      'the route for /\\/slack\\/.*/ would never see /slack/events',
    );
  });
});
