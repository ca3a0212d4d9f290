import type { Random } from './fuzz-random';
import { fuzzString, fuzzWord } from './fuzz-text';
import { blockAction, viewSubmission, type ViewStateValue } from './slack-request';

type Json = Record<string, unknown>;

/** The end of Feature Freeze of v1.10.0, as a phase-end button and its form name it. */
const PHASE_END = { release: 'v1.10.0', phase: 'feature_freeze', endsOn: '2026-05-24' };

/** Every modal kfrelease registers: its callback id, a current private_metadata, its fields. */
const FORMS: { callbackId: string; metadata: () => Json; fields: [string, string, Kind][] }[] = [
  {
    callbackId: 'submit_revision',
    metadata: () => ({ release: 'v1.10.0', wg: 'Notebooks', repos: ['kubeflow/kubeflow'] }),
    fields: [
      ['repo:0', 'revision', 'text'],
      ['note', 'note', 'text'],
    ],
  },
  {
    callbackId: 'deny_revision',
    metadata: () => ({ revisionId: 1, channel: 'C0RELEASE', ts: '1767225600.000100' }),
    fields: [['reason', 'reason', 'text']],
  },
  {
    callbackId: 'docs_add',
    metadata: () => ({ release: 'v1.10.0' }),
    fields: [
      ['wg', 'wg', 'select'],
      ['feature', 'feature', 'text'],
      ['pages', 'pages', 'text'],
      ['owner', 'owner', 'user'],
      ['status', 'status', 'select'],
    ],
  },
  {
    callbackId: 'feature_add',
    metadata: () => ({ release: 'v1.10.0' }),
    fields: [
      ['wg', 'wg', 'select'],
      ['title', 'title', 'text'],
      ['ref', 'ref', 'text'],
      ['pages', 'pages', 'text'],
    ],
  },
  {
    callbackId: 'feature_punt',
    metadata: () => ({ feature: 1 }),
    fields: [['reason', 'reason', 'text']],
  },
  {
    callbackId: 'distribution_signoff',
    metadata: () => ({ release: 'v1.10.0' }),
    fields: [
      ['distribution', 'distribution', 'select'],
      ['rc', 'rc', 'select'],
      ['result', 'result', 'select'],
      ['issues', 'issues', 'text'],
      ['kubernetes', 'kubernetes', 'text'],
      ['evidence', 'evidence', 'text'],
      ['notes', 'notes', 'text'],
    ],
  },
  {
    callbackId: 'blocker_report',
    metadata: () => ({ release: 'v1.10.0', attempt: 0 }),
    fields: [
      ['wg:0', 'wg', 'select'],
      ['refs:0', 'refs', 'text'],
      ['blocks:0', 'blocks', 'select'],
      ['note:0', 'note', 'text'],
    ],
  },
  {
    callbackId: 'blocker_triage_view',
    metadata: () => ({ blockerId: 1, channel: 'C0RELEASE' }),
    fields: [
      ['decision', 'decision', 'select'],
      ['reason', 'reason', 'text'],
    ],
  },
  {
    callbackId: 'release_replan',
    metadata: () => ({ release: 'v1.10.0', planRevision: 1 }),
    fields: [
      ['replan_item', 'replan_item', 'select'],
      ['replan_date', 'replan_date', 'date'],
      ['replan_scope', 'replan_scope', 'select'],
      ['replan_reason', 'replan_reason', 'text'],
    ],
  },
  {
    callbackId: 'declare_dependencies',
    metadata: () => ({ release: 'v1.10.0', wg: 'Notebooks', components: ['Notebook Controller'] }),
    fields: [
      ['component:0', 'value', 'text'],
      ['dep:kubernetes', 'value', 'text'],
      ['dep:istio', 'value', 'text'],
    ],
  },
  {
    callbackId: 'phase_end_move_on',
    metadata: () => PHASE_END,
    fields: [['phase_end_reason', 'phase_end_reason', 'text']],
  },
];
type Kind = 'text' | 'select' | 'user' | 'date';

export const KNOWN_CALLBACK_IDS = FORMS.map((f) => f.callbackId);
export const KNOWN_ACTION_IDS = [
  'open_submit_revision',
  'submit_revision_pick_wg',
  'revision_approve',
  'revision_deny',
  'blocker_open_form',
  'blocker_triage',
  'open_docs_add',
  'open_feature_add',
  'feature_keep',
  'feature_punt_open',
  'replan_item',
  'replan_date',
  'replan_scope',
  'phase_end_extend',
  'phase_end_move_on',
  'phase_end_checklist',
  'outbox_retry',
  'open_signoff_form',
];
const OPTION_VALUES = [
  'Notebooks',
  'Pipelines',
  'AWS',
  'rc.1',
  'rc.0',
  'thumbs_up',
  'blocked',
  'yes',
  'no',
  'feature_freeze',
  'manifests_testing',
  'later',
  'only',
];
const DATES = ['2026-05-29', '2026-06-01', '2026-01-01', '2026-02-30', 'tomorrow', '', '9999-12-31'];
const MORE_VALUES = ['punt', 'at_risk', 'release_blocking', 'needed', 'done', 'in_progress', ''];

