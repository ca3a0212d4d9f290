import type { RevisionRow } from '../../db/revision-repository';
import { bold, code, italic, join, lines, link, md, text, type Mrkdwn } from '../../text/mrkdwn';
import {
  actions,
  answer,
  button,
  context,
  listSection,
  section,
  type Block,
  type SlackAnswer,
} from './block-kit';
import { actor } from './format';

export const APPROVE_REVISION = 'revision_approve';
export const DENY_REVISION = 'revision_deny';

const shortSha = (sha: string | null) => (sha ? code(sha.slice(0, 12)) : md``);

function revisionLine(row: RevisionRow): Mrkdwn {
  const version = row.version && row.version !== row.revision ? md` (${row.version})` : md``;
  return md`${bold(row.repo)} ${code(row.revision)}${version} ${shortSha(row.commitSha)}`;
}

function reviewDetails(row: RevisionRow): Block[] {
  const review = row.review;
  if (!review) return [];
  const blocks: Block[] = [];
  if (review.previous) blocks.push(section(md`Previous accepted revision: ${code(review.previous)}.`));
  if (review.commits.length > 0) {
    const commits = review.commits.map((c) => md`• ${shortSha(c.sha)} ${c.message.split('\n')[0] ?? ''}`);
    blocks.push(
      listSection(
        md`*${review.commits.length} commit(s) since then*:`,
        commits,
        md`the compare view on GitHub`,
      ),
    );
  }
  if (review.pullRequests.length > 0) {
    const prs = review.pullRequests.map(
      (pr) =>
        md`• ${link(pr.url, `#${pr.number}`)} ${pr.title}${pr.flagged ? md` :warning: ${italic(pr.why ?? 'not bug-fix-only')}` : md``}`,
    );
    blocks.push(listSection(md`*Pull requests:*`, prs, md`the compare view on GitHub`));
  }
  if (review.releaseUrl) blocks.push(section(link(review.releaseUrl, 'GitHub release and changelog')));
  return blocks;
}

function submitted(row: RevisionRow): Mrkdwn {
  return join(
    [
      md`Submitted by ${actor(row.submittedBy)}`,
      row.note ? text(row.note) : null,
      row.decidedBy ? md`exception granted by ${actor(row.decidedBy)}` : null,
    ],
    ' · ',
  );
}

/** Announced in the release channel when a revision is accepted. */
export function revisionAcceptedPost(release: string, row: RevisionRow): SlackAnswer {
  const blocks: Block[] = [
    section(
      lines(
        md`:white_check_mark: ${bold(row.wg)} revision accepted for Kubeflow ${release}`,
        revisionLine(row),
      ),
    ),
    context(submitted(row)),
  ];
  if (row.review?.releaseUrl) blocks.push(context(link(row.review.releaseUrl, 'Changelog')));
  return answer(md`${row.wg} revision accepted for Kubeflow ${release}: ${row.repo} ${row.revision}`, blocks);
}

/** Posted for the release manager when a revision breaks the freeze rules: approve or deny. */
export function revisionHeldPost(release: string, row: RevisionRow): SlackAnswer {
  const reasons = (row.review?.reasons ?? []).map((r) => md`• ${r}`);
  return answer(md`${row.wg} revision held for the release manager: ${row.repo} ${row.revision}`, [
    section(
      lines(
        md`:raised_hand: ${bold(row.wg)} revision for Kubeflow ${release} needs an exception from the release manager`,
        revisionLine(row),
      ),
    ),
    reasons.length > 0
      ? listSection(null, reasons, md`the GitHub compare view`)
      : section(md`Held for review.`),
    ...reviewDetails(row),
    context(md`${submitted(row)} · only the release manager or an admin can decide`),
    actions(`revision:${row.id}`, [
      button({ actionId: APPROVE_REVISION, text: 'Approve', value: String(row.id), style: 'primary' }),
      button({ actionId: DENY_REVISION, text: 'Deny…', value: String(row.id), style: 'danger' }),
    ]),
  ]);
}

/** The held message once decided: the buttons are replaced by the decision. */
export function revisionDecidedPost(release: string, row: RevisionRow): SlackAnswer {
  const verb = row.status === 'accepted' ? md`:white_check_mark: Exception granted` : md`:no_entry: Denied`;
  return answer(
    md`${row.wg} revision ${row.status === 'accepted' ? 'approved' : 'denied'}: ${row.repo} ${row.revision}`,
    [
      section(lines(md`${verb} by ${actor(row.decidedBy ?? '')} for Kubeflow ${release}`, revisionLine(row))),
      ...(row.decisionReason ? [section(md`Reason: ${row.decisionReason}`)] : []),
    ],
  );
}

/** Told directly to a working group's liaisons (or a submitter) about one revision. */
export function revisionNoticeDm(
  release: string,
  row: RevisionRow,
  headline: Mrkdwn,
  detail: Mrkdwn[],
): SlackAnswer {
  return answer(md`${headline}: ${row.repo} ${row.revision}`, [
    section(lines(md`${headline} (Kubeflow ${release}, ${row.wg})`, revisionLine(row))),
    ...detail.filter((d) => d.length > 0).map((d) => section(d)),
  ]);
}
