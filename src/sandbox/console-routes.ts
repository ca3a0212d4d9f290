import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { DateTime } from 'luxon';
import type { AppServices } from '../app-services';
import type { Clock } from '../clock';
import {
  BodyError,
  readJsonBody,
  SAME_ORIGIN_POLICY,
  send,
  sendJson,
  sendText,
} from '../http/http-responses';
import type { HttpRoute, RouteRequest } from '../http/http-router';
import { PROJECT_ROOT } from '../project-root';
import { consoleSnapshot } from './console-snapshot';
import { emojiShortcodesScript } from './emoji-shortcodes';
import type { PassTimeSummary } from './pass-time';
import type { ConsolePerson, Outcome, SandboxConsole } from './sandbox-console';

/** The console's files, read from the source tree at run time (the build does not copy them). */
export const CONSOLE_DIR = path.join(PROJECT_ROOT, 'src', 'sandbox', 'console');
const JAVASCRIPT = 'text/javascript; charset=utf-8';
const FILES: Record<string, string> = {
  'index.html': 'text/html; charset=utf-8',
  'console.css': 'text/css; charset=utf-8',
  'block-kit.css': 'text/css; charset=utf-8',
  'console.js': JAVASCRIPT,
  'block-kit-text.js': JAVASCRIPT,
  'block-kit-elements.js': JAVASCRIPT,
  'block-kit.js': JAVASCRIPT,
};
/** Files made at run time rather than read: the emoji table comes from the emoji-datasource package. */
const MADE: Record<string, () => string> = { 'emoji-shortcodes.js': emojiShortcodesScript };

export interface ConsoleRouteDeps {
  console: SandboxConsole;
  services: AppServices;
  clock: Clock;
  release: { version: string; timeZone: string };
  /** Moves the clock to `to`, running everything due on the way (src/sandbox/pass-time.ts). */
  passTime: (to: DateTime) => Promise<PassTimeSummary>;
  /** The address the server was told to listen on (HOST): a name the console may be reached by. */
  host: string;
}

/** Addresses that mean "any interface": no page is ever served from them. */
const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '[::]']);

/** A host as the URL parser writes it (lower case, IPv6 in brackets), or null when it is none. */
function hostName(host: string): string | null {
  const bare = host.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  try {
    return new URL(`http://${bare.includes(':') && !bare.startsWith('[') ? `[${bare}]` : bare}`).hostname;
  } catch {
    return null;
  }
}

/**
 * Why a request is not for this console, or null when it is. The console has no login, so it
 * answers only requests addressed to itself: the Host must be one of its own addresses with its
 * port (a page that rebinds its own name to 127.0.0.1 still sends its own name), and a change must
 * come from the console's own page (same scheme, host and port in Origin), not another site.
 */
function consoleRequestProblem(req: IncomingMessage, configuredHost: string): string | null {
  const port = req.socket.localPort;
  const reachable = WILDCARD_HOSTS.has(configuredHost) ? '127.0.0.1' : hostName(configuredHost);
  const own = new Set(
    ['127.0.0.1', 'localhost', '::1', configuredHost, req.socket.localAddress ?? '']
      .filter((host) => host !== '' && !WILDCARD_HOSTS.has(host))
      .map(hostName),
  );
  const hostHeader = req.headers.host ?? '';
  let asked: URL | null = null;
  try {
    asked = new URL(`http://${hostHeader}`);
  } catch {
    asked = null;
  }
  const askedPort = asked ? Number(asked.port || '80') : NaN;
  if (!asked || asked.username || asked.pathname !== '/' || !own.has(asked.hostname) || askedPort !== port)
    return `The sandbox console answers only at its own address, e.g. ${reachable ?? '127.0.0.1'}:${port}; this request was for ${clipped(hostHeader || 'no host')}.`;
  if (req.method === 'GET' || req.method === 'HEAD') return null;
  const origin = req.headers.origin;
  if (origin !== `http://${asked.host}`)
    return `The sandbox console takes changes only from its own page, http://${asked.host}; this request came from ${clipped(origin ?? 'no page (no Origin header)')}.`;
  return null;
}

const clipped = (text: string): string => (text.length > 100 ? `${text.slice(0, 100)}…` : text);

/** The route, answering 403 with the reason to any request not addressed to this console. */
function guarded(route: HttpRoute, configuredHost: string): HttpRoute {
  return {
    ...route,
    handle: (request, res) => {
      const problem = consoleRequestProblem(request.req, configuredHost);
      if (problem) return sendText(res, 403, problem);
      return route.handle(request, res);
    },
  };
}

const user = z.string().regex(/^[UW][A-Z0-9]+$/);
const values = z.record(z.string(), z.record(z.string(), z.record(z.string(), z.unknown())));
const option = z.object({ text: z.unknown(), value: z.string().max(150) });
/** A block_actions action as Slack sends it, for each element kfrelease uses. */
const action = z
  .object({
    type: z.enum([
      'button',
      'overflow',
      'static_select',
      'users_select',
      'radio_buttons',
      'checkboxes',
      'datepicker',
    ]),
    action_id: z.string().max(255),
    block_id: z.string().max(255),
    value: z.string().max(2000).optional(),
    text: z
      .object({ type: z.literal('plain_text'), text: z.string().max(200) })
      .passthrough()
      .optional(),
    selected_option: option.nullable().optional(),
    selected_options: z.array(option).max(100).optional(),
    selected_user: user.optional(),
    selected_date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
  })
  .strict();

