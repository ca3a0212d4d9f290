import type { RevisionRow } from '../../db/revision-repository';
import { context, escapeMrkdwn, section, type Block, type SlackAnswer } from './block-kit';

export const APPROVE_REVISION = 'revision_approve';
export const DENY_REVISION = 'revision_deny';

const shortSha = (sha: string | null) => (sha ? `\`${sha.slice(0, 12)}\`` : '');
const who = (id: string) => (id.startsWith('cli:') ? id.slice(4) : `<@${id}>`);

function revisionLine(row: RevisionRow): string {
  const version = row.version && row.version !== row.revision ? ` (${row.version})` : '';
  return `*${escapeMrkdwn(row.repo)}* \`${escapeMrkdwn(row.revision)}\`${version} ${shortSha(row.commitSha)}`;
}

function reviewDetails(row: RevisionRow): string[] {
  const review = row.review;
  if (!review) return [];
  const lines: string[] = [];
  if (review.previous) lines.push(`Previous accepted revision: \`${escapeMrkdwn(review.previous)}\`.`);
  if (review.commits.length > 0) {
    const commits = review.commits
      .slice(-10)
      .map((c) => `• ${shortSha(c.sha)} ${escapeMrkdwn(c.message.split('\n')[0] ?? '')}`);
    lines.push(
      `*${review.commits.length} commit(s) since then*${review.commits.length > 10 ? ' (last 10)' : ''}:\n${commits.join('\n')}`,
    );
  }
  if (review.pullRequests.length > 0) {
    const prs = review.pullRequests.map(
      (pr) =>
        `• <${pr.url}|#${pr.number}> ${escapeMrkdwn(pr.title)}${pr.flagged ? ' :warning: _no bug/fix/docs label_' : ''}`,
    );
    lines.push(`*Pull requests:*\n${prs.join('\n')}`);
  }
  if (review.releaseUrl) lines.push(`<${review.releaseUrl}|GitHub release and changelog>`);
  return lines;
}

/** Announced in the release channel when a revision is accepted. */
export function revisionAcceptedPost(release: string, row: RevisionRow): SlackAnswer {
  const text = `${row.wg} revision accepted for Kubeflow ${release}: ${row.repo} ${row.revision}`;
  const blocks: Block[] = [
    section(
      `:white_check_mark: *${escapeMrkdwn(row.wg)}* revision accepted for Kubeflow ${release}\n${revisionLine(row)}`,
    ),
    context(
      `Submitted by ${who(row.submittedBy)}${row.note ? ` · ${escapeMrkdwn(row.note)}` : ''}${row.decidedBy ? ` · exception granted by ${who(row.decidedBy)}` : ''}`,
    ),
  ];
  if (row.review?.releaseUrl) blocks.push(context(`<${row.review.releaseUrl}|Changelog>`));
  return { text, blocks };
}

/** Posted for the release manager when a revision breaks the freeze rules: approve or deny. */
export function revisionHeldPost(release: string, row: RevisionRow): SlackAnswer {
  const reasons = row.review?.reasons ?? [];
  const text = `${row.wg} revision held for the release manager: ${row.repo} ${row.revision}`;
  return {
    text,
    blocks: [
      section(
        `:raised_hand: *${escapeMrkdwn(row.wg)}* revision for Kubeflow ${release} needs an exception from the release manager\n${revisionLine(row)}`,
      ),
      section(reasons.map((r) => `• ${escapeMrkdwn(r)}`).join('\n') || 'Held for review.'),
      ...reviewDetails(row).map((line) => section(line)),
      context(
        `Submitted by ${who(row.submittedBy)}${row.note ? ` · ${escapeMrkdwn(row.note)}` : ''} · only the release manager or an admin can decide`,
      ),
      {
        type: 'actions',
        block_id: `revision:${row.id}`,
        elements: [
          {
            type: 'button',
            action_id: APPROVE_REVISION,
            value: String(row.id),
            style: 'primary',
            text: { type: 'plain_text', text: 'Approve' },
          },
          {
            type: 'button',
            action_id: DENY_REVISION,
            value: String(row.id),
            style: 'danger',
            text: { type: 'plain_text', text: 'Deny…' },
          },
        ],
      },
    ],
  };
}

/** The held message once decided: the buttons are replaced by the decision. */
export function revisionDecidedPost(release: string, row: RevisionRow): SlackAnswer {
  const verb = row.status === 'accepted' ? ':white_check_mark: Exception granted' : ':no_entry: Denied';
  const text = `${row.wg} revision ${row.status === 'accepted' ? 'approved' : 'denied'}: ${row.repo} ${row.revision}`;
  return {
    text,
    blocks: [
      section(`${verb} by ${who(row.decidedBy ?? '')} for Kubeflow ${release}\n${revisionLine(row)}`),
      ...(row.decisionReason ? [section(`Reason: ${escapeMrkdwn(row.decisionReason)}`)] : []),
    ],
  };
}

/** Told directly to a working group's liaisons (or a submitter) about one revision. */
export function revisionNoticeDm(
  release: string,
  row: RevisionRow,
  headline: string,
  detail: string[],
): SlackAnswer {
  return {
    text: `${headline}: ${row.repo} ${row.revision}`,
    blocks: [
      section(`${headline} (Kubeflow ${release}, ${escapeMrkdwn(row.wg)})\n${revisionLine(row)}`),
      ...detail.map((d) => section(d)),
    ],
  };
}
