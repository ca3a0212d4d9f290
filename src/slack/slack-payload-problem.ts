import { z } from 'zod';

/**
 * The parts of a Slack request that Bolt and our listeners read without checking, typed. Only
 * those: anything else may be there, in any shape. A body that does not fit would make Bolt or a
 * listener throw (a 500, or for a body that is not an object an unhandled rejection that ends the
 * process), so it is refused before it gets that far.
 */
const id = z.looseObject({ id: z.string().min(1) });
const selected = z.looseObject({ value: z.string() }).nullish();

const stateValue = z.looseObject({
  value: z.string().nullish(),
  selected_option: selected,
  selected_user: z.string().nullish(),
  selected_options: z.array(z.looseObject({ value: z.string() })).nullish(),
});

const view = z.looseObject({
  id: z.string().optional(),
  hash: z.string().optional(),
  callback_id: z.string().optional(),
  private_metadata: z.string().optional(),
  app_installed_team_id: z.string().nullish(),
  state: z.looseObject({ values: z.record(z.string(), z.record(z.string(), stateValue)) }).optional(),
});

/** Who and which workspace, as Bolt reads them for every interaction. */
const interaction = {
  user: id,
  team: z.looseObject({ id: z.string().optional() }).nullish(),
  enterprise: z.looseObject({ id: z.string().optional() }).nullish(),
  trigger_id: z.string().optional(),
  response_url: z.string().optional(),
  response_urls: z.array(z.looseObject({ response_url: z.string() })).optional(),
};

const blockActions = z.looseObject({
  ...interaction,
  type: z.literal('block_actions'),
  actions: z
    .array(
      z.looseObject({
        action_id: z.string(),
        block_id: z.string().optional(),
        type: z.string(),
        value: z.string().optional(),
        selected_option: selected,
      }),
    )
    .min(1),
  channel: id.optional(),
  container: z
    .looseObject({ channel_id: z.string().optional(), message_ts: z.string().optional() })
    .optional(),
  message: z.looseObject({ ts: z.string() }).optional(),
  view: view.extend({ id: z.string() }).optional(),
});

const viewAction = z.looseObject({
  ...interaction,
  type: z.enum(['view_submission', 'view_closed']),
  view: view.extend({ callback_id: z.string(), state: view.shape.state.unwrap() }),
});

const slashCommand = z.looseObject({
  command: z.string(),
  user_id: z.string().min(1),
  text: z.string().optional(),
  channel_id: z.string().optional(),
  team_id: z.string().optional(),
  enterprise_id: z.string().optional(),
  trigger_id: z.string().optional(),
  response_url: z.string().optional(),
});

const eventCallback = z.looseObject({
  authorizations: z.array(z.looseObject({ team_id: z.string().nullish() })).optional(),
  event: z.looseObject({
    type: z.string(),
    user: z.union([z.string(), id]).optional(),
    channel: z.union([z.string(), z.looseObject({ creator: z.string().optional() })]).optional(),
    item: z.looseObject({}).optional(),
    subteam: z.looseObject({}).optional(),
    tab: z.string().optional(),
  }),
});

/** Which shape a body has, decided in the order Bolt decides it. */
function schemaFor(body: Record<string, unknown>): z.ZodType | 'pass' | null {
  if (body.event !== undefined) return eventCallback;
  if (body.command !== undefined) return slashCommand;
  if (body.actions !== undefined) return blockActions;
  if (body.type === 'view_submission' || body.type === 'view_closed') return viewAction;
  if (body.ssl_check === '1' || body.type === 'url_verification') return 'pass';
  return null;
}

/**
 * What is wrong with a parsed Slack request body for kfrelease, or null when Bolt can take it:
 * a slash command, a block action, a view submission or close, an event, or one of Slack's checks.
 */
export function slackPayloadProblem(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return 'the payload is not a JSON object';
  const schema = schemaFor(body as Record<string, unknown>);
  if (schema === 'pass') return null;
  if (schema === null) return 'it is not a slash command, an interaction or an event kfrelease handles';
  const parsed = schema.safeParse(body);
  if (parsed.success) return null;
  return parsed.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(top)'}: ${issue.message}`)
    .join('; ');
}
