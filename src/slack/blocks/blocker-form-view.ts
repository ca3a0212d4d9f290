import type { BlockerRow } from '../../db/blocker-repository';
import { DECISION_LABELS, type TriageAction } from '../../domain/blocker-triage';
import type { ReferenceProblem } from '../../workflows/submit-blockers';
import { context, escapeMrkdwn, section, type Block, type ModalView } from './block-kit';
import { issueLink } from './blocker-blocks';

export const BLOCKER_FORM_VIEW = 'blocker_report';
export const TRIAGE_BLOCKER_VIEW = 'blocker_triage_view';
export const FORM_ACTIONS = { wg: 'wg', refs: 'refs', blocks: 'blocks', note: 'note' } as const;

/**
 * Block ids carry the attempt: Slack keeps what a person typed in an input whose block id is
 * unchanged, so a re-rendered form needs new ids for its prefilled values to show.
 */
export const formBlockIds = (attempt: number) => ({
  wg: `wg:${attempt}`,
  refs: `refs:${attempt}`,
  blocks: `blocks:${attempt}`,
  note: `note:${attempt}`,
});

export interface BlockerFormMetadata {
  release: string;
  attempt: number;
}

export interface BlockerFormParams {
  release: string;
  groups: string[];
  wg: string | null;
  attempt: number;
  refs?: string;
  blocksRelease?: boolean;
  note?: string;
  /** After a submission with lines to fix: what was saved, and what each remaining line needs. */
  outcome?: { saved: BlockerRow[]; alreadyTracked: BlockerRow[]; problems: ReferenceProblem[] };
}

const title = (text: string) => ({ type: 'plain_text' as const, text: text.slice(0, 24) });
const plain = (text: string) => ({ type: 'plain_text' as const, text: text.slice(0, 150) });
const option = (text: string, value = text) => ({
  text: plain(text.slice(0, 75)),
  value: value.slice(0, 150),
});
const BLOCKS_OPTIONS = [
  option('Yes: the release cannot ship with it', 'yes'),
  option('Not sure or no: track it and let the release team triage', 'no'),
];

function outcomeBlocks(outcome: NonNullable<BlockerFormParams['outcome']>): Block[] {
  const blocks: Block[] = [];
  const tracked = [...outcome.saved, ...outcome.alreadyTracked];
  if (outcome.saved.length > 0)
    blocks.push(
      section(`:white_check_mark: *Saved:*\n${outcome.saved.map((r) => `• ${issueLink(r)}`).join('\n')}`),
    );
  if (outcome.alreadyTracked.length > 0)
    blocks.push(
      context(
        `Already tracked: ${outcome.alreadyTracked.map((r) => `${r.owner}/${r.repo}#${r.number}`).join(', ')}`,
      ),
    );
  const lines = outcome.problems.map(
    (p) => `• \`${escapeMrkdwn(p.text.slice(0, 200))}\`: ${escapeMrkdwn(p.problem)}`,
  );
  blocks.push(
    section(
      `:warning: *${tracked.length > 0 ? 'These lines were not saved' : 'Fix these lines'}* (they are left below; fix them and submit, or close to drop them):\n${lines.join('\n')}`,
    ),
  );
  return blocks;
}

