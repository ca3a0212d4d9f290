import { lazySubcommands } from './lazy-subcommands';
import type * as Handlers from './feature-subcommand-handlers';

export const FEATURES_USAGE = '/kfrelease features [version] [working group]';
export const FEATURE_USAGE =
  '/kfrelease feature add [version] | feature punt <id> <reason> | feature keep <id> | feature public <show|hide> [version]';

const DEFINITIONS = [
  {
    name: 'feature',
    usage: FEATURE_USAGE,
    example: '/kfrelease feature punt 4 API review not finished; retry in the next release',
    summary:
      "Track a feature of your working group (form: its GitHub issue or pull request, docs, highlight); punt one to the next release with a reason or keep an at-risk one (release manager or the WG's liaison); show or hide landed features on the public schedule (release manager).",
  },
  {
    name: 'features',
    usage: FEATURES_USAGE,
    example: '/kfrelease features Pipelines',
    summary:
      'The features of the release by working group: tracked, at risk, landed or punted, with their docs status.',
  },
  {
    name: 'release-notes',
    usage: '/kfrelease release-notes [version]',
    example: '/kfrelease release-notes v1.10.0',
    summary:
      'A Markdown draft of the release notes: landed features by working group, highlights first, component versions, and what was punted.',
  },
] as const;

export type FeatureSubcommandName = (typeof DEFINITIONS)[number]['name'];

/** Features of the release: track them, list them, punt or keep them; the release notes they make. */
export const FEATURE_SUBCOMMANDS = lazySubcommands(
  DEFINITIONS,
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  () => (require('./feature-subcommand-handlers') as typeof Handlers).FEATURE_HANDLERS,
);
