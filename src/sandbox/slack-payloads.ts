import { createHmac, randomBytes } from 'node:crypto';
import { SLACK_TEAM } from './slack-stand-in-state';

/**
 * What Slack sends the app, built the way Slack builds it: slash commands as form fields, block
 * actions and view submissions as `payload=<JSON>`, events as JSON, all signed with the app's
 * signing secret. The sandbox console sends these to the app's own `/slack/events`.
 */
type Json = Record<string, unknown>;

const TEAM = { id: SLACK_TEAM.teamId, domain: 'kubeflow' };
const DEPRECATED_TOKEN = 'sandboxverificationtoken';

let sequence = 0;

/** A trigger_id shaped like Slack's, unique in this process. */
export function newTriggerId(): string {
  sequence += 1;
  return `${Date.now()}${sequence}.${Math.floor(Date.now() / 1000)}.${randomBytes(12).toString('hex')}`;
}

const actionTs = () => `${Math.floor(Date.now() / 1000)}.${String(++sequence % 1_000_000).padStart(6, '0')}`;

function user(id: string, name: string): Json {
  return { id, username: name, name, team_id: SLACK_TEAM.teamId };
}

export interface SlashCommandInput {
  user: { id: string; name: string };
  text: string;
  channel: { id: string; name: string };
  responseUrl: string;
  triggerId: string;
}

/** A slash command's form body. */
export function slashCommandBody(input: SlashCommandInput): string {
  return new URLSearchParams({
    token: DEPRECATED_TOKEN,
    team_id: SLACK_TEAM.teamId,
    team_domain: TEAM.domain,
    channel_id: input.channel.id,
    channel_name: input.channel.name,
    user_id: input.user.id,
    user_name: input.user.name,
    command: '/kfrelease',
    text: input.text,
    api_app_id: SLACK_TEAM.appId,
    is_enterprise_install: 'false',
    response_url: input.responseUrl,
    trigger_id: input.triggerId,
  }).toString();
}

export interface BlockActionInput {
  user: { id: string; name: string };
  triggerId: string;
  action: Json;
  /** A message in a channel (or an ephemeral one, with no `message`), or a view. */
  where:
    | {
        kind: 'message';
        channel: { id: string; name: string };
        ts: string;
        message?: Json;
        responseUrl: string;
      }
    | { kind: 'view'; view: Json };
}

/** A `block_actions` interaction: a button pressed or an option picked. */
export function blockActionsPayload(input: BlockActionInput): Json {
  const where = input.where;
  const base = {
    type: 'block_actions',
    user: user(input.user.id, input.user.name),
    api_app_id: SLACK_TEAM.appId,
    token: DEPRECATED_TOKEN,
    trigger_id: input.triggerId,
    team: TEAM,
    enterprise: null,
    is_enterprise_install: false,
    actions: [{ ...input.action, action_ts: actionTs() }],
  };
  if (where.kind === 'view') {
    return { ...base, container: { type: 'view', view_id: where.view.id }, view: where.view };
  }
  return {
    ...base,
    container: {
      type: 'message',
      message_ts: where.ts,
      channel_id: where.channel.id,
      is_ephemeral: where.message === undefined,
    },
    channel: where.channel,
    ...(where.message ? { message: where.message } : {}),
    state: { values: {} },
    response_url: where.responseUrl,
  };
}

/** A `view_submission`: the modal's Submit button. */
export function viewSubmissionPayload(input: { user: { id: string; name: string }; view: Json }): Json {
  return {
    type: 'view_submission',
    team: TEAM,
    user: user(input.user.id, input.user.name),
    api_app_id: SLACK_TEAM.appId,
    token: DEPRECATED_TOKEN,
    trigger_id: newTriggerId(),
    view: input.view,
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}

/** A `view_closed`, sent only for modals that asked with notify_on_close. */
export function viewClosedPayload(input: { user: { id: string; name: string }; view: Json }): Json {
  return {
    type: 'view_closed',
    team: TEAM,
    user: user(input.user.id, input.user.name),
    api_app_id: SLACK_TEAM.appId,
    token: DEPRECATED_TOKEN,
    view: input.view,
    is_cleared: false,
    is_enterprise_install: false,
    enterprise: null,
  };
}

/** The Events API envelope around `app_home_opened`. */
export function appHomeOpenedEvent(input: { userId: string; channel: string }): Json {
  const now = Math.floor(Date.now() / 1000);
  return {
    token: DEPRECATED_TOKEN,
    team_id: SLACK_TEAM.teamId,
    context_team_id: SLACK_TEAM.teamId,
    api_app_id: SLACK_TEAM.appId,
    event: {
      type: 'app_home_opened',
      user: input.userId,
      channel: input.channel,
      tab: 'home',
      event_ts: `${now}.000100`,
    },
    type: 'event_callback',
    event_id: `Ev${randomBytes(5).toString('hex').toUpperCase()}`,
    event_time: now,
    authorizations: [
      { enterprise_id: null, team_id: SLACK_TEAM.teamId, user_id: SLACK_TEAM.botUserId, is_bot: true },
    ],
    is_ext_shared_channel: false,
  };
}

export interface SignedAnswer {
  status: number;
  text: string;
}

/** POSTs a body to the app's `/slack/events`, signed as Slack signs (v0, HMAC-SHA256). */
export async function postSigned(
  appUrl: string,
  secret: string,
  body: { form: string } | { payload: Json } | { json: Json },
): Promise<SignedAnswer> {
  const [text, contentType] =
    'form' in body
      ? [body.form, 'application/x-www-form-urlencoded']
      : 'payload' in body
        ? [
            new URLSearchParams({ payload: JSON.stringify(body.payload) }).toString(),
            'application/x-www-form-urlencoded',
          ]
        : [JSON.stringify(body.json), 'application/json'];
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = createHmac('sha256', secret).update(`v0:${timestamp}:${text}`).digest('hex');
  const response = await fetch(`${appUrl}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': `v0=${signature}`,
    },
    body: text,
  });
  return { status: response.status, text: await response.text() };
}
