import type { BlockerRow } from '../../db/blocker-repository';
import { DECISION_LABELS, type IssueChange } from '../../domain/blocker-triage';
import { fitLines } from '../../text/clip';
import { bold, code, join, link, md, text, type Mrkdwn } from '../../text/mrkdwn';
import type { BlockersPage, BlockersRoom } from '../../workflows/blockers-page';
import type { BlockerItem } from '../../workflows/list-blockers';
import {
  actions,
  answer,
  button,
  context,
  header,
  LIMITS,
  section,
  type Block,
  type SlackAnswer,
} from './block-kit';
import { actor, plural } from './format';
import { pageFooter } from './page-footer';

export const OPEN_BLOCKER_FORM = 'blocker_open_form';
export const TRIAGE_BLOCKER = 'blocker_triage';

/** Slack allows 50 blocks in a message; the rest of a long list is counted, not shown. */
const MAX_BLOCKS = LIMITS.messageBlocks;
const MAX_ITEM_BLOCKS = 40;

/** What a list has room for, which is all getBlockersPage reads. */
export const BLOCKERS_ROOM: BlockersRoom = {
  // Header, a heading and a context line per group, and the three closing blocks stay in.
  items: (groups) => Math.min(MAX_ITEM_BLOCKS, MAX_BLOCKS - 4 - 2 * groups),
  // The longer label ("Punted: ", "Closed: ") is taken from the section's room by refsLine.
  refs: LIMITS.sectionText,
  refLength: (ref) => renderedRef(ref).length + ', '.length,
};

type IssueRef = Pick<BlockerRow, 'url' | 'owner' | 'repo' | 'number'>;

/** `kubeflow/pipelines#12`, linked to GitHub (shown as text when the address is not a safe one). */
const shortRef = (row: IssueRef): Mrkdwn => link(row.url, `${row.owner}/${row.repo}#${row.number}`);

/** A punted or closed issue's reference, rendered once: measured while read, then shown. */
const rendered = new WeakMap<IssueRef, Mrkdwn>();
function renderedRef(row: IssueRef): Mrkdwn {
  let ref = rendered.get(row);
  if (!ref) {
    ref = shortRef(row);
    rendered.set(row, ref);
  }
  return ref;
}

/** `<url|kubeflow/pipelines#12>` and the title. */
export function issueLink(row: IssueRef & Pick<BlockerRow, 'title'>): Mrkdwn {
  return md`${shortRef(row)} ${row.title}`;
}

/**
 * Items one after another on one line (`a, b, c`), as many as fit in a context or section text,
 * then "and N more", with where to see them all when there is such a place.
 */
export function inlineList(
  items: readonly Mrkdwn[],
  room: number,
  seeAll: Mrkdwn | null,
  total = items.length,
): Mrkdwn {
  const more = (hidden: number) => (seeAll ? md`and ${hidden} more: ${seeAll}` : md`and ${hidden} more`);
  return fitLines(items, room, more, ', ', total);
}

function decisionText(row: BlockerRow): Mrkdwn {
  if (row.decision === 'none')
    return row.blocksRelease ? md`reported as blocking, not triaged` : md`not triaged`;
  const by = row.decidedBy ? md` by ${actor(row.decidedBy)}` : md``;
  const reason = row.decisionReason ? md`: ${row.decisionReason}` : md``;
  return md`${DECISION_LABELS[row.decision]}${by}${reason}`;
}

const icon = (item: BlockerItem) =>
  item.releaseBlocking ? ':rotating_light:' : item.decision === 'at_risk' ? ':warning:' : ':white_circle:';

const triageButton = (id: number) => button({ actionId: TRIAGE_BLOCKER, text: 'Triage…', value: String(id) });

function itemBlock(item: BlockerItem): Block {
  const kind = item.isPullRequest ? 'pull request' : 'issue';
  const labels = item.labels.length ? md` · ${join(item.labels, ', ')}` : md``;
  // GitHub logins, shown as text: they are not Slack users and must never become mentions.
  const logins = item.assignees.map((login) => `@${login}`);
  const assignees = logins.length ? md` · ${join(logins, ', ')}` : md` · _unassigned_`;
  return section(
    md`${icon(item)} ${issueLink(item)}\n${item.state} ${kind} · tracked ${plural(item.ageDays, 'day')} · ${decisionText(item)}${labels}${assignees}`,
    { accessory: triageButton(item.id) },
  );
}

/** Punted or closed issues of a group, in a context line: a long list says how many it leaves out. */
function refsLine(label: string, rows: IssueRef[], total: number, seeAll: Mrkdwn | null): Mrkdwn | null {
  if (total === 0) return null;
  return md`${label}: ${inlineList(rows.map(renderedRef), LIMITS.sectionText - label.length - 2, seeAll, total)}`;
}

