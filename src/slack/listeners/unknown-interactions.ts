import type { AnyMiddlewareArgs, App, Middleware } from '@slack/bolt';
import type { Logger } from '../../logger';
import { section, type ModalView } from '../blocks/block-kit';
import { tellEphemeral } from './slack-answers';

/** The slash commands, action IDs and modal callback IDs kfrelease has listeners for. */
export interface ListenedIds {
  commands: Set<string>;
  actions: Set<string>;
  views: Set<string>;
}

export const emptyListenedIds = (): ListenedIds => ({
  commands: new Set(),
  actions: new Set(),
  views: new Set(),
});

const RECORDED = { command: 'commands', action: 'actions', view: 'views' } as const;

/**
 * The app, with `command`, `action` and `view` also noting the ID each listener is for, so the
 * interactions nobody listens for can be told apart (answerUnknownInteractions). Listeners are
 * registered by plain string IDs; anything else is a mistake caught at start.
 */
export function recordingListenedIds(app: App, ids: ListenedIds): App {
  return new Proxy(app, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property);
      if (typeof value !== 'function') return value;
      const kind = typeof property === 'string' ? RECORDED[property as keyof typeof RECORDED] : undefined;
      if (!kind) return value.bind(target);
      return (id: unknown, ...listeners: unknown[]) => {
        if (typeof id !== 'string') throw new Error(`register ${String(property)} listeners by a string ID`);
        ids[kind].add(id);
        return (value as (...args: unknown[]) => unknown).apply(target, [id, ...listeners]);
      };
    },
  });
}

export const STALE_BUTTON =
  'That button belongs to an older kfrelease message and no longer does anything, so nothing was changed. ' +
  '`/kfrelease status` shows the current buttons, and the kfrelease Home tab has every form.';

export const STALE_FORM =
  'This form comes from an older version of kfrelease and can no longer be submitted, so nothing was saved. ' +
  'Close it and open the form again: `/kfrelease help` lists them, and the kfrelease Home tab has buttons for each.';

const unknownCommand = (command: string) =>
  `kfrelease does not answer \`${command}\`: its command is \`/kfrelease\`. Try \`/kfrelease help\`.`;

function staleFormView(): ModalView {
  return {
    type: 'modal',
    callback_id: 'kfrelease_stale_form',
    title: { type: 'plain_text', text: 'Form out of date' },
    close: { type: 'plain_text', text: 'Close' },
    blocks: [section(STALE_FORM)],
  };
}

interface InteractionBody {
  type?: string;
  command?: string;
  user?: { id: string };
  channel?: { id: string };
  actions?: { action_id: string }[];
  view?: { callback_id: string };
}

/**
 * Answers, at once and plainly, the interactions no listener takes: a button from a message or a
 * modal an older kfrelease posted, a form opened before an upgrade, a command Slack routes here by
 * an old name. Without it Bolt lets Slack wait three seconds and then answers 404, and the person
 * sees only a warning sign. Nothing is changed; the rest goes on to the listeners.
 */
export function answerUnknownInteractions(ids: ListenedIds, logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const body = args.body as InteractionBody;
    const ack = 'ack' in args ? (args.ack as (answer?: unknown) => Promise<void>) : null;
    if (!ack) return args.next();
    if (body.command !== undefined && !ids.commands.has(body.command)) {
      logger.warn({ command: body.command }, 'slash command nobody listens for');
      return ack({ response_type: 'ephemeral', text: unknownCommand(body.command) });
    }
    if (body.type === 'block_actions' && !body.actions?.some((a) => ids.actions.has(a.action_id))) {
      logger.warn({ actions: body.actions?.map((a) => a.action_id) }, 'button nobody listens for');
      await ack();
      const user = body.user?.id;
      if (user) await tellEphemeral(args.client, logger, { channel: body.channel?.id, user }, STALE_BUTTON);
      return;
    }
    const isView = body.type === 'view_submission' || body.type === 'view_closed';
    if (isView && !ids.views.has(body.view?.callback_id ?? '')) {
      logger.warn({ callbackId: body.view?.callback_id, type: body.type }, 'form nobody listens for');
      return ack(
        body.type === 'view_submission' ? { response_action: 'update', view: staleFormView() } : undefined,
      );
    }
    return args.next();
  };
}
