import type { PlainTextInput, StaticSelect, UsersSelect } from '@slack/types';
import type { DocsItemRow } from '../../db/docs-item-repository';
import {
  DOCS_STATUS_LABELS,
  DOCS_STATUSES,
  FEATURE_MAX,
  PAGES_MAX,
  type DocsItem,
  type DocsReminderTarget,
  type DocsStatus,
} from '../../domain/docs-items';
import { bold, code, join, md, user, type Mrkdwn } from '../../text/mrkdwn';
import { DOCS_ITEMS_PER_PAGE, type DocsView } from '../../workflows/docs-tracking';
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
  workingGroupSelect,
  type Block,
  type ModalView,
  type SlackAnswer,
} from './block-kit';
import { formatCountdown, formatDate } from './format';
import { lineSections } from './line-sections';
import { pageFooter } from './page-footer';

export const DOCS_ADD_VIEW = 'docs_add';

const STATUS_ICONS: Record<DocsStatus, string> = {
  needed: ':red_circle:',
  in_progress: ':large_yellow_circle:',
  done: ':white_check_mark:',
  not_needed: ':heavy_minus_sign:',
};

const SEE_ALL = md`${code('/kfrelease docs')}`;

/** One docs item as a line: number, status, feature, owner, pages. */
export function docsItemLine(item: DocsItem): Mrkdwn {
  const owner = item.owner ? md` · ${user(item.owner)}` : md` · _no owner_`;
  const pages = item.pages.trim() ? md`\n      _pages:_ ${item.pages.replace(/\s*\n\s*/g, ', ')}` : md``;
  return md`${STATUS_ICONS[item.status]} *#${item.id}* ${item.feature} (${DOCS_STATUS_LABELS[item.status]})${owner}${pages}`;
}

/** The form to record a feature that needs documentation changes. Block ids are the field names. */
export function docsAddView(params: { release: string; groups: string[] }): ModalView {
  const wg = workingGroupSelect(params.groups);
  const feature: PlainTextInput = {
    type: 'plain_text_input',
    action_id: 'feature',
    max_length: FEATURE_MAX,
    placeholder: plain('e.g. Notebooks: culling of idle kernels', LIMITS.placeholder),
  };
  const pages: PlainTextInput = {
    type: 'plain_text_input',
    action_id: 'pages',
    multiline: true,
    max_length: PAGES_MAX,
  };
  const owner: UsersSelect = { type: 'users_select', action_id: 'owner' };
  const status: StaticSelect = {
    type: 'static_select',
    action_id: 'status',
    options: DOCS_STATUSES.map((s) => option(DOCS_STATUS_LABELS[s], s)),
    initial_option: option(DOCS_STATUS_LABELS.needed, 'needed'),
  };
  return modal({
    callbackId: DOCS_ADD_VIEW,
    privateMetadata: JSON.stringify({ release: params.release }),
    title: `Docs ${params.release}`,
    submit: 'Add',
    close: 'Cancel',
    blocks: [
      context(
        md`A feature of this release that needs (or may need) a change to the kubeflow.org documentation.`,
      ),
      input({ blockId: 'wg', label: 'Working group', element: wg }),
      input({ blockId: 'feature', label: 'Feature', element: feature }),
      input({
        blockId: 'pages',
        label: 'Pages affected',
        element: pages,
        optional: true,
        hint: 'kubeflow.org pages or paths, one a line',
      }),
      input({ blockId: 'owner', label: 'Who writes it', element: owner, optional: true }),
      input({ blockId: 'status', label: 'Status', element: status }),
    ],
  });
}

/** Shown in place of the form once the item is saved. */
export function docsSavedView(version: string, item: DocsItemRow): ModalView {
  return modal({
    callbackId: 'docs_add_done',
    title: 'Docs item added',
    close: 'Done',
    blocks: [
      section(md`Recorded for ${bold(item.wg)} in Kubeflow ${version}:\n${docsItemLine(item)}`),
      context(
        md`Change its status with ${code(`/kfrelease docs set ${item.id} in_progress`)} (or done, not_needed).`,
      ),
    ],
  });
}

