import type { RevisionTarget } from '../../workflows/revision-targets';
import type { SavedRevision } from '../../workflows/submit-revisions';
import { context, escapeMrkdwn, section, type Block, type ModalView } from './block-kit';

export const SUBMIT_REVISION_VIEW = 'submit_revision';
export const PICK_WG_ACTION = 'submit_revision_pick_wg';
export const NOTE_BLOCK = 'note';
export const REVISION_ACTION = 'revision';

export interface SubmitViewMetadata {
  release: string;
  wg: string | null;
  /** The repositories in the order of their fields, so a later config change cannot misplace them. */
  repos: string[];
}

const title = (text: string) => ({ type: 'plain_text' as const, text: text.slice(0, 24) });
const option = (text: string) => ({
  text: { type: 'plain_text' as const, text: text.slice(0, 75) },
  value: text.slice(0, 150),
});

/** Block id of a repository's field: its position in the working group's targets. */
export const repoBlockId = (index: number) => `repo:${index}`;

/**
 * The submission form. With several working groups to choose from, a picker comes first and the
 * repositories appear once one is picked (views.update); with one, the form opens straight away.
 */
export function submitRevisionView(params: {
  release: string;
  groups: string[];
  wg: string | null;
  targets: RevisionTarget[];
  lastAccepted: Map<string, string>;
  freeze: boolean;
}): ModalView {
  const { release, groups, wg, targets } = params;
  const metadata: SubmitViewMetadata = { release, wg, repos: targets.map((t) => t.repo) };
  const blocks: unknown[] = [];
  if (groups.length > 1) {
    blocks.push({
      type: 'section',
      block_id: 'wg',
      text: { type: 'mrkdwn', text: '*Working group*' },
      accessory: {
        type: 'static_select',
        action_id: PICK_WG_ACTION,
        placeholder: { type: 'plain_text', text: 'Choose a working group' },
        options: groups.slice(0, 100).map(option),
        ...(wg ? { initial_option: option(wg) } : {}),
      },
    });
  } else {
    blocks.push(section(`*Working group:* ${escapeMrkdwn(wg ?? '')}`));
  }
  if (wg) {
    blocks.push(
      context(
        params.freeze
          ? 'Feature Freeze has started: give a *tag* with a published GitHub release and a changelog. After your first accepted revision, new ones may only add bug fixes.'
          : 'Give a tag (preferred), a branch or a commit SHA for each repository you have a revision for; leave the others empty.',
      ),
    );
    targets.forEach((target, index) => {
      const last = params.lastAccepted.get(target.repo);
      const hint = [
        target.components.length ? `Components: ${target.components.join(', ')}` : '',
        last ? `Accepted now: ${last}` : '',
      ]
        .filter(Boolean)
        .join(' · ');
      blocks.push({
        type: 'input',
        block_id: repoBlockId(index),
        optional: true,
        label: { type: 'plain_text', text: target.repo },
        element: {
          type: 'plain_text_input',
          action_id: REVISION_ACTION,
          placeholder: { type: 'plain_text', text: 'e.g. v1.10.0-rc.1' },
          max_length: 100,
        },
        ...(hint ? { hint: { type: 'plain_text', text: hint.slice(0, 1900) } } : {}),
      });
    });
    blocks.push({
      type: 'input',
      block_id: NOTE_BLOCK,
      optional: true,
      label: { type: 'plain_text', text: 'Note for the release team' },
      element: { type: 'plain_text_input', action_id: 'note', multiline: true, max_length: 500 },
    });
  }
  return {
    type: 'modal',
    callback_id: SUBMIT_REVISION_VIEW,
    private_metadata: JSON.stringify(metadata),
    title: title(`Revisions ${release}`),
    ...(wg ? { submit: { type: 'plain_text' as const, text: 'Submit' } } : {}),
    close: { type: 'plain_text', text: 'Cancel' },
    blocks,
  };
}

/** What the submitter sees once the submission is saved. */
export function submissionResultView(release: string, wg: string, saved: SavedRevision[]): ModalView {
  const line = (r: SavedRevision) => {
    const status =
      r.status === 'accepted'
        ? ':white_check_mark: accepted'
        : r.status === 'needs_exception'
          ? ':raised_hand: held for the release manager (you and the liaisons will hear the decision)'
          : ':hourglass: saved, pending validation: GitHub is slow to answer; it will be checked again and you will be told the result';
    const warnings = r.warnings.map((w) => `\n    :warning: ${w}`).join('');
    return `• *${escapeMrkdwn(r.repo)}* \`${escapeMrkdwn(r.revision)}\`: ${status}${warnings}`;
  };
  const blocks: Block[] = [
    section(`*${escapeMrkdwn(wg)}* revisions for Kubeflow ${release}\n${saved.map(line).join('\n')}`),
    context('See every component with `/kfrelease versions`.'),
  ];
  return {
    type: 'modal',
    callback_id: 'submit_revision_done',
    title: title('Revisions submitted'),
    close: { type: 'plain_text', text: 'Done' },
    blocks,
  };
}

/** Asks the release manager why a revision is denied. */
export const DENY_REVISION_VIEW = 'deny_revision';
export function denyRevisionView(
  metadata: { revisionId: number; channel: string | null; ts: string | null },
  summary: string,
): ModalView {
  return {
    type: 'modal',
    callback_id: DENY_REVISION_VIEW,
    private_metadata: JSON.stringify(metadata),
    title: title('Deny revision'),
    submit: { type: 'plain_text', text: 'Deny' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      section(summary),
      {
        type: 'input',
        block_id: 'reason',
        label: { type: 'plain_text', text: 'Why (the working group reads this)' },
        element: { type: 'plain_text_input', action_id: 'reason', multiline: true, max_length: 1000 },
      },
    ],
  };
}
