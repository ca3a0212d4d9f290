import type {
  AllMiddlewareArgs,
  AnyMiddlewareArgs,
  BlockAction,
  Middleware,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from '@slack/bolt';
import type { Logger } from '../../logger';
import { answerUnknownInteraction } from './unknown-interactions';

type Listener<Args> = (args: Args & AllMiddlewareArgs) => Promise<void>;
type AnyListener = (args: AnyMiddlewareArgs & AllMiddlewareArgs) => Promise<void>;

/** The fields of a Slack request the router reads (slackRequestGate checked their shape). */
interface RoutedBody {
  type?: string;
  command?: string;
  actions?: { action_id: string }[];
  view?: { callback_id: string };
  event?: { type: string };
}

/**
 * Sends each Slack request to its listener by slash command, action ID, modal callback ID or event
 * type: one lookup in a map. Bolt's own `app.action()`-style listeners would each run their
 * matchers on every request, which with fifteen listeners cost more than the rest of a cached
 * `/kfrelease status`. What no listener takes (an old button or form) is answered at once and
 * plainly instead of Bolt's 404 after three seconds.
 */
export class SlackRouter {
  /** `wrapView`: applied to every form's listener (oncePerSubmission). */
  constructor(
    private readonly options: {
      wrapView?: (
        listener: Listener<SlackViewMiddlewareArgs<ViewSubmitAction>>,
      ) => Listener<SlackViewMiddlewareArgs<ViewSubmitAction>>;
    } = {},
  ) {}

  private readonly routes = {
    command: new Map<string, AnyListener>(),
    action: new Map<string, AnyListener>(),
    view: new Map<string, AnyListener>(),
    event: new Map<string, AnyListener>(),
  };

  command(name: string, listener: Listener<SlackCommandMiddlewareArgs>): void {
    this.add('command', name, listener);
  }

  /** A button or select, by its action_id (Bolt's rule: the first action of the payload). */
  action(actionId: string, listener: Listener<SlackActionMiddlewareArgs<BlockAction>>): void {
    this.add('action', actionId, listener);
  }

  /** A modal's Submit, by its callback_id. */
  view(callbackId: string, listener: Listener<SlackViewMiddlewareArgs<ViewSubmitAction>>): void {
    this.add('view', callbackId, this.options.wrapView ? this.options.wrapView(listener) : listener);
  }

  event<T extends string>(type: T, listener: Listener<SlackEventMiddlewareArgs<T>>): void {
    this.add('event', type, listener);
  }

  private readonly deferred = new Map<keyof SlackRouter['routes'], () => void>();

  /**
   * Registers the listeners of one kind when the first request of that kind comes, not at start:
   * `register` loads their modules (and what they import), which a start need not wait for.
   */
  later(kind: keyof SlackRouter['routes'], register: () => void): void {
    if (this.deferred.has(kind)) throw new Error(`two deferred registrations for ${kind} listeners`);
    this.deferred.set(kind, register);
  }

  private routesOf(kind: keyof SlackRouter['routes']): Map<string, AnyListener> {
    const register = this.deferred.get(kind);
    if (register) {
      this.deferred.delete(kind);
      register();
    }
    return this.routes[kind];
  }

  private add(kind: keyof SlackRouter['routes'], id: string, listener: unknown): void {
    if (this.routes[kind].has(id)) throw new Error(`two ${kind} listeners for "${id}"`);
    this.routes[kind].set(id, listener as AnyListener);
  }

  /** The listener for a request; null when there is none, undefined for what the router leaves alone. */
  private listenerFor(body: RoutedBody): AnyListener | null | undefined {
    if (body.event !== undefined) return this.routesOf('event').get(body.event.type);
    if (body.command !== undefined) return this.routesOf('command').get(body.command) ?? null;
    if (body.type === 'block_actions')
      return this.routesOf('action').get(body.actions?.[0]?.action_id ?? '') ?? null;
    if (body.type === 'view_submission')
      return this.routesOf('view').get(body.view?.callback_id ?? '') ?? null;
    // kfrelease asks for no view_closed (no notify_on_close): one that comes is answered quietly.
    if (body.type === 'view_closed') return null;
    return undefined;
  }

  /** The Bolt middleware that dispatches; the app registers no other listener. */
  middleware(logger: Logger): Middleware<AnyMiddlewareArgs> {
    return async (args) => {
      const listener = this.listenerFor(args.body as RoutedBody);
      if (listener) return listener(args);
      if (listener === null) return answerUnknownInteraction(args, logger);
      // An event nobody listens for (Bolt has acknowledged it already), or one of Slack's checks.
      return args.next();
    };
  }
}
