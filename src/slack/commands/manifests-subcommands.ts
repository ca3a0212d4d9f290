import { lazySubcommands } from './lazy-subcommands';
import type * as Handlers from './manifests-subcommand-handlers';

export const PREVIEW_USAGE = '/kfrelease manifests preview [component]';
export const PR_USAGE = '/kfrelease manifests pr [component|all] [--dry-run]';

const DEFINITIONS = [
  {
    name: 'manifests preview',
    usage: PREVIEW_USAGE,
    example: '/kfrelease manifests preview katib',
    summary:
      "The change each component's accepted revision asks of the manifests repository (its sync script and the README's version table), as a diff sent to you; nothing is written.",
  },
  {
    name: 'manifests pr',
    usage: PR_USAGE,
    example: '/kfrelease manifests pr all',
    summary:
      'Open (or update) one pull request per component in the manifests repository, on kfrelease/<release>/<component>, labelled and linked to the revision (release manager, release team members); --dry-run only says what it would do.',
  },
] as const;

export type ManifestsSubcommandName = (typeof DEFINITIONS)[number]['name'];

/** The manifests sync pull requests: preview the change, open or update them. */
export const MANIFESTS_SUBCOMMANDS = lazySubcommands(
  DEFINITIONS,
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  () => (require('./manifests-subcommand-handlers') as typeof Handlers).MANIFESTS_HANDLERS,
);