/** The report form: working group, references (one per line), whether it blocks, a note. */
export function blockerFormView(params: BlockerFormParams): ModalView {
  const ids = formBlockIds(params.attempt);
  const metadata: BlockerFormMetadata = { release: params.release, attempt: params.attempt };
  const blocks: unknown[] = params.outcome
    ? outcomeBlocks(params.outcome)
    : [context('Issues or pull requests that hold the release up. Each is checked on GitHub.')];
  blocks.push(
    {
      type: 'input',
      block_id: ids.wg,
      label: plain('Working group'),
      element: {
        type: 'static_select',
        action_id: FORM_ACTIONS.wg,
        placeholder: plain('Choose a working group'),
        options: params.groups.slice(0, 100).map((g) => option(g)),
        ...(params.wg ? { initial_option: option(params.wg) } : {}),
      },
    },
    {
      type: 'input',
      block_id: ids.refs,
      label: plain('Issues or pull requests, one per line'),
      hint: plain('kubeflow/pipelines#1234 or https://github.com/kubeflow/pipelines/issues/1234'),
      element: {
        type: 'plain_text_input',
        action_id: FORM_ACTIONS.refs,
        multiline: true,
        max_length: 3000,
        ...(params.refs ? { initial_value: params.refs } : {}),
      },
    },
    {
      type: 'input',
      block_id: ids.blocks,
      label: plain('Does it block the release?'),
      element: {
        type: 'radio_buttons',
        action_id: FORM_ACTIONS.blocks,
        options: BLOCKS_OPTIONS,
        initial_option: BLOCKS_OPTIONS[params.blocksRelease ? 0 : 1],
      },
    },
    {
      type: 'input',
      block_id: ids.note,
      optional: true,
      label: plain('Note for the release team'),
      element: {
        type: 'plain_text_input',
        action_id: FORM_ACTIONS.note,
        multiline: true,
        max_length: 500,
        ...(params.note ? { initial_value: params.note } : {}),
      },
    },
  );
  return {
    type: 'modal',
    callback_id: BLOCKER_FORM_VIEW,
    private_metadata: JSON.stringify(metadata),
    title: title(`Blockers ${params.release}`),
    submit: plain(params.outcome ? 'Submit the rest' : 'Report'),
    close: plain(params.outcome ? 'Close' : 'Cancel'),
    blocks,
  };
}

/** What the reporter sees once everything in the form is saved. */
export function blockersSavedView(
  release: string,
  wg: string,
  saved: BlockerRow[],
  alreadyTracked: BlockerRow[],
): ModalView {
  const lines = saved.map(
    (r) =>
      `• ${issueLink(r)} · ${r.state}${r.labels.length ? ` · ${r.labels.map(escapeMrkdwn).join(', ')}` : ''}`,
  );
  const blocks: Block[] = [];
  if (saved.length > 0)
    blocks.push(
      section(
        `:white_check_mark: Tracking for *${escapeMrkdwn(wg)}* in Kubeflow ${release}:\n${lines.join('\n')}`,
      ),
    );
  if (alreadyTracked.length > 0)
    blocks.push(
      section(
        `Already tracked, left as they were: ${alreadyTracked.map((r) => `${r.owner}/${r.repo}#${r.number} (${escapeMrkdwn(r.wg)})`).join(', ')}`,
      ),
    );
  blocks.push(context('The release channel has been told. See them all with `/kfrelease blockers`.'));
  return {
    type: 'modal',
    callback_id: 'blocker_report_done',
    title: title('Blockers reported'),
    close: plain('Done'),
    blocks,
  };
}

export interface TriageViewMetadata {
  blockerId: number;
  channel: string | null;
}

const TRIAGE_OPTIONS: Record<TriageAction, string> = {
  at_risk: 'At risk: fix it aggressively or punt it',
  punt: 'Punt it to the next release',
  release_blocking: 'Release-blocking: the release waits for it',
};

/** Asks the release manager or a liaison for a decision on one issue, and why. */
export function triageBlockerView(metadata: TriageViewMetadata, release: string, row: BlockerRow): ModalView {
  const decided = row.decision === 'none' ? 'not triaged yet' : `now ${DECISION_LABELS[row.decision]}`;
  const summary = `${issueLink(row)}
*${escapeMrkdwn(row.wg)}* · Kubeflow ${release} · ${row.state} on GitHub · ${decided}`;
  return {
    type: 'modal',
    callback_id: TRIAGE_BLOCKER_VIEW,
    private_metadata: JSON.stringify(metadata),
    title: title('Triage blocking issue'),
    submit: plain('Decide'),
    close: plain('Cancel'),
    blocks: [
      section(summary),
      {
        type: 'input',
        block_id: 'decision',
        label: plain('Decision'),
        element: {
          type: 'radio_buttons',
          action_id: 'decision',
          options: Object.entries(TRIAGE_OPTIONS).map(([value, text]) => option(text, value)),
        },
      },
      {
        type: 'input',
        block_id: 'reason',
        optional: true,
        label: plain('Why (required to punt; the working group reads it)'),
        element: { type: 'plain_text_input', action_id: 'reason', multiline: true, max_length: 1000 },
      },
    ],
  };
}
