import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import type { Logger } from '../logger';
import { slackPayloadProblem } from './slack-payload-problem';
import { slackSignatureProblem } from './slack-signature';

const FORM = 'application/x-www-form-urlencoded';

/** Bolt takes a body already read from `rawBody` instead of reading the stream again. */
type BufferedRequest = IncomingMessage & { rawBody?: Buffer };

export interface SlackRequestGateOptions {
  signingSecret: string;
  /** Slack's endpoint, e.g. /slack/events; other paths go on untouched. */
  path: string;
  limitBytes: number;
  logger: Logger;
  /** The machine's clock in seconds (wallClockSeconds): signatures are checked against real time. */
  nowSeconds: () => number;
}

/**
 * The body as Bolt will parse it (undefined when it cannot be parsed: Bolt answers that with 400),
 * and whether it is Slack's check of the certificate, a form with `ssl_check=1`, which comes
 * without a signature.
 */
function parseBody(text: string, contentType: string | undefined): { body: unknown; sslCheck: boolean } {
  try {
    if (contentType === FORM) {
      const form = parseQuery(text);
      if (form.ssl_check === '1') return { body: form, sslCheck: true };
      return { body: typeof form.payload === 'string' ? JSON.parse(form.payload) : form, sslCheck: false };
    }
    return { body: JSON.parse(text), sslCheck: false };
  } catch {
    return { body: undefined, sslCheck: false };
  }
}

/**
 * Whether Bolt's receiver would take this request as one of Slack's: decided exactly as Bolt
 * decides it (the URL's normalised path, so /x/../slack/events counts), for Bolt checks no
 * signature itself. A URL that cannot be read is taken as Slack's, and refused as unsigned.
 */
function isForBolt(req: IncomingMessage, path: string): boolean {
  if ((req.method ?? '').toUpperCase() !== 'POST') return false;
  try {
    return new URL(req.url ?? '', 'http://localhost').pathname === path;
  } catch {
    return true;
  }
}

function answer(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(`${text}\n`);
}

/**
 * The only way into Bolt for Slack's requests. It reads the body once, refusing one over the
 * limit (413), then lets through only what Slack signed (401 otherwise; Bolt's own check, which
 * costs three HMACs and random bytes per request, is turned off in app.ts) and what Bolt and the
 * listeners can read (400 otherwise): Bolt reads fields such as `user.id` without checking, so a
 * payload without them would end in a 500, and one that is not an object in an unhandled
 * rejection. Slack's `ssl_check` needs no signature; as Bolt does, nothing else of its body is
 * passed on. A body that cannot be parsed goes on to Bolt, which answers 400.
 */
export function slackRequestGate(next: RequestListener, options: SlackRequestGateOptions): RequestListener {
  const log = options.logger.child({ component: 'slack-requests' });
  return (req, res) => {
    if (!isForBolt(req, options.path)) {
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
      const { body, sslCheck } = parseBody(text, req.headers['content-type']);
      if (sslCheck) {
        (req as BufferedRequest).rawBody = Buffer.from('ssl_check=1');
        return void next(req, res);
      }
      const unsigned = slackSignatureProblem({
        signingSecret: options.signingSecret,
        signature: req.headers['x-slack-signature'],
        timestamp: req.headers['x-slack-request-timestamp'],
        body: text,
        nowSeconds: options.nowSeconds(),
      });
      if (unsigned !== null) {
        log.warn({ why: unsigned }, 'slack request refused: not signed by Slack');
        res.writeHead(401);
        return void res.end();
      }
      const problem = body === undefined ? null : slackPayloadProblem(body);
      if (problem === null) return void next(req, res);
      log.warn({ problem }, 'malformed slack request refused');
      answer(res, 400, `kfrelease cannot read this Slack request: ${problem}.`);
    });
  };
}
