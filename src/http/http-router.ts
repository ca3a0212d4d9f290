import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { apologyFor, newErrorId } from '../errors';
import type { Logger } from '../logger';
import { sendText } from './http-responses';

/** The code of the error Bolt's request listener throws for a request it has no route for. */
const BOLT_UNHANDLED = 'slack_bolt_http_receiver_deferred_request_error';

/** What a route handler gets: the request, its parsed URL and the named groups of its path pattern. */
export interface RouteRequest {
  req: IncomingMessage;
  url: URL;
  params: Record<string, string>;
}

/** One page or endpoint served beside Slack's `/slack/events`. */
export interface HttpRoute {
  /** GET routes answer HEAD too. */
  method: 'GET' | 'POST';
  /** The exact path, or a pattern over the whole path whose named groups become `params`. */
  path: string | RegExp;
  handle(request: RouteRequest, res: ServerResponse): void | Promise<void>;
}

/** A route's path as a pattern over the whole path. */
function wholePath(path: string | RegExp): RegExp | string {
  return typeof path === 'string'
    ? path
    : new RegExp(`^(?:${path.source})$`, path.flags.replace(/[gy]/g, ''));
}

/** The route's params for this path, or null when it is not the route's (a malformed %-escape never is). */
function matchPath(path: string | RegExp, pathname: string): Record<string, string> | null {
  if (typeof path === 'string') return path === pathname ? {} : null;
  const match = path.exec(pathname);
  if (!match) return null;
  try {
    return Object.fromEntries(
      Object.entries(match.groups ?? {}).map(([name, value]) => [name, decodeURIComponent(value ?? '')]),
    );
  } catch {
    return null;
  }
}

/**
 * A small router the app's HTTP server consults before Bolt: a request for one of its routes is
 * answered here, anything else goes on to `next` (the Slack receiver) untouched.
 */
export function createHttpRouter(routes: HttpRoute[], logger: Logger) {
  const log = logger.child({ component: 'http' });
  const compiled = routes.map((route) => ({ route, path: wholePath(route.path) }));

  async function run(route: HttpRoute, request: RouteRequest, res: ServerResponse): Promise<void> {
    try {
      await route.handle(request, res);
    } catch (error) {
      const errorId = newErrorId();
      log.error({ err: error, errorId, path: request.url.pathname }, 'page failed');
      if (!res.headersSent) sendText(res, 500, apologyFor(errorId));
      else res.end();
    }
  }

  /**
   * Bolt's request listener throws for a path it does not serve (its own server turns that into a
   * 404); uncaught, one stray GET such as /favicon.ico would end the process.
   */
  function handOn(next: RequestListener, req: IncomingMessage, res: ServerResponse): void {
    try {
      void next(req, res);
    } catch (error) {
      if ((error as { code?: unknown }).code === BOLT_UNHANDLED) {
        if (!res.headersSent) sendText(res, 404, 'Not found.');
        return;
      }
      const errorId = newErrorId();
      log.error({ err: error, errorId, path: req.url }, 'request failed');
      if (!res.headersSent) sendText(res, 500, apologyFor(errorId));
    }
  }

  return {
    /**
     * A request listener answering the routes and handing every other request to `next`. A request
     * for exactly one of `nextPaths` (Slack's endpoint, which no route serves) goes on without
     * parsing its URL or trying the routes: that is nearly every request the app gets.
     */
    before(next: RequestListener, nextPaths: readonly string[] = []): RequestListener {
      for (const path of nextPaths) {
        const served = compiled.find((c) => matchPath(c.path, path) !== null);
        if (served) throw new Error(`the route for ${String(served.route.path)} would never see ${path}`);
      }
      const passThrough = new Set(nextPaths);
      return (req, res) => {
        if (passThrough.has(req.url ?? '')) {
          handOn(next, req, res);
          return;
        }
        let url: URL;
        try {
          url = new URL(req.url ?? '/', 'http://localhost');
        } catch {
          handOn(next, req, res);
          return;
        }
        const method = req.method === 'HEAD' ? 'GET' : req.method;
        const matching = compiled.flatMap(({ route, path }) => {
          const params = matchPath(path, url.pathname);
          return params ? [{ route, params }] : [];
        });
        if (matching.length === 0) {
          handOn(next, req, res);
          return;
        }
        const chosen = matching.find(({ route }) => route.method === method);
        if (!chosen) {
          const allowed: string[] = [...new Set(matching.map(({ route }) => route.method))];
          if (allowed.includes('GET')) allowed.push('HEAD');
          sendText(res, 405, `Use ${allowed.join(' or ')} here.`, { allow: allowed.join(', ') });
          return;
        }
        void run(chosen.route, { req, url, params: chosen.params }, res);
      };
    },
  };
}

export type HttpRouter = ReturnType<typeof createHttpRouter>;
