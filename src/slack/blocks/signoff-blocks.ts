import type { PlainTextInput, RadioButtons, StaticSelect, URLInput } from '@slack/types';
import { parseIssueReference } from '../../domain/issue-reference';
import type { Signoff } from '../../domain/signoff-standings';
import { clipPlain, fitLines } from '../../text/clip';
import { bold, code, italic, join, link, md, text, type Mrkdwn } from '../../text/mrkdwn';
import type { SignoffIssues } from '../../workflows/signoff-blockers';
import type { DistributionRowView, SignoffMatrixView } from '../../workflows/signoff-matrix';
import {
  answer,
  context,
  header,
  input,
  LIMITS,
  listSection,
  modal,
  option,
  plain,
  section,
  type Block,
  type ModalView,
  type SlackAnswer,
} from './block-kit';
import { actor, formatDate, listOrNone, mention } from './format';

export const SIGNOFF_VIEW = 'distribution_signoff';

/** Every distribution and every earlier sign-off, where Slack cannot show them all. */
const SEE_ALL = md`the command line, ${code('npx kfrelease signoffs')}`;

/** An `owner/repo#N` reference as a link to its GitHub issue; anything else as text. */
const issueLink = (ref: string): Mrkdwn => {
  const parsed = parseIssueReference(ref);
  if (!parsed.ok) return text(ref);
  const { owner, repo, number } = parsed.ref;
  return link(`https://github.com/${owner}/${repo}/issues/${number}`, ref);
};

/** The sign-off form for a distribution representative: what was tested, on what, with what result. */
export function signoffView(form: {
  release: string;
  distributions: string[];
  rcs: { key: string; tag: string }[];
}): ModalView {
  // Slack takes at most 100 options; the RCs come newest first.
  const distributions = form.distributions.slice(0, LIMITS.options).map((d) => option(d, d));
  const rcs = form.rcs
    .slice(0, LIMITS.options)
    .map((rc, i) => option(i === 0 ? `${rc.tag} (latest)` : rc.tag, rc.key));
  const distribution: StaticSelect = {
    type: 'static_select',
    action_id: 'distribution',
    options: distributions,
    ...(distributions.length === 1 ? { initial_option: distributions[0] } : {}),
  };
  const rc: StaticSelect = {
    type: 'static_select',
    action_id: 'rc',
    options: rcs,
    ...(rcs[0] ? { initial_option: rcs[0] } : {}),
  };
  const result: RadioButtons = {
    type: 'radio_buttons',
    action_id: 'result',
    options: [
      option(':+1: Thumbs up: our testing is complete', 'thumbs_up'),
      option(':no_entry: Blocked by issues', 'blocked'),
    ],
  };
  const issues: PlainTextInput = {
    type: 'plain_text_input',
    action_id: 'issues',
    multiline: true,
    max_length: 2000,
  };
  const kubernetes: PlainTextInput = {
    type: 'plain_text_input',
    action_id: 'kubernetes',
    max_length: 40,
    placeholder: plain('e.g. 1.29 or v1.29.3', LIMITS.placeholder),
  };
  const evidence: URLInput = { type: 'url_text_input', action_id: 'evidence' };
  const notes: PlainTextInput = {
    type: 'plain_text_input',
    action_id: 'notes',
    multiline: true,
    max_length: 1000,
  };
  return modal({
    callbackId: SIGNOFF_VIEW,
    privateMetadata: JSON.stringify({ release: form.release }),
    title: `Sign off ${form.release}`,
    submit: 'Sign off',
    close: 'Cancel',
    blocks: [
      context(
        md`The matrix counts sign-offs on the latest RC: a newer RC sends every distribution back to pending.`,
      ),
      input({ blockId: 'distribution', label: 'Distribution', element: distribution }),
      input({ blockId: 'rc', label: 'RC tested', element: rc }),
      input({ blockId: 'result', label: 'Result', element: result }),
      input({
        blockId: 'issues',
        label: 'Blocking issues',
        element: issues,
        optional: true,
        hint: 'When blocked: kubeflow/manifests#123 or issue URLs, one per line.',
      }),
      input({ blockId: 'kubernetes', label: 'Kubernetes version', element: kubernetes }),
      input({ blockId: 'evidence', label: 'Link to evidence', element: evidence, optional: true }),
      input({ blockId: 'notes', label: 'Notes', element: notes, optional: true }),
    ],
  });
}