/** A private_metadata as a form long open, a form of an older kfrelease, or not one at all. */
function fuzzMetadata(r: Random, current: Json): string {
  const roll = r.next();
  if (roll < 0.35) return JSON.stringify(current);
  if (roll < 0.6) {
    const stale = { ...current };
    const key = r.pick(Object.keys(stale));
    stale[key] = r.pick([
      'v0.9.0',
      'v9.9.9',
      9999,
      0,
      -1,
      1.5,
      null,
      [],
      {},
      true,
      fuzzWord(r),
      ['kubeflow/pipelines'],
    ]);
    if (r.chance(0.2)) delete stale[key];
    return JSON.stringify(stale);
  }
  if (roll < 0.8) return r.pick(['', '{', 'null', '[]', '"x"', '123', '{"release":', 'undefined']);
  return fuzzString(r);
}

function fuzzValue(r: Random, kind: Kind): ViewStateValue {
  if (kind === 'date')
    return { type: 'datepicker', selected_date: r.chance(0.15) ? null : r.pick([...DATES, fuzzWord(r)]) };
  if (kind === 'text') return { type: 'plain_text_input', value: r.chance(0.1) ? null : fuzzString(r) };
  if (kind === 'user')
    return {
      type: 'users_select',
      selected_user: r.chance(0.4) ? null : r.pick(['U0ALAN001', 'U0NOBODY', '']),
    };
  const value = r.chance(0.7) ? r.pick([...OPTION_VALUES, ...MORE_VALUES]) : fuzzWord(r);
  return { type: 'static_select', selected_option: r.chance(0.15) ? null : { value } };
}

export interface FuzzInteraction {
  payload: Json;
  /** An ID no listener takes (an old button or form): answered as out of date. */
  unknown: boolean;
  describe: string;
}

/** A modal submission: a known or unknown form, current or stale metadata, fields missing or odd. */
export function fuzzViewSubmission(r: Random, user: string): FuzzInteraction {
  const form = r.pick(FORMS);
  const unknown = r.chance(0.04);
  const callbackId = unknown
    ? r.pick(['submit_revision_v0', 'SUBMIT_REVISION', 'unknown_form', `${form.callbackId} `])
    : form.callbackId;
  const values: Record<string, Record<string, ViewStateValue>> = {};
  for (const [block, action, kind] of form.fields) {
    if (r.chance(0.1)) continue;
    values[r.chance(0.05) ? `${block}:old` : block] = { [action]: fuzzValue(r, kind) };
  }
  if (r.chance(0.1)) values[fuzzWord(r)] = { [fuzzWord(r)]: fuzzValue(r, 'text') };
  const privateMetadata = fuzzMetadata(r, form.metadata());
  const hash = r.chance(0.2) ? r.pick(['', 'stale.hash', fuzzWord(r)]) : undefined;
  const payload = viewSubmission({ user, callbackId, privateMetadata, values, ...(hash ? { hash } : {}) });
  return {
    payload,
    unknown,
    describe: `view ${callbackId} as ${user}: ${privateMetadata.slice(0, 80)}`,
  };
}

/**
 * A button or select: a known or unknown action, a value that may point at nothing. `openViews`
 * are modals Slack holds open: a select inside one may carry a hash that is no longer current.
 */
export function fuzzBlockAction(r: Random, user: string, openViews: string[] = []): FuzzInteraction {
  const unknown = r.chance(0.04);
  const actionId = unknown ? r.pick(['release.open', 'revision_approve_v0', 'x']) : r.pick(KNOWN_ACTION_IDS);
  const roll = r.next();
  const value =
    roll < 0.45
      ? r.pick(['1', '2', '3', '0', '-1', '1e3', '999999999', 'abc', '', ' 1', '1.0', 'v1.10.0'])
      : roll < 0.6
        ? r.chance(0.6)
          ? JSON.stringify(PHASE_END)
          : fuzzMetadata(r, PHASE_END)
        : fuzzString(r);
  const payload: Json = blockAction({ user, actionId, value });
  const action = (payload.actions as Json[])[0] as Json;
  if (actionId === 'submit_revision_pick_wg' || r.chance(0.1)) {
    action.type = r.pick(['static_select', 'button', 'overflow']);
    const wg = r.chance(0.5) ? r.pick(['Notebooks', 'Pipelines']) : r.pick([...OPTION_VALUES, fuzzWord(r)]);
    action.selected_option = r.chance(0.2) ? null : { value: wg };
    if (r.chance(0.8)) {
      payload.view = {
        id: openViews.length > 0 && r.chance(0.5) ? r.pick(openViews) : r.pick(['V00000001', 'V0UNKNOWN']),
        hash: r.pick(['1767225600.AbCdEfGh', 'stale.hash', '']),
        callback_id: 'submit_revision',
        private_metadata: r.chance(0.5)
          ? JSON.stringify({ release: 'v1.10.0', wg: null, repos: [] })
          : fuzzMetadata(r, { release: 'v1.10.0', wg: null, repos: [] }),
        state: { values: {} },
      };
      payload.container = { type: 'view', view_id: 'V00000001' };
      delete payload.channel;
      delete payload.message;
    }
  }
  if (r.chance(0.1)) delete payload.channel;
  if (r.chance(0.05)) payload.trigger_id = r.pick(['', 'not-a-trigger']);
  return { payload, unknown, describe: `action ${actionId}=${value.slice(0, 40)} as ${user}` };
}
