import { signedFormBody, type SignedRequest } from './signed-slash-command';

let sequence = 0;

const plain = (text: string) => ({ type: 'plain_text', text, emoji: true });

/**
 * A `view_submission` as Slack sends it when someone presses Submit on a modal: the payload as
 * JSON in the `payload` form field, one input block per value, the values in `view.state.values`
 * (`values[block_id][action_id]`), and the v0 signature over the current timestamp.
 */
export function signedViewSubmission(
  signingSecret: string,
  input: {
    userId: string;
    callbackId: string;
    privateMetadata: string;
    /** Plain-text inputs: `values[block_id][action_id] = value`. */
    values: Record<string, Record<string, string>>;
  },
): SignedRequest {
  sequence += 1;
  const values = Object.fromEntries(
    Object.entries(input.values).map(([blockId, actions]) => [
      blockId,
      Object.fromEntries(
        Object.entries(actions).map(([actionId, value]) => [actionId, { type: 'plain_text_input', value }]),
      ),
    ]),
  );
  const blocks = Object.entries(input.values).flatMap(([blockId, actions]) =>
    Object.keys(actions).map((actionId) => ({
      type: 'input',
      block_id: blockId,
      label: plain(blockId),
      optional: true,
      dispatch_action: false,
      element: { type: 'plain_text_input', action_id: actionId },
    })),
  );
  const name = input.userId.toLowerCase();
  const viewId = `V0BENCH${String(sequence).padStart(6, '0')}`;
  const payload = {
    type: 'view_submission',
    team: { id: 'T1', domain: 'kubeflow' },
    user: { id: input.userId, username: name, name, team_id: 'T1' },
    api_app_id: 'A0APP',
    token: 'gIkuvaNzQIHg97ATvDxqgjtO',
    trigger_id: `${1_000_000_000_000 + sequence}.1000000000.9a8b7c6d5e4f3a2b1c0d9e8f`,
    view: {
      id: viewId,
      team_id: 'T1',
      type: 'modal',
      blocks,
      private_metadata: input.privateMetadata,
      callback_id: input.callbackId,
      state: { values },
      hash: `${Math.floor(Date.now() / 1000)}.AbCdEfGh`,
      title: plain('Revisions'),
      clear_on_close: false,
      notify_on_close: false,
      close: plain('Cancel'),
      submit: plain('Submit'),
      previous_view_id: null,
      root_view_id: viewId,
      app_id: 'A0APP',
      external_id: '',
      app_installed_team_id: 'T1',
      bot_id: 'B0BOT',
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return signedFormBody(signingSecret, body);
}