/** `/kfrelease blockers`: tracked issues by working group, the ones holding the release up first. */
export function blockersListBlocks(view: BlockersPage): SlackAnswer {
  const title = `Blocking issues of Kubeflow ${view.version}${view.wg ? ` (${view.wg})` : ''}`;
  const blocks: Block[] = [header(title)];
  if (view.groups.length === 0) {
    blocks.push(
      section(md`Nothing is tracked yet. Report an issue or pull request that holds the release up:`),
    );
  }
  const budget = BLOCKERS_ROOM.items(view.groups.length);
  let shown = 0;
  let hidden = 0;
  for (const group of view.groups) {
    const counts = md`${group.counts.active} open · ${group.counts.releaseBlocking} release-blocking`;
    blocks.push(section(md`${bold(group.wg)} · ${counts}`));
    const room = Math.max(0, Math.min(group.active.length, budget - shown));
    for (const item of group.active.slice(0, room)) blocks.push(itemBlock(item));
    shown += room;
    hidden += group.counts.active - (view.page?.offset ?? 0) - room;
    // Listing one working group shows the same lines: only the whole list points there.
    const seeAll = view.wg ? null : code(`/kfrelease blockers ${group.wg}`);
    const rest = [
      refsLine('Punted', group.punted, group.counts.punted, seeAll),
      refsLine('Closed', group.closed, group.counts.closed, seeAll),
    ];
    const present = rest.filter((r): r is Mrkdwn => r !== null);
    if (present.length) blocks.push(context(...present));
  }
  // One working group: the pages of its open issues; every group: how to narrow the list.
  const footer = view.page
    ? pageFooter(view.page, 'open issues', `/kfrelease blockers ${view.version} ${view.wg ?? ''}`)
    : null;
  if (footer) blocks.push(context(footer));
  else if (hidden > 0)
    blocks.push(context(md`…and ${hidden} more: narrow it with ${code('/kfrelease blockers <wg>')}.`));
  blocks.push(
    actions('blocker_list_actions', [
      button({ actionId: OPEN_BLOCKER_FORM, text: 'Report blocking issues', value: view.version }),
    ]),
  );
  const synced = view.lastSyncedAt
    ? md`States from GitHub as of ${view.lastSyncedAt.slice(0, 16).replace('T', ' ')} UTC`
    : md`Not synced with GitHub yet`;
  blocks.push(
    context(
      md`${synced} · triage: ${code('/kfrelease blocker at-risk|punt|blocking owner/repo#N [reason]')}`,
    ),
  );
  return answer(text(title), blocks);
}

/** Posted in the release channel when issues are reported: each with its triage button. */
export function blockersReportedPost(
  release: string,
  wg: string,
  rows: BlockerRow[],
  submittedBy: string,
): SlackAnswer {
  const blocking = rows.some((r) => r.blocksRelease);
  const lead = md`${blocking ? ':rotating_light:' : ':mag:'} ${actor(submittedBy)} reported ${rows.length} issue${rows.length === 1 ? '' : 's'} for ${bold(wg)} in Kubeflow ${release}${blocking ? ' as blocking the release' : ''}`;
  const items = rows
    .slice(0, MAX_ITEM_BLOCKS)
    .map((row) => section(md`${issueLink(row)} (${row.state})`, { accessory: triageButton(row.id) }));
  const note = rows[0]?.note;
  return answer(md`${rows.length} issue(s) reported for ${wg} in Kubeflow ${release}`, [
    section(lead),
    ...items,
    ...(rows.length > items.length
      ? [context(md`…and ${rows.length - items.length} more: ${code(`/kfrelease blockers ${wg}`)}`)]
      : []),
    ...(note ? [context(md`Note: ${note}`)] : []),
    context(
      md`The release manager and the working group liaisons triage: at risk, punt, or release-blocking.`,
    ),
  ]);
}

/** Posted in the release channel when someone triages an issue. */
export function blockerDecisionPost(release: string, row: BlockerRow): SlackAnswer {
  const mark =
    row.decision === 'release_blocking'
      ? ':rotating_light:'
      : row.decision === 'punted'
        ? ':arrow_right:'
        : ':warning:';
  const label = DECISION_LABELS[row.decision];
  return answer(md`${row.owner}/${row.repo}#${row.number} is ${label} (Kubeflow ${release})`, [
    section(
      md`${mark} ${issueLink(row)}\nNow ${bold(label)} for Kubeflow ${release} · ${row.wg} · decided by ${actor(row.decidedBy ?? '')}`,
    ),
    ...(row.decisionReason ? [context(md`Reason: ${row.decisionReason}`)] : []),
  ]);
}

/** Posted in the release channel when the sync sees an issue closed, reopened or relabelled. */
export function blockerChangedPost(release: string, row: BlockerRow, change: IssueChange): SlackAnswer {
  const mark =
    change.event === 'closed' || change.event === 'merged'
      ? ':white_check_mark:'
      : change.event === 'reopened'
        ? ':leftwards_arrow_with_hook:'
        : ':label:';
  const what = join(
    [
      change.event ? md`${change.event} on GitHub` : null,
      change.labelsAdded.length ? md`labelled ${join(change.labelsAdded, ', ')}` : null,
      change.labelsRemoved.length ? md`unlabelled ${join(change.labelsRemoved, ', ')}` : null,
    ],
    ', ',
  );
  return answer(md`${row.owner}/${row.repo}#${row.number} ${what} (${row.wg}, Kubeflow ${release})`, [
    section(md`${mark} ${issueLink(row)}\n${what} · ${row.wg} · ${decisionText(row)}`),
  ]);
}
