import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import { isValidSlackRequest } from './bolt-parts';
import type { Logger } from '../logger';
import { slackPayloadProblem } from './slack-payload-problem';

const FORM = 'application/x-www-form-urlencoded';

/** Bolt takes a body already read from `rawBody` instead of reading the stream again. */
type BufferedRequest = IncomingMessage & { rawBody?: Buffer };

export interface MalformedPayloadOptions {
  signingSecret: string;
  /** Slack's endpoint, e.g. /slack/events; other paths go on untouched. */
  path: string;
  limitBytes: number;
  logger: Logger;
}

/** The body as Bolt will parse it; undefined when it cannot be parsed (Bolt answers that with 400). */
function parseBody(text: string, contentType: string | undefined): unknown {
  try {
    if (contentType === FORM) {
      const form = parseQuery(text);
      return typeof form.payload === 'string' ? JSON.parse(form.payload) : form;
    }
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function signedBySlack(req: IncomingMessage, body: string, signingSecret: string): boolean {
  const signature = req.headers['x-slack-signature'];
  const timestamp = Number(req.headers['x-slack-request-timestamp']);
  if (typeof signature !== 'string' || !Number.isFinite(timestamp)) return false;
  return isValidSlackRequest({
    signingSecret,
    body,
    headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp },
  });
}

function answer(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(`${text}\n`);
}

/**
 * Reads Slack's request body once, refusing one over the limit (413), and refuses a correctly
 * signed body Bolt or a listener cannot take (400): Bolt reads fields such as `user.id` without
 * checking, so a payload without them would otherwise end in a 500, and one that is not an object
 * in an unhandled rejection. Everything else goes on to Bolt, which verifies the signature itself.
 */
export function refuseMalformedPayloads(
  next: RequestListener,
  options: MalformedPayloadOptions,
): RequestListener {
  const log = options.logger.child({ component: 'slack-requests' });
  return (req, res) => {
    if (req.method !== 'POST' || (req.url ?? '').split('?')[0] !== options.path) {
      next(req, res);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size <= options.limitBytes) return void chunks.push(chunk);
      refused = true;
      log.warn({ limit: options.limitBytes }, 'slack request too large');
      answer(res, 413, `The request is larger than ${options.limitBytes} bytes.`);
    });
    req.on('error', (error) => {
      if (refused) return;
      refused = true;
      log.warn({ err: error }, 'slack request could not be read');
      if (!res.headersSent) answer(res, 400, 'The request could not be read.');
    });
    req.on('end', () => {
      if (refused) return;
      const raw = Buffer.concat(chunks);
      (req as BufferedRequest).rawBody = raw;
      const text = raw.toString('utf8');
      const body = parseBody(text, req.headers['content-type']);
      // The payload check first: it is cheap, and only a body with a problem needs the signature
      // checked here (an unsigned one goes on to Bolt, which answers 401).
      const problem = body === undefined ? null : slackPayloadProblem(body);
      if (problem === null || !signedBySlack(req, text, options.signingSecret)) return void next(req, res);
      log.warn({ problem }, 'malformed slack request refused');
      answer(res, 400, `kfrelease cannot read this Slack request: ${problem}.`);
    });
  };
}
