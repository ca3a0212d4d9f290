import type { BlockerRow } from '../../db/blocker-repository';
import { DECISION_LABELS, type IssueChange } from '../../domain/blocker-triage';
import type { BlockerItem, BlockersView } from '../../workflows/list-blockers';
import { context, escapeMrkdwn, header, section, type Block, type SlackAnswer } from './block-kit';

export const OPEN_BLOCKER_FORM = 'blocker_open_form';
export const TRIAGE_BLOCKER = 'blocker_triage';

/** Slack allows 50 blocks in a message; the rest of a long list is counted, not shown. */
const MAX_BLOCKS = 50;
const MAX_ITEM_BLOCKS = 40;

const who = (id: string) => (id.startsWith('cli:') ? id.slice(4) : `<@${id}>`);

/** `<url|kubeflow/pipelines#12>` and the title. */
export function issueLink(row: Pick<BlockerRow, 'url' | 'owner' | 'repo' | 'number' | 'title'>): string {
  return `<${row.url}|${escapeMrkdwn(`${row.owner}/${row.repo}#${row.number}`)}> ${escapeMrkdwn(row.title)}`;
}

function decisionText(row: BlockerRow): string {
  if (row.decision === 'none') return row.blocksRelease ? 'reported as blocking, not triaged' : 'not triaged';
  const by = row.decidedBy ? ` by ${who(row.decidedBy)}` : '';
  const reason = row.decisionReason ? `: ${escapeMrkdwn(row.decisionReason)}` : '';
  return `${DECISION_LABELS[row.decision]}${by}${reason}`;
}

const icon = (item: BlockerItem) =>
  item.releaseBlocking ? ':rotating_light:' : item.decision === 'at_risk' ? ':warning:' : ':white_circle:';

const triageButton = (id: number) => ({
  type: 'button',
  action_id: TRIAGE_BLOCKER,
  value: String(id),
  text: { type: 'plain_text', text: 'Triage…' },
});

function itemBlock(item: BlockerItem): Block {
  const kind = item.isPullRequest ? 'pull request' : 'issue';
  const labels = item.labels.length ? ` · ${item.labels.map(escapeMrkdwn).join(', ')}` : '';
  const assignees = item.assignees.length ? ` · @${item.assignees.join(', @')}` : ' · _unassigned_';
  return {
    type: 'section',
    text: {
      type: 'mrkdwn',
      text: `${icon(item)} ${issueLink(item)}\n${item.state} ${kind} · tracked ${item.ageDays} day${item.ageDays === 1 ? '' : 's'} · ${decisionText(item)}${labels}${assignees}`,
    },
    accessory: triageButton(item.id),
  };
}

const shortRef = (row: BlockerRow) =>
  `<${row.url}|${escapeMrkdwn(`${row.owner}/${row.repo}#${row.number}`)}>`;

/** `/kfrelease blockers`: tracked issues by working group, the ones holding the release up first. */
export function blockersListBlocks(view: BlockersView): SlackAnswer {
  const title = `Blocking issues of Kubeflow ${view.version}${view.wg ? ` (${view.wg})` : ''}`;
  const blocks: Block[] = [header(title)];
  if (view.groups.length === 0) {
    blocks.push(
      section('Nothing is tracked yet. Report an issue or pull request that holds the release up:'),
    );
  }
  // Header, a heading and a context line per group, and the three closing blocks stay in.
  const budget = Math.min(MAX_ITEM_BLOCKS, MAX_BLOCKS - 4 - 2 * view.groups.length);
  let shown = 0;
  let hidden = 0;
  for (const group of view.groups) {
    const counts = `${group.active.length} open · ${group.active.filter((i) => i.releaseBlocking).length} release-blocking`;
    blocks.push(section(`*${escapeMrkdwn(group.wg)}* · ${counts}`));
    for (const item of group.active) {
      if (shown >= budget) hidden += 1;
      else blocks.push(itemBlock(item));
      shown += 1;
    }
    const rest = [
      group.punted.length ? `Punted: ${group.punted.map(shortRef).join(', ')}` : '',
      group.closed.length ? `Closed: ${group.closed.map(shortRef).join(', ')}` : '',
    ].filter(Boolean);
    if (rest.length) blocks.push(context(...rest));
  }
  if (hidden > 0) blocks.push(context(`…and ${hidden} more: narrow it with \`/kfrelease blockers <wg>\`.`));
  blocks.push({
    type: 'actions',
    block_id: 'blocker_list_actions',
    elements: [
      {
        type: 'button',
        action_id: OPEN_BLOCKER_FORM,
        text: { type: 'plain_text', text: 'Report blocking issues' },
      },
    ],
  });
  blocks.push(
    context(
      `${view.lastSyncedAt ? `States from GitHub as of ${view.lastSyncedAt.slice(0, 16).replace('T', ' ')} UTC` : 'Not synced with GitHub yet'} · triage: \`/kfrelease blocker at-risk|punt|blocking owner/repo#N [reason]\``,
    ),
  );
  return { text: title, blocks: blocks.slice(0, MAX_BLOCKS) };
}

