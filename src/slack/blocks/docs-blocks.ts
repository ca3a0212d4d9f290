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
import type { DocsView } from '../../workflows/docs-tracking';
import {
  context,
  escapeMrkdwn,
  header,
  section,
  type Block,
  type ModalView,
  type SlackAnswer,
} from './block-kit';
import { formatCountdown, formatDate } from './format';

export const DOCS_ADD_VIEW = 'docs_add';

const STATUS_ICONS: Record<DocsStatus, string> = {
  needed: ':red_circle:',
  in_progress: ':large_yellow_circle:',
  done: ':white_check_mark:',
  not_needed: ':heavy_minus_sign:',
};

const plainText = (text: string) => ({ type: 'plain_text' as const, text });
const option = (text: string, value = text) => ({
  text: plainText(text.slice(0, 75)),
  value: value.slice(0, 150),
});

/** One docs item as a line: number, status, feature, owner, pages. */
export function docsItemLine(item: DocsItem): string {
  const owner = item.owner ? ` · <@${item.owner}>` : ' · _no owner_';
  const pages = item.pages.trim()
    ? `\n      _pages:_ ${escapeMrkdwn(item.pages.replace(/\s*\n\s*/g, ', '))}`
    : '';
  return `${STATUS_ICONS[item.status]} *#${item.id}* ${escapeMrkdwn(item.feature)} (${DOCS_STATUS_LABELS[item.status]})${owner}${pages}`;
}

/** The form to record a feature that needs documentation changes. Block ids are the field names. */
export function docsAddView(params: { release: string; groups: string[] }): ModalView {
  const input = (block: string, label: string, element: object, extra: object = {}) => ({
    type: 'input',
    block_id: block,
    label: plainText(label),
    element: { action_id: block, ...element },
    ...extra,
  });
  const groups = params.groups.slice(0, 100);
  return {
    type: 'modal',
    callback_id: DOCS_ADD_VIEW,
    private_metadata: JSON.stringify({ release: params.release }),
    title: plainText(`Docs ${params.release}`.slice(0, 24)),
    submit: plainText('Add'),
    close: plainText('Cancel'),
    blocks: [
      context(
        'A feature of this release that needs (or may need) a change to the kubeflow.org documentation.',
      ),
      input('wg', 'Working group', {
        type: 'static_select',
        options: groups.map((g) => option(g)),
        ...(groups.length === 1 && groups[0] ? { initial_option: option(groups[0]) } : {}),
      }),
      input('feature', 'Feature', {
        type: 'plain_text_input',
        max_length: FEATURE_MAX,
        placeholder: plainText('e.g. Notebooks: culling of idle kernels'),
      }),
      input(
        'pages',
        'Pages affected',
        { type: 'plain_text_input', multiline: true, max_length: PAGES_MAX },
        { optional: true, hint: plainText('kubeflow.org pages or paths, one a line') },
      ),
      input('owner', 'Who writes it', { type: 'users_select' }, { optional: true }),
      input('status', 'Status', {
        type: 'static_select',
        options: DOCS_STATUSES.map((s) => option(DOCS_STATUS_LABELS[s], s)),
        initial_option: option(DOCS_STATUS_LABELS.needed, 'needed'),
      }),
    ],
  };
}

/** Shown in place of the form once the item is saved. */
export function docsSavedView(version: string, item: DocsItemRow): ModalView {
  return {
    type: 'modal',
    callback_id: 'docs_add_done',
    title: plainText('Docs item added'),
    close: plainText('Done'),
    blocks: [
      section(`Recorded for *${escapeMrkdwn(item.wg)}* in Kubeflow ${version}:\n${docsItemLine(item)}`),
      context(`Change its status with \`/kfrelease docs set ${item.id} in_progress\` (or done, not_needed).`),
    ],
  };
}

/** The answer to `/kfrelease docs set`. */
export function docsStatusBlocks(item: DocsItemRow, changed: boolean): SlackAnswer {
  const text = changed
    ? `Docs item #${item.id} is now ${DOCS_STATUS_LABELS[item.status]}.`
    : `Docs item #${item.id} was already ${DOCS_STATUS_LABELS[item.status]}.`;
  return { text, blocks: [section(`${STATUS_ICONS[item.status]} ${text}\n${docsItemLine(item)}`)] };
}

function phaseLine(view: DocsView): string {
  const phase = view.phase;
  if (!phase) return 'This release has no Documentation phase.';
  const range = `${formatDate(phase.startsOn)} to ${formatDate(phase.endsOn)}`;
  if (phase.state === 'before') return `The Documentation phase runs ${range}.`;
  if (phase.state === 'after') return `The Documentation phase ended ${formatDate(phase.endsOn)}.`;
  return `*Documentation phase* until ${formatDate(phase.endsOn)}, ${formatCountdown(phase.daysLeft)}.`;
}

/** `/kfrelease docs`: the documentation work still open, per working group. */
export function docsListBlocks(view: DocsView): SlackAnswer {
  const { summary } = view;
  const blocks: Block[] = [
    header(`Documentation for Kubeflow ${view.version}`),
    section(
      `${phaseLine(view)}\n*${summary.open} open* · ${summary.done} done · ${summary.notNeeded} not needed`,
    ),
  ];
  const open = summary.groups.filter((g) => g.open.length > 0);
  for (const group of open.slice(0, 40)) {
    blocks.push(section(`*${escapeMrkdwn(group.wg)}*\n${group.open.map(docsItemLine).join('\n')}`));
  }
  if (open.length === 0) blocks.push(section('Nothing open. :tada:'));
  const silent = summary.groups.filter((g) => g.open.length + g.done + g.notNeeded === 0).map((g) => g.wg);
  if (silent.length > 0)
    blocks.push(context(`Nothing recorded yet for: ${silent.map(escapeMrkdwn).join(', ')}.`));
  blocks.push(
    context(
      'Add a feature with `/kfrelease docs add`; move one with `/kfrelease docs set <id> <needed|in_progress|done|not_needed>`.',
    ),
  );
  return { text: `Kubeflow ${view.version} documentation: ${summary.open} open`, blocks };
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
  const deadline = `The Documentation phase ends ${formatDate(params.endsOn)}, ${formatCountdown(params.daysLeft)}.`;
  const text = `Documentation reminder for ${scope}: ${target.open.length} item(s) open. ${deadline}`;
  const body =
    target.open.length > 0
      ? target.open.slice(0, 30).map(docsItemLine).join('\n')
      : target.scope.kind === 'wg'
        ? 'Nothing open is recorded for your working group. If a feature of this release changes what kubeflow.org should say, add it with `/kfrelease docs add`.'
        : 'Nothing is open. :tada:';
  return {
    text,
    blocks: [
      section(`:books: *Documentation reminder for ${escapeMrkdwn(scope)}*\n${deadline}`),
      section(body),
      context('`/kfrelease docs` lists everything; `/kfrelease docs set <id> done` when a page is updated.'),
    ],
  };
}
