import type { PlainTextInput, PlainTextOption, StaticSelect } from '@slack/types';
import { DateTime } from 'luxon';
import type { RevisionTarget } from '../../workflows/revision-targets';
import type { SavedRevision } from '../../workflows/submit-revisions';
import { bold, code, lines, md, slackDate, type Mrkdwn } from '../../text/mrkdwn';
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

/** Block id of a repository's field: its position in the working group's targets. */
export const repoBlockId = (index: number) => `repo:${index}`;

function pickWorkingGroup(groups: string[], wg: string | null): StaticSelect {
  const options: PlainTextOption[] = groups.slice(0, LIMITS.options).map((g) => option(g));
  return {
    type: 'static_select',
    action_id: PICK_WG_ACTION,
    placeholder: plain('Choose a working group', LIMITS.placeholder),
    options,
    ...(wg ? { initial_option: option(wg) } : {}),
  };
}

/** The field of one repository: a tag, a branch or a commit, with its components as the hint. */
function repoInput(target: RevisionTarget, index: number, last: string | undefined): Block {
  const hint = [
    target.components.length ? `Components: ${target.components.join(', ')}` : '',
    last ? `Accepted now: ${last}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  const element: PlainTextInput = {
    type: 'plain_text_input',
    action_id: REVISION_ACTION,
    placeholder: plain('e.g. v1.10.0-rc.1', LIMITS.placeholder),
    max_length: 100,
  };
  return input({ blockId: repoBlockId(index), label: target.repo, element, optional: true, hint });
}

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
  const blocks: Block[] = [];
  if (groups.length > 1) {
    blocks.push(section(md`*Working group*`, { blockId: 'wg', accessory: pickWorkingGroup(groups, wg) }));
  } else {
    blocks.push(section(md`*Working group:* ${wg ?? ''}`));
  }
  if (wg) {
    blocks.push(
      context(
        params.freeze
          ? md`Feature Freeze has started: give a *tag* with a published GitHub release and a changelog. After your first accepted revision, new ones may only add bug fixes.`
          : md`Give a tag (preferred), a branch or a commit SHA for each repository you have a revision for; leave the others empty.`,
      ),
    );
    targets.forEach((target, index) =>
      blocks.push(repoInput(target, index, params.lastAccepted.get(target.repo))),
    );
    blocks.push(
      input({
        blockId: NOTE_BLOCK,
        label: 'Note for the release team',
        element: { type: 'plain_text_input', action_id: 'note', multiline: true, max_length: 500 },
        optional: true,
      }),
    );
  }
  return modal({
    callbackId: SUBMIT_REVISION_VIEW,
    title: `Revisions ${release}`,
    blocks,
    ...(wg ? { submit: 'Submit' } : {}),
    close: 'Cancel',
    privateMetadata: JSON.stringify(metadata),
  });
}

/** When a pending check runs again, in the reader's own time zone (UTC where Slack cannot). */
function checkTime(iso: string): Mrkdwn {
  const at = DateTime.fromISO(iso, { zone: 'utc' });
  return slackDate(
    at.toSeconds(),
    '{date_short_pretty} at {time}',
    at.toFormat("d LLL yyyy 'at' HH:mm 'UTC'"),
  );
}

/** Why a revision waits, and when it is checked again when that is known. */
function pendingText(pending: SavedRevision['pending']): Mrkdwn {
  const saved = md`:hourglass: saved, pending validation`;
  if (pending?.reason === 'rate_limit')
    return md`${saved}: GitHub's rate limit is reached; it will be checked again ${checkTime(pending.checkAt)} and you will be told the result`;
  if (pending?.reason === 'secondary_rate_limit')
    return md`${saved}: GitHub asked kfrelease to slow down (a secondary rate limit); it will be checked again ${checkTime(pending.checkAt)} and you will be told the result`;
  return md`${saved}: GitHub is slow to answer; it will be checked again and you will be told the result`;
}

/** A revision that was already the repository's latest: said so, nothing new was saved. */
function alreadyText(r: SavedRevision): Mrkdwn {
  const state =
    r.status === 'accepted'
      ? md`:white_check_mark: already accepted`
      : r.status === 'needs_exception'
        ? md`:raised_hand: already held for the release manager`
        : md`:hourglass: already saved, pending validation`;
  return md`${state}; nothing new was saved or announced`;
}

function savedLine(r: SavedRevision): Mrkdwn {
  const status = r.already
    ? alreadyText(r)
    : r.status === 'accepted'
      ? md`:white_check_mark: accepted`
      : r.status === 'needs_exception'
        ? md`:raised_hand: held for the release manager (you and the liaisons will hear the decision)`
        : pendingText(r.pending);
  // The warnings are plain text from the workflow: shown as written.
  return lines(
    md`• ${bold(r.repo)} ${code(r.revision)}: ${status}`,
    ...r.warnings.map((w) => md`    :warning: ${w}`),
  );
}

/** What the submitter sees once the submission is saved. */
export function submissionResultView(release: string, wg: string, saved: SavedRevision[]): ModalView {
  return modal({
    callbackId: 'submit_revision_done',
    title: 'Revisions submitted',
    close: 'Done',
    blocks: [
      listSection(
        md`${bold(wg)} revisions for Kubeflow ${release}`,
        saved.map(savedLine),
        md`${code('/kfrelease versions')}`,
      ),
      context(md`See every component with \`/kfrelease versions\`.`),
    ],
  });
}

/** Asks the release manager why a revision is denied. */
export const DENY_REVISION_VIEW = 'deny_revision';
export function denyRevisionView(
  metadata: { revisionId: number; channel: string | null; ts: string | null },
  summary: Mrkdwn,
): ModalView {
  return modal({
    callbackId: DENY_REVISION_VIEW,
    title: 'Deny revision',
    blocks: [
      section(summary),
      input({
        blockId: 'reason',
        label: 'Why (the working group reads this)',
        element: { type: 'plain_text_input', action_id: 'reason', multiline: true, max_length: 1000 },
      }),
    ],
    submit: 'Deny',
    close: 'Cancel',
    privateMetadata: JSON.stringify(metadata),
  });
}