/** Posted in the release channel when issues are reported: each with its triage button. */
export function blockersReportedPost(
  release: string,
  wg: string,
  rows: BlockerRow[],
  submittedBy: string,
): SlackAnswer {
  const blocking = rows.some((r) => r.blocksRelease);
  const lead = `${blocking ? ':rotating_light:' : ':mag:'} ${who(submittedBy)} reported ${rows.length} issue${rows.length === 1 ? '' : 's'} for *${escapeMrkdwn(wg)}* in Kubeflow ${release}${blocking ? ' as blocking the release' : ''}`;
  const items = rows.slice(0, MAX_ITEM_BLOCKS).map((row): Block => ({
    type: 'section',
    text: { type: 'mrkdwn', text: `${issueLink(row)} (${row.state})` },
    accessory: triageButton(row.id),
  }));
  const note = rows[0]?.note;
  return {
    text: `${rows.length} issue(s) reported for ${wg} in Kubeflow ${release}`,
    blocks: [
      section(lead),
      ...items,
      ...(rows.length > items.length
        ? [context(`…and ${rows.length - items.length} more: \`/kfrelease blockers ${escapeMrkdwn(wg)}\``)]
        : []),
      ...(note ? [context(`Note: ${escapeMrkdwn(note)}`)] : []),
      context(
        'The release manager and the working group liaisons triage: at risk, punt, or release-blocking.',
      ),
    ],
  };
}

/** Posted in the release channel when someone triages an issue. */
export function blockerDecisionPost(release: string, row: BlockerRow): SlackAnswer {
  const mark =
    row.decision === 'release_blocking'
      ? ':rotating_light:'
      : row.decision === 'punted'
        ? ':arrow_right:'
        : ':warning:';
  const text = `${row.owner}/${row.repo}#${row.number} is ${DECISION_LABELS[row.decision]} (Kubeflow ${release})`;
  return {
    text,
    blocks: [
      section(
        `${mark} ${issueLink(row)}\nNow *${DECISION_LABELS[row.decision]}* for Kubeflow ${release} · ${escapeMrkdwn(row.wg)} · decided by ${who(row.decidedBy ?? '')}`,
      ),
      ...(row.decisionReason ? [context(`Reason: ${escapeMrkdwn(row.decisionReason)}`)] : []),
    ],
  };
}

/** Posted in the release channel when the sync sees an issue closed, reopened or relabelled. */
export function blockerChangedPost(release: string, row: BlockerRow, change: IssueChange): SlackAnswer {
  const mark =
    change.event === 'closed' || change.event === 'merged'
      ? ':white_check_mark:'
      : change.event === 'reopened'
        ? ':leftwards_arrow_with_hook:'
        : ':label:';
  const what = [
    change.event ? `${change.event} on GitHub` : '',
    change.labelsAdded.length ? `labelled ${change.labelsAdded.map(escapeMrkdwn).join(', ')}` : '',
    change.labelsRemoved.length ? `unlabelled ${change.labelsRemoved.map(escapeMrkdwn).join(', ')}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return {
    text: `${row.owner}/${row.repo}#${row.number} ${what} (${row.wg}, Kubeflow ${release})`,
    blocks: [section(`${mark} ${issueLink(row)}\n${what} · ${escapeMrkdwn(row.wg)} · ${decisionText(row)}`)],
  };
}
