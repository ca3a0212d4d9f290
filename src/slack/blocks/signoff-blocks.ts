import type { Signoff } from '../../domain/signoff-matrix';
import type { DistributionRowView, SignoffMatrixView } from '../../workflows/signoff-matrix';
import {
  context,
  escapeMrkdwn,
  header,
  section,
  type Block,
  type ModalView,
  type SlackAnswer,
} from './block-kit';
import { formatDate, listOrNone, mention } from './format';

export const SIGNOFF_VIEW = 'distribution_signoff';

const plainText = (text: string) => ({ type: 'plain_text' as const, text: text.slice(0, 150) });
const option = (text: string, value: string) => ({ text: plainText(text.slice(0, 75)), value });
const who = (id: string) => (id.startsWith('cli:') ? escapeMrkdwn(id.slice(4)) : `<@${id}>`);
const code = (text: string) => `\`${escapeMrkdwn(text)}\``;
const issueLink = (ref: string) => {
  const [repo, number] = ref.split('#');
  return `<https://github.com/${repo}/issues/${number}|${escapeMrkdwn(ref)}>`;
};

function input(blockId: string, label: string, element: object, extra: object = {}) {
  return { type: 'input', block_id: blockId, label: plainText(label), element, ...extra };
}

/** The sign-off form for a distribution representative: what was tested, on what, with what result. */
export function signoffView(form: {
  release: string;
  distributions: string[];
  rcs: { key: string; tag: string }[];
}): ModalView {
  const distributions = form.distributions.slice(0, 100).map((d) => option(d, d));
  const rcs = form.rcs.slice(0, 100).map((rc, i) => option(i === 0 ? `${rc.tag} (latest)` : rc.tag, rc.key));
  const results = [
    option(':+1: Thumbs up: our testing is complete', 'thumbs_up'),
    option(':no_entry: Blocked by issues', 'blocked'),
  ];
  return {
    type: 'modal',
    callback_id: SIGNOFF_VIEW,
    private_metadata: JSON.stringify({ release: form.release }),
    title: plainText(`Sign off ${form.release}`.slice(0, 24)),
    submit: plainText('Sign off'),
    close: plainText('Cancel'),
    blocks: [
      context(
        'The matrix counts sign-offs on the latest RC: a newer RC sends every distribution back to pending.',
      ),
      input('distribution', 'Distribution', {
        type: 'static_select',
        action_id: 'distribution',
        options: distributions,
        ...(distributions.length === 1 ? { initial_option: distributions[0] } : {}),
      }),
      input('rc', 'RC tested', {
        type: 'static_select',
        action_id: 'rc',
        options: rcs,
        ...(rcs[0] ? { initial_option: rcs[0] } : {}),
      }),
      input('result', 'Result', { type: 'radio_buttons', action_id: 'result', options: results }),
      input(
        'issues',
        'Blocking issues',
        { type: 'plain_text_input', action_id: 'issues', multiline: true, max_length: 2000 },
        {
          optional: true,
          hint: plainText('When blocked: kubeflow/manifests#123 or issue URLs, one per line.'),
        },
      ),
      input('kubernetes', 'Kubernetes version', {
        type: 'plain_text_input',
        action_id: 'kubernetes',
        max_length: 40,
        placeholder: plainText('e.g. 1.29 or v1.29.3'),
      }),
      input(
        'evidence',
        'Link to evidence',
        { type: 'url_text_input', action_id: 'evidence' },
        { optional: true },
      ),
      input(
        'notes',
        'Notes',
        { type: 'plain_text_input', action_id: 'notes', multiline: true, max_length: 1000 },
        { optional: true },
      ),
    ],
  };
}

/** What the representative sees once the sign-off is saved. */
export function signoffSavedView(signoff: Signoff, matrix: SignoffMatrixView, current: boolean): ModalView {
  const verdict = signoff.result === 'thumbs_up' ? ':+1: thumbs up' : ':no_entry: blocked';
  const stale =
    !current && matrix.rc
      ? `\n:warning: ${code(signoff.rcTag)} is not the latest RC: it is kept in the history, and ${escapeMrkdwn(signoff.distribution)} stays pending until it signs off on ${code(matrix.rc.tag)}.`
      : '';
  return {
    type: 'modal',
    callback_id: `${SIGNOFF_VIEW}_done`,
    title: plainText('Signed off'),
    close: plainText('Done'),
    blocks: [
      section(
        `*${escapeMrkdwn(signoff.distribution)}*: ${verdict} on ${code(signoff.rcTag)}, recorded.${stale}`,
      ),
      section(criterionLine(matrix)),
      context('See every distribution with `/kfrelease signoffs`.'),
    ],
  };
}

function criterionLine(matrix: SignoffMatrixView): string {
  if (matrix.rows.length === 0) return 'No distribution representatives are named yet.';
  if (!matrix.rc) return 'No RC tag has been found yet.';
  if (matrix.criterionMet)
    return `:white_check_mark: *Success criterion met:* thumbs up from every distribution on ${code(matrix.rc.tag)}.`;
  return `:hourglass_flowing_sand: *Success criterion not met yet:* ${matrix.thumbsUp} of ${matrix.rows.length} distributions gave a thumbs up on ${code(matrix.rc.tag)}.`;
}