/** The answer to `/kfrelease docs set`. */
export function docsStatusBlocks(item: DocsItemRow, changed: boolean): SlackAnswer {
  const said = changed
    ? md`Docs item #${item.id} is now ${DOCS_STATUS_LABELS[item.status]}.`
    : md`Docs item #${item.id} was already ${DOCS_STATUS_LABELS[item.status]}.`;
  return answer(said, [section(md`${STATUS_ICONS[item.status]} ${said}\n${docsItemLine(item)}`)]);
}

function phaseLine(view: DocsView): Mrkdwn {
  const phase = view.phase;
  if (!phase) return md`This release has no Documentation phase.`;
  const range = `${formatDate(phase.startsOn)} to ${formatDate(phase.endsOn)}`;
  if (phase.state === 'before') return md`The Documentation phase runs ${range}.`;
  if (phase.state === 'after') return md`The Documentation phase ended ${formatDate(phase.endsOn)}.`;
  return md`*Documentation phase* until ${formatDate(phase.endsOn)}, ${formatCountdown(phase.daysLeft)}.`;
}

/**
 * `/kfrelease docs`: the documentation work still open, per working group, a page of items at a
 * time, with the counts of the whole release and the commands for the pages around it.
 */
export function docsListBlocks(view: DocsView): SlackAnswer {
  const { summary } = view;
  const command = `/kfrelease docs ${view.version}`;
  const blocks: Block[] = [
    header(`Documentation for Kubeflow ${view.version}`),
    section(
      md`${phaseLine(view)}\n*${summary.open} open* · ${summary.done} done · ${summary.notNeeded} not needed`,
    ),
  ];
  for (const group of view.shown) {
    const heading = group.continued ? md`${bold(group.wg)} (continued)` : bold(group.wg);
    blocks.push(...lineSections(group.items.map(docsItemLine), DOCS_ITEMS_PER_PAGE, code(command), heading));
  }
  if (summary.open === 0) blocks.push(section(md`Nothing open. :tada:`));
  const footer = pageFooter(view.page, 'open items', command);
  if (footer) blocks.push(context(footer));
  const silent = summary.groups.filter((g) => g.open.length + g.done + g.notNeeded === 0).map((g) => g.wg);
  if (silent.length > 0) blocks.push(context(md`Nothing recorded yet for: ${join(silent, ', ')}.`));
  blocks.push(
    context(
      md`Add a feature with ${code('/kfrelease docs add')}; move one with ${code('/kfrelease docs set <id> <needed|in_progress|done|not_needed>')}.`,
    ),
  );
  return answer(md`Kubeflow ${view.version} documentation: ${summary.open} open`, blocks);
}

/** The weekly direct message to the Docs Lead or a WG docs lead during the Documentation phase. */
export function docsReminderMessage(params: {
  version: string;
  target: DocsReminderTarget;
  endsOn: string;
  daysLeft: number;
}): SlackAnswer {
  const { target } = params;
  const scope =
    target.scope.kind === 'lead'
      ? `Kubeflow ${params.version}`
      : `${target.scope.wg} in Kubeflow ${params.version}`;
  const deadline = md`The Documentation phase ends ${formatDate(params.endsOn)}, ${formatCountdown(params.daysLeft)}.`;
  const body =
    target.open.length > 0
      ? listSection(null, target.open.map(docsItemLine), SEE_ALL)
      : section(
          target.scope.kind === 'wg'
            ? md`Nothing open is recorded for your working group. If a feature of this release changes what kubeflow.org should say, add it with ${code('/kfrelease docs add')}.`
            : md`Nothing is open. :tada:`,
        );
  return answer(md`Documentation reminder for ${scope}: ${target.open.length} item(s) open. ${deadline}`, [
    section(md`:books: *Documentation reminder for ${scope}*\n${deadline}`),
    body,
    context(
      md`${code('/kfrelease docs')} lists everything; ${code('/kfrelease docs set <id> done')} when a page is updated.`,
    ),
  ]);
}
