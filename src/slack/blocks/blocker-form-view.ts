import type { PlainTextInput, RadioButtons, StaticSelect } from '@slack/types';
import type { BlockerRow } from '../../db/blocker-repository';
import { DECISION_LABELS, type TriageAction } from '../../domain/blocker-triage';
import { bold, code, join, md } from '../../text/mrkdwn';
import type { ReferenceProblem } from '../../workflows/submit-blockers';
import {
  context,
  input,
  LIMITS,
  listSection,
  modal,
  option,
  plain,
  section,
  type Block,
  type ModalView,
} from './block-kit';
import { inlineList, issueLink } from './blocker-blocks';

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

const BLOCKS_OPTIONS = [
  option('Yes: the release cannot ship with it', 'yes'),
  option('Not sure or no: track it and let the release team triage', 'no'),
];

const SEE_ALL = md`${code('/kfrelease blockers')}`;
const ref = (r: BlockerRow) => `${r.owner}/${r.repo}#${r.number}`;

function outcomeBlocks(outcome: NonNullable<BlockerFormParams['outcome']>): Block[] {
  const blocks: Block[] = [];
  const tracked = [...outcome.saved, ...outcome.alreadyTracked];
  if (outcome.saved.length > 0)
    blocks.push(
      listSection(
        md`:white_check_mark: *Saved:*`,
        outcome.saved.map((r) => md`• ${issueLink(r)}`),
        SEE_ALL,
      ),
    );
  if (outcome.alreadyTracked.length > 0) {
    const refs = inlineList(
      outcome.alreadyTracked.map((r) => md`${ref(r)}`),
      LIMITS.sectionText - 20,
      SEE_ALL,
    );
    blocks.push(context(md`Already tracked: ${refs}`));
  }
  const lines = outcome.problems.map((p) => md`• ${code(p.text.slice(0, 200))}: ${p.problem}`);
  blocks.push(
    listSection(
      md`:warning: *${tracked.length > 0 ? 'These lines were not saved' : 'Fix these lines'}* (they are left below; fix them and submit, or close to drop them):`,
      lines,
      md`the lines left below`,
    ),
  );
  return blocks;
}

/** The report form: working group, references (one per line), whether it blocks, a note. */
export function blockerFormView(params: BlockerFormParams): ModalView {
  const ids = formBlockIds(params.attempt);
  const metadata: BlockerFormMetadata = { release: params.release, attempt: params.attempt };
  const wg: StaticSelect = {
    type: 'static_select',
    action_id: FORM_ACTIONS.wg,
    placeholder: plain('Choose a working group', LIMITS.placeholder),
    options: params.groups.slice(0, LIMITS.options).map((g) => option(g)),
    ...(params.wg ? { initial_option: option(params.wg) } : {}),
  };
  const refs: PlainTextInput = {
    type: 'plain_text_input',
    action_id: FORM_ACTIONS.refs,
    multiline: true,
    max_length: 3000,
    ...(params.refs ? { initial_value: params.refs } : {}),
  };
  const blocksRelease: RadioButtons = {
    type: 'radio_buttons',
    action_id: FORM_ACTIONS.blocks,
    options: BLOCKS_OPTIONS,
    initial_option: BLOCKS_OPTIONS[params.blocksRelease ? 0 : 1],
  };
  const note: PlainTextInput = {
    type: 'plain_text_input',
    action_id: FORM_ACTIONS.note,
    multiline: true,
    max_length: 500,
    ...(params.note ? { initial_value: params.note } : {}),
  };
  const blocks: Block[] = params.outcome
    ? outcomeBlocks(params.outcome)
    : [context(md`Issues or pull requests that hold the release up. Each is checked on GitHub.`)];
  blocks.push(
    input({ blockId: ids.wg, label: 'Working group', element: wg }),
    input({
      blockId: ids.refs,
      label: 'Issues or pull requests, one per line',
      hint: 'kubeflow/pipelines#1234 or https://github.com/kubeflow/pipelines/issues/1234',
      element: refs,
    }),
    input({ blockId: ids.blocks, label: 'Does it block the release?', element: blocksRelease }),
    input({ blockId: ids.note, label: 'Note for the release team', optional: true, element: note }),
  );
  return modal({
    callbackId: BLOCKER_FORM_VIEW,
    privateMetadata: JSON.stringify(metadata),
    title: `Blockers ${params.release}`,
    submit: params.outcome ? 'Submit the rest' : 'Report',
    close: params.outcome ? 'Close' : 'Cancel',
    blocks,
  });
}

/** What the reporter sees once everything in the form is saved. */
export function blockersSavedView(
  release: string,
  wg: string,
  saved: BlockerRow[],
  alreadyTracked: BlockerRow[],
): ModalView {
  const lines = saved.map(
    (r) => md`• ${issueLink(r)} · ${r.state}${r.labels.length ? md` · ${join(r.labels, ', ')}` : md``}`,
  );
  const blocks: Block[] = [];
  if (saved.length > 0)
    blocks.push(
      listSection(md`:white_check_mark: Tracking for ${bold(wg)} in Kubeflow ${release}:`, lines, SEE_ALL),
    );
  if (alreadyTracked.length > 0) {
    const refs = alreadyTracked.map((r) => md`${ref(r)} (${r.wg})`);
    blocks.push(
      section(md`Already tracked, left as they were: ${inlineList(refs, LIMITS.sectionText - 40, SEE_ALL)}`),
    );
  }
  blocks.push(context(md`The release channel has been told. See them all with \`/kfrelease blockers\`.`));
  return modal({ callbackId: 'blocker_report_done', title: 'Blockers reported', close: 'Done', blocks });
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
  const summary = md`${issueLink(row)}
${bold(row.wg)} · Kubeflow ${release} · ${row.state} on GitHub · ${decided}`;
  const decision: RadioButtons = {
    type: 'radio_buttons',
    action_id: 'decision',
    options: Object.entries(TRIAGE_OPTIONS).map(([value, label]) => option(label, value)),
  };
  const reason: PlainTextInput = {
    type: 'plain_text_input',
    action_id: 'reason',
    multiline: true,
    max_length: 1000,
  };
  return modal({
    callbackId: TRIAGE_BLOCKER_VIEW,
    privateMetadata: JSON.stringify(metadata),
    title: 'Triage blocking issue',
    submit: 'Decide',
    close: 'Cancel',
    blocks: [
      section(summary),
      input({ blockId: 'decision', label: 'Decision', element: decision }),
      input({
        blockId: 'reason',
        label: 'Why (required to punt; the working group reads it)',
        optional: true,
        element: reason,
      }),
    ],
  });
}
