import type { Checkboxes, PlainTextInput } from '@slack/types';
import type { FeatureRow } from '../../db/feature-repository';
import {
  countStates,
  docsLabel,
  featuresByWg,
  FEATURE_PAGES_MAX,
  FEATURE_STATE_LABELS,
  FEATURE_TITLE_MAX,
  PUNT_REASON_MAX,
  type Feature,
  type FeatureState,
} from '../../domain/features';
import type { IssueInfo } from '../../github/github-client';
import { bold, code, join, link, md, type Mrkdwn } from '../../text/mrkdwn';
import type { FeatureListView } from '../../workflows/features';
import {
  actions,
  answer,
  button,
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

export const FEATURE_ADD_VIEW = 'feature_add';
export const FEATURE_PUNT_VIEW = 'feature_punt';
export const FEATURE_ACTIONS = { keep: 'feature_keep', punt: 'feature_punt_open' } as const;

const STATE_ICONS: Record<FeatureState, string> = {
  tracked: ':large_blue_circle:',
  at_risk: ':warning:',
  landed: ':white_check_mark:',
  punted: ':arrow_right:',
};

const SEE_ALL = md`${code('/kfrelease features')}`;

/** One feature as a line: number, state, title, its issue or pull request, docs, highlight. */
export function featureLine(f: Feature): Mrkdwn {
  const star = f.highlight ? md` :star:` : md``;
  const kept = f.state === 'at_risk' && f.kept ? md` (kept)` : md``;
  const reason = f.state === 'punted' && f.reason ? md`\n      _punted:_ ${f.reason}` : md``;
  return md`${STATE_ICONS[f.state]} *#${f.id}* ${f.title}${star} · ${FEATURE_STATE_LABELS[f.state]}${kept} · ${link(f.url, f.ref)} · ${docsLabel(f)}${reason}`;
}

/** The form to track a feature. Block ids are the field names. */
export function featureAddView(params: { release: string; groups: string[] }): ModalView {
  const wg = workingGroupSelect(params.groups);
  const title: PlainTextInput = {
    type: 'plain_text_input',
    action_id: 'title',
    max_length: FEATURE_TITLE_MAX,
    placeholder: plain('e.g. Pipelines: run caching across namespaces', LIMITS.placeholder),
  };
  const ref: PlainTextInput = {
    type: 'plain_text_input',
    action_id: 'ref',
    placeholder: plain('kubeflow/pipelines#11234 or its GitHub link', LIMITS.placeholder),
  };
  const docs: Checkboxes = {
    type: 'checkboxes',
    action_id: 'docs',
    options: [option('The kubeflow.org docs must change', 'yes')],
  };
  const pages: PlainTextInput = {
    type: 'plain_text_input',
    action_id: 'pages',
    multiline: true,
    max_length: FEATURE_PAGES_MAX,
  };
  const highlight: Checkboxes = {
    type: 'checkboxes',
    action_id: 'highlight',
    options: [option('Worth a highlight in the announcement', 'yes')],
  };
  return modal({
    callbackId: FEATURE_ADD_VIEW,
    privateMetadata: JSON.stringify({ release: params.release }),
    title: `Feature ${params.release}`,
    submit: 'Track',
    close: 'Cancel',
    blocks: [
      context(
        md`A feature your working group means to land in Kubeflow ${params.release}. kfrelease checks its issue or pull request on GitHub, and marks it landed when the pull request merges.`,
      ),
      input({ blockId: 'wg', label: 'Working group', element: wg }),
      input({ blockId: 'title', label: 'Feature', element: title }),
      input({ blockId: 'ref', label: 'GitHub issue or pull request', element: ref }),
      input({ blockId: 'docs', label: 'Docs', element: docs, optional: true }),
      input({
        blockId: 'pages',
        label: 'Pages to change',
        element: pages,
        optional: true,
        hint: 'kubeflow.org pages or paths, one a line; a docs item is created for the Docs Lead',
      }),
      input({ blockId: 'highlight', label: 'Highlight', element: highlight, optional: true }),
    ],
  });
}

/** Shown in place of the form once the feature is tracked. */
export function featureSavedView(
  version: string,
  feature: FeatureRow,
  github: IssueInfo,
  docsLinked: boolean,
): ModalView {
  const labels =
    github.labels.length > 0
      ? join(
          github.labels.map((l) => code(l)),
          ' ',
        )
      : md`_none_`;
  const docs = feature.docsItemId
    ? md`Docs item #${feature.docsItemId} ${docsLinked ? 'already recorded under this title is linked' : 'was created for the Docs Lead'}.`
    : md`No docs item: no docs change needed.`;
  return modal({
    callbackId: 'feature_add_done',
    title: 'Feature tracked',
    close: 'Done',
    blocks: [
      section(md`Tracked for ${bold(feature.wg)} in Kubeflow ${version}:\n${featureLine(feature)}`),
      section(
        md`*On GitHub:* ${github.title} (${github.state}${github.isPullRequest ? ' pull request' : ' issue'}) · labels: ${labels}`,
      ),
      context(docs),
    ],
  });
}

/** The form asking why a feature is punted. */
export function featurePuntView(feature: Feature, version: string): ModalView {
  const reason: PlainTextInput = {
    type: 'plain_text_input',
    action_id: 'reason',
    multiline: true,
    max_length: PUNT_REASON_MAX,
  };
  return modal({
    callbackId: FEATURE_PUNT_VIEW,
    privateMetadata: JSON.stringify({ feature: feature.id }),
    title: 'Punt feature',
    submit: 'Punt',
    close: 'Cancel',
    blocks: [
      section(
        md`Move ${bold(feature.title)} (${feature.wg}, ${link(feature.url, feature.ref)}) from Kubeflow ${version} to the next release.`,
      ),
      input({
        blockId: 'reason',
        label: 'Why',
        element: reason,
        hint: 'Recorded in the decision log; the next cycle plans from it.',
      }),
    ],
  });
}

/** The answer to a punt or keep. */
export function featureDecisionBlocks(feature: FeatureRow, changed: boolean): SlackAnswer {
  const said =
    feature.state === 'punted'
      ? changed
        ? md`Feature #${feature.id} is punted to the next release.`
        : md`Feature #${feature.id} was already punted.`
      : changed
        ? md`Feature #${feature.id} stays in the release, at risk until it lands.`
        : md`Feature #${feature.id} was already kept.`;
  return answer(said, [section(md`${said}\n${featureLine(feature)}`)]);
}

function summaryLine(features: Feature[]): Mrkdwn {
  const c = countStates(features);
  return md`*${c.landed} landed* · ${c.tracked} tracked · ${c.at_risk} at risk · ${c.punted} punted`;
}

/** `/kfrelease features`: by working group, with state and docs status. */
export function featureListBlocks(view: FeatureListView): SlackAnswer {
  const scope = view.wg ? `${view.wg} features` : 'Features';
  const blocks: Block[] = [
    header(`${scope} of Kubeflow ${view.version}`),
    section(summaryLine(view.features)),
  ];
  const groups = featuresByWg(view.features, view.workingGroups);
  for (const group of groups.slice(0, 40))
    blocks.push(listSection(bold(group.wg), group.features.map(featureLine), SEE_ALL));
  if (groups.length === 0) blocks.push(section(md`No features tracked yet.`));
  blocks.push(
    context(
      md`Track one with ${code('/kfrelease feature add')}; ${code('/kfrelease feature punt <id> <reason>')} moves one to the next release; :star: marks highlight candidates.`,
    ),
  );
  return answer(md`${scope} of Kubeflow ${view.version}: ${view.features.length}`, blocks);
}

/** Buttons per working group: keep and punt for each of its features (an actions block holds 25). */
const FEATURES_WITH_BUTTONS = 12;

/** The release manager's message at the start of Feature Freeze: the features not landed, per working group. */
export function featuresAtRiskMessage(
  version: string,
  groups: { wg: string; features: Feature[] }[],
): SlackAnswer {
  const count = groups.reduce((n, g) => n + g.features.length, 0);
  const blocks: Block[] = [
    section(
      md`:snowflake: *Feature Freeze has started for Kubeflow ${version}.* ${count} feature(s) have not landed and are now at risk. For each, keep it (it still lands in this release) or punt it to the next release.`,
    ),
  ];
  for (const group of groups.slice(0, 20)) {
    blocks.push(listSection(bold(group.wg), group.features.map(featureLine), SEE_ALL));
    const buttons = group.features.slice(0, FEATURES_WITH_BUTTONS).flatMap((f) => [
      button({ actionId: FEATURE_ACTIONS.keep, text: `Keep #${f.id}`, value: String(f.id) }),
      button({
        actionId: FEATURE_ACTIONS.punt,
        text: `Punt #${f.id}…`,
        value: String(f.id),
        style: 'danger',
      }),
    ]);
    blocks.push(actions(`features_at_risk:${group.wg}`.slice(0, 255), buttons));
  }
  blocks.push(
    context(
      md`${code('/kfrelease features')} shows every feature; the working groups' liaisons may decide theirs too.`,
    ),
  );
  return answer(md`Feature Freeze for Kubeflow ${version}: ${count} feature(s) at risk`, blocks);
}

/** To the Docs Lead: a feature landed while its docs are not done. */
export function featureDocsMissingMessage(version: string, feature: Feature): SlackAnswer {
  const pages = feature.docsPages ? md`\n_pages:_ ${feature.docsPages.replace(/\s*\n\s*/g, ', ')}` : md``;
  return answer(md`A feature of Kubeflow ${version} landed without its docs: ${feature.title}`, [
    section(
      md`:books: *A feature of Kubeflow ${version} landed; its docs are not done.*\n${featureLine(feature)}${pages}`,
    ),
    context(
      md`${code('/kfrelease docs')} lists the docs work; ${code('/kfrelease docs set <id> done')} when the pages are updated.`,
    ),
  ]);
}