const bodies = {
  command: z.object({
    user,
    text: z.string().max(1000),
    where: z.enum(['channel', 'dm']).default('channel'),
  }),
  action: z.union([
    z.object({ user, action, channel: z.string().max(40), ts: z.string().max(40) }),
    z.object({ user, action, viewId: z.string().max(40), values: values.default({}) }),
  ]),
  submit: z.object({ user, viewId: z.string().max(40), values }),
  close: z.object({ user, viewId: z.string().max(40) }),
  home: z.object({ user }),
  /** kfrelease in the release channel or not: out of it, its posts there fail as in Slack. */
  membership: z.object({ member: z.boolean() }).strict(),
  clock: z
    .object({
      hours: z
        .number()
        .int()
        .min(0)
        .max(24 * 7)
        .default(0),
      days: z.number().int().min(0).max(60).default(0),
    })
    .refine((d) => d.hours + d.days > 0, 'Move the clock forward by at least an hour.'),
};

/** A JSON POST: the body read and validated, answered with what `handle` returns. */
function post<T>(name: string, schema: z.ZodType<T>, handle: (body: T) => Promise<object>): HttpRoute {
  return {
    method: 'POST',
    path: `/sandbox/api/${name}`,
    handle: async ({ req }: RouteRequest, res: ServerResponse) => {
      try {
        const parsed = schema.safeParse(await readJsonBody(req));
        if (!parsed.success) throw new BodyError(400, parsed.error.issues.map((i) => i.message).join('; '));
        sendJson(res, 200, await handle(parsed.data));
      } catch (error) {
        if (!(error instanceof BodyError)) throw error;
        sendJson(res, error.status, { ok: false, problem: error.message });
      }
    },
  };
}

/** A POST by someone of the workspace, named in the body's `user`. */
function byPerson<T extends { user: string }>(
  target: SandboxConsole,
  name: string,
  schema: z.ZodType<T>,
  handle: (body: T, person: ConsolePerson) => Promise<Outcome>,
): HttpRoute {
  return post(name, schema, (body) => {
    const person = target.person(body.user);
    if (!person) throw new BodyError(400, `${body.user} is not in the sandbox workspace.`);
    return handle(body, person);
  });
}

/** Moves the clock on, running what falls due on the way: answers the new time and how many posts. */
async function moveClock(deps: ConsoleRouteDeps, by: { hours: number; days: number }): Promise<object> {
  // Days in the release's zone, so +1 day over a change to summer time keeps 10:00 at 10:00.
  const from = deps.clock.now().setZone(deps.release.timeZone);
  const summary = await deps.passTime(from.plus({ hours: by.hours, days: by.days }));
  const now = deps.clock.now().toISO();
  const { posted, ran, skipped } = summary;
  deps.services.logger.info(
    { from: from.toISO(), now, steps: summary.steps.length, posted, ran },
    'sandbox clock moved',
  );
  return { ok: true, now, steps: summary.steps.length, posts: posted, jobs: ran, skipped };
}

/** The sandbox console on `/sandbox`: its page and files, its state, and what a person can do. */
export function consoleRoutes(deps: ConsoleRouteDeps): HttpRoute[] {
  const target = deps.console;
  let moving: Promise<unknown> = Promise.resolve();
  const routes: HttpRoute[] = [
    {
      method: 'GET',
      path: /\/sandbox\/?/,
      handle: async (_request, res) => serveFile(res, 'index.html'),
    },
    {
      method: 'GET',
      path: /\/sandbox\/(?<file>[a-z-]+\.(?:js|css))/,
      handle: async ({ params }, res) => serveFile(res, params.file ?? ''),
    },
    {
      method: 'GET',
      path: '/sandbox/api/state',
      handle: ({ url }, res) => {
        const person =
          deps.console.person(url.searchParams.get('user') ?? '') ?? deps.console.params.people[0];
        if (!person) return sendJson(res, 500, { ok: false, problem: 'The sandbox has nobody in it.' });
        const snapshot = consoleSnapshot(target, {
          person,
          clock: deps.clock,
          timeZone: deps.release.timeZone,
          release: deps.release.version,
        });
        sendJson(res, 200, snapshot, { 'cache-control': 'no-store' });
      },
    },
    byPerson(target, 'command', bodies.command, (b, p) => target.command(p, b.text, b.where)),
    byPerson(target, 'action', bodies.action, (b, p) =>
      target.act(p, b.action, 'viewId' in b ? { viewId: b.viewId, values: b.values } : b),
    ),
    byPerson(target, 'submit', bodies.submit, (b, p) => target.submit(p, b.viewId, b.values)),
    byPerson(target, 'close', bodies.close, (b, p) => target.close(p, b.viewId)),
    byPerson(target, 'home', bodies.home, (_b, p) => target.openHome(p)),
    post('membership', bodies.membership, async (b) => {
      const channel = target.params.channel.id;
      if (b.member) target.slack.state.botRemovedFrom.delete(channel);
      else target.slack.state.botRemovedFrom.add(channel);
      deps.services.logger.info({ channel, member: b.member }, 'sandbox channel membership changed');
      return { ok: true, member: b.member };
    }),
    post('clock', bodies.clock, (b) => {
      // One jump at a time: a second click waits for the first, then moves on from where it ended.
      const jump = moving.then(() => moveClock(deps, b));
      moving = jump.catch(() => undefined);
      return jump;
    }),
  ];
  return routes.map((route) => guarded(route, deps.host));
}

async function serveFile(res: ServerResponse, name: string): Promise<void> {
  const made = MADE[name];
  const type = made ? JAVASCRIPT : FILES[name];
  if (!type) return sendJson(res, 404, { ok: false, problem: `There is no ${name}.` });
  const body = made ? made() : await readFile(path.join(CONSOLE_DIR, name));
  send(res, 200, type, body, { 'content-security-policy': SAME_ORIGIN_POLICY, 'cache-control': 'no-cache' });
}