function details(s: Signoff): string {
  const parts = [`Kubernetes ${escapeMrkdwn(s.kubernetesVersion)}`];
  if (s.evidenceUrl) parts.push(`<${s.evidenceUrl}|evidence>`);
  if (s.notes) parts.push(`_${escapeMrkdwn(s.notes.slice(0, 300))}_`);
  return parts.join(' · ');
}

function signoffLine(s: Signoff): string {
  const when = formatDate(s.signedAt.slice(0, 10));
  if (s.result === 'thumbs_up')
    return `:+1: thumbs up on ${code(s.rcTag)} by ${who(s.signedBy)}, ${when} · ${details(s)}`;
  return `:no_entry: blocked on ${code(s.rcTag)} by ${s.blockingIssues.map(issueLink).join(', ')} (${who(s.signedBy)}, ${when}) · ${details(s)}`;
}

function rowText(row: DistributionRowView, rcTag: string | null): string {
  const name = `*${escapeMrkdwn(row.distribution)}*`;
  const reps = listOrNone(row.reps.map(mention));
  if (row.current) return `${name}: ${signoffLine(row.current)}`;
  const earlier = row.earlier
    ? `; earlier ${row.earlier.result === 'thumbs_up' ? 'thumbs up' : 'blocked'} on ${code(row.earlier.rcTag)}`
    : '';
  const retest = row.earlier && rcTag ? ` re-test on ${code(rcTag)}` : '';
  return `${name}: :hourglass_flowing_sand: *pending*${retest}${earlier} · ${reps}`;
}

/** `/kfrelease signoffs`: each distribution's standing on the current RC, and the criterion. */
export function signoffsBlocks(view: SignoffMatrixView): SlackAnswer {
  const blocks: Block[] = [
    header(`Distribution sign-offs for Kubeflow ${view.version}`),
    section(criterionLine(view)),
  ];
  if (view.rows.length > 0)
    blocks.push(section(view.rows.map((row) => rowText(row, view.rc?.tag ?? null)).join('\n')));
  const older = view.rows.flatMap((row) =>
    row.history
      .filter((s) => s !== row.current)
      .map(
        (s) =>
          `${escapeMrkdwn(row.distribution)} ${s.result === 'thumbs_up' ? ':+1:' : ':no_entry:'} ${escapeMrkdwn(s.rcTag)}`,
      ),
  );
  if (older.length > 0) blocks.push(context(`History: ${older.slice(0, 30).join(' · ')}`));
  blocks.push(context('Representatives sign off with `/kfrelease signoff`.'));
  const text = `Kubeflow ${view.version} sign-offs: ${view.criterionMet ? 'criterion met' : `${view.thumbsUp} of ${view.rows.length} thumbs up`}${view.rc ? ` on ${view.rc.tag}` : ''}`;
  return { text, blocks };
}

/** Posted in the release channel for each sign-off. */
export function signoffPost(release: string, s: Signoff, current: boolean): SlackAnswer {
  const stale = current ? '' : ' _(an older RC: kept as history)_';
  const text = `${s.distribution}: ${s.result === 'thumbs_up' ? 'thumbs up' : 'blocked'} on ${s.rcTag} (Kubeflow ${release})`;
  return { text, blocks: [section(`*${escapeMrkdwn(s.distribution)}* ${signoffLine(s)}${stale}`)] };
}

/** Posted once per RC when every distribution has given a thumbs-up on it. */
export function criterionMetPost(release: string, matrix: SignoffMatrixView): SlackAnswer {
  const tag = matrix.rc?.tag ?? '';
  const text = `Every distribution gave a thumbs up on ${tag}: Kubeflow ${release} distribution testing is complete.`;
  return {
    text,
    blocks: [
      section(
        `:tada: Every distribution (${matrix.rows.map((r) => escapeMrkdwn(r.distribution)).join(', ')}) gave a thumbs up on ${code(tag)}: distribution testing's success criterion for Kubeflow ${release} is met.`,
      ),
    ],
  };
}

/** Sent to a distribution's representatives when a newer RC sends their sign-off back to pending. */
export function retestDm(release: string, earlier: Signoff, newTag: string): SlackAnswer {
  const was = earlier.result === 'thumbs_up' ? 'thumbs up' : 'blocked';
  const text = `Kubeflow ${release}: re-test ${earlier.distribution} on ${newTag}`;
  return {
    text,
    blocks: [
      section(
        `:arrows_counterclockwise: *${escapeMrkdwn(earlier.distribution)}*: ${code(newTag)} is out, so your sign-off (${was} on ${code(earlier.rcTag)}) is back to pending. Please re-test on ${code(newTag)} and sign off again with \`/kfrelease signoff\`.`,
      ),
    ],
  };
}
