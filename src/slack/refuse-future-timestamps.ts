import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

/** How far ahead of our clock a Slack request may claim to be (Slack's own window is 5 minutes). */
export const MAX_FUTURE_SKEW_SECONDS = 5 * 60;

/**
 * A request timestamp ahead of our clock would let a captured request be replayed for as long as
 * its timestamp lies ahead (Bolt's check, now off, accepted any future one). This guard refuses
 * those with 401 before the body is read; slackRequestGate checks the rest of the signature.
 */
export function refuseFutureTimestamps(next: RequestListener, nowSeconds: () => number): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    const header = req.headers['x-slack-request-timestamp'];
    const timestamp = Number(Array.isArray(header) ? header[0] : header);
    if (
      req.method === 'POST' &&
      Number.isFinite(timestamp) &&
      timestamp > nowSeconds() + MAX_FUTURE_SKEW_SECONDS
    ) {
      res.writeHead(401, { 'content-type': 'text/plain' });
      res.end('request timestamp is in the future');
      req.resume();
      return;
    }
    next(req, res);
  };
}