/** What became of the issues of a blocked sign-off: tracked, tracked already, or not on GitHub. */
function issuesOutcome(issues: SignoffIssues): Block[] {
  const refs = (rows: SignoffIssues['tracked']) =>
    join(rows.map((r) => issueLink(`${r.owner}/${r.repo}#${r.number}`)));
  const lines = [
    issues.tracked.length > 0
      ? md`:pushpin: Tracked as blocking issues: ${refs(issues.tracked)} (see \`/kfrelease blockers\`).`
      : null,
    issues.alreadyTracked.length > 0 ? md`Already tracked: ${refs(issues.alreadyTracked)}.` : null,
    ...issues.notFound.map(
      (p) =>
        md`:warning: ${code(p.text)} is not tracked: ${p.problem} Report it with \`/kfrelease block\` if it is elsewhere.`,
    ),
  ].filter((line): line is Mrkdwn => line !== null);
  return lines.length > 0 ? [section(join(lines, '\n'))] : [];
}

/** What the representative sees once the sign-off is saved. */
export function signoffSavedView(
  signoff: Signoff,
  matrix: SignoffMatrixView,
  current: boolean,
  issues: SignoffIssues = { tracked: [], alreadyTracked: [], notFound: [] },
): ModalView {
  const verdict = signoff.result === 'thumbs_up' ? ':+1: thumbs up' : ':no_entry: blocked';
  const stale =
    !current && matrix.rc
      ? md`\n:warning: ${code(signoff.rcTag)} is not the latest RC: it is kept in the history, and ${signoff.distribution} stays pending until it signs off on ${code(matrix.rc.tag)}.`
      : md``;
  return modal({
    callbackId: `${SIGNOFF_VIEW}_done`,
    title: 'Signed off',
    close: 'Done',
    blocks: [
      section(md`${bold(signoff.distribution)}: ${verdict} on ${code(signoff.rcTag)}, recorded.${stale}`),
      ...issuesOutcome(issues),
      section(criterionLine(matrix)),
      context(md`See every distribution with \`/kfrelease signoffs\`.`),
    ],
  });
}

function criterionLine(matrix: SignoffMatrixView): Mrkdwn {
  if (matrix.rows.length === 0) return md`No distribution representatives are named yet.`;
  if (!matrix.rc) return md`No RC tag has been found yet.`;
  if (matrix.criterionMet)
    return md`:white_check_mark: *Success criterion met:* thumbs up from every distribution on ${code(matrix.rc.tag)}.`;
  return md`:hourglass_flowing_sand: *Success criterion not met yet:* ${matrix.thumbsUp} of ${matrix.rows.length} distributions gave a thumbs up on ${code(matrix.rc.tag)}.`;
}

function details(s: Signoff): Mrkdwn {
  return join(
    [
      md`Kubernetes ${s.kubernetesVersion}`,
      // A person typed this address: link() shows anything but a plain https address as text.
      s.evidenceUrl ? link(s.evidenceUrl, 'evidence', { allowHttp: true }) : null,
      s.notes ? italic(clipPlain(s.notes, 300)) : null,
    ],
    ' · ',
  );
}

function signoffLine(s: Signoff): Mrkdwn {
  const when = formatDate(s.signedAt.slice(0, 10));
  if (s.result === 'thumbs_up')
    return md`:+1: thumbs up on ${code(s.rcTag)} by ${actor(s.signedBy)}, ${when} · ${details(s)}`;
  const issues = join(s.blockingIssues.map(issueLink), ', ');
  return md`:no_entry: blocked on ${code(s.rcTag)} by ${issues} (${actor(s.signedBy)}, ${when}) · ${details(s)}`;
}

function rowText(row: DistributionRowView, rcTag: string | null): Mrkdwn {
  const name = bold(row.distribution);
  const reps = listOrNone(row.reps.map(mention));
  if (row.current) return md`${name}: ${signoffLine(row.current)}`;
  const earlier = row.earlier
    ? md`; earlier ${row.earlier.result === 'thumbs_up' ? 'thumbs up' : 'blocked'} on ${code(row.earlier.rcTag)}`
    : md``;
  const retest = row.earlier && rcTag ? md` re-test on ${code(rcTag)}` : md``;
  return md`${name}: :hourglass_flowing_sand: *pending*${retest}${earlier} · ${reps}`;
}

/**
 * `/kfrelease signoffs`: each distribution's standing on the current RC, and the criterion.
 * `checking` names the manifests repository when it is being checked right now.
 */
export function signoffsBlocks(view: SignoffMatrixView, checking: string | null = null): SlackAnswer {
  const blocks: Block[] = [
    header(`Distribution sign-offs for Kubeflow ${view.version}`),
    section(
      !view.rc && checking
        ? md`No RC tag is known yet: kfrelease is checking ${code(checking)} now. Run \`/kfrelease signoffs\` again in a moment.`
        : criterionLine(view),
    ),
  ];
  if (view.rc && checking)
    blocks.push(
      context(
        md`:mag: Checking ${code(checking)} for newer RC tags now; anything new is announced in the release channel.`,
      ),
    );
  if (view.rows.length > 0)
    blocks.push(
      listSection(
        null,
        view.rows.map((row) => rowText(row, view.rc?.tag ?? null)),
        SEE_ALL,
      ),
    );
  const older = view.rows.flatMap((row) =>
    row.history
      .filter((s) => s !== row.current)
      .map((s) => md`${row.distribution} ${s.result === 'thumbs_up' ? ':+1:' : ':no_entry:'} ${s.rcTag}`),
  );
  if (older.length > 0) {
    const lead = md`History: `;
    const more = (hidden: number) => md`_and ${hidden} more: ${SEE_ALL}_`;
    const history = fitLines(older, LIMITS.sectionText - lead.length, more, ' · ');
    blocks.push(context(md`${lead}${history}`));
  }
  blocks.push(context(md`Representatives sign off with \`/kfrelease signoff\`.`));
  const standing = view.criterionMet ? 'criterion met' : `${view.thumbsUp} of ${view.rows.length} thumbs up`;
  return answer(
    md`Kubeflow ${view.version} sign-offs: ${standing}${view.rc ? ` on ${view.rc.tag}` : ''}`,
    blocks,
  );
}

/** Posted in the release channel for each sign-off. */
export function signoffPost(release: string, s: Signoff, current: boolean): SlackAnswer {
  const stale = current ? '' : ' _(an older RC: kept as history)_';
  return answer(
    md`${s.distribution}: ${s.result === 'thumbs_up' ? 'thumbs up' : 'blocked'} on ${s.rcTag} (Kubeflow ${release})`,
    [section(md`${bold(s.distribution)} ${signoffLine(s)}${stale}`)],
  );
}

/** Posted once per RC when every distribution has given a thumbs-up on it. */
export function criterionMetPost(release: string, matrix: SignoffMatrixView): SlackAnswer {
  const tag = matrix.rc?.tag ?? '';
  const names = join(matrix.rows.map((r) => r.distribution));
  return answer(
    md`Every distribution gave a thumbs up on ${tag}: Kubeflow ${release} distribution testing is complete.`,
    [
      section(
        md`:tada: Every distribution (${names}) gave a thumbs up on ${code(tag)}: distribution testing's success criterion for Kubeflow ${release} is met.`,
      ),
    ],
  );
}

/** Sent to a distribution's representatives when a newer RC sends their sign-off back to pending. */
export function retestDm(release: string, earlier: Signoff, newTag: string): SlackAnswer {
  const was = earlier.result === 'thumbs_up' ? 'thumbs up' : 'blocked';
  return answer(md`Kubeflow ${release}: re-test ${earlier.distribution} on ${newTag}`, [
    section(
      md`:arrows_counterclockwise: ${bold(earlier.distribution)}: ${code(newTag)} is out, so your sign-off (${was} on ${code(earlier.rcTag)}) is back to pending. Please re-test on ${code(newTag)} and sign off again with \`/kfrelease signoff\`.`,
    ),
  ]);
}
