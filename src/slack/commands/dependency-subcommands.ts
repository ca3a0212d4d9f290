import { lazySubcommands } from './lazy-subcommands';
import type * as Handlers from './dependency-subcommand-handlers';

export const DEPS_USAGE = '/kfrelease deps [working-group]';

const DEFINITIONS = [
  {
    name: 'deps',
    usage: DEPS_USAGE,
    example: '/kfrelease deps Notebooks',
    summary:
      "Open the form to declare your working group's expected final versions and supported dependency ranges (liaisons, release manager; from Feature Freeze).",
  },
  {
    name: 'deps matrix',
    usage: '/kfrelease deps matrix [version] [--share]',
    example: '/kfrelease deps matrix',
    summary:
      "Every working group's dependency ranges side by side, with the ones that do not intersect flagged, and who has not declared.",
  },
] as const;

export type DependencySubcommandName = (typeof DEFINITIONS)[number]['name'];

/** From Feature Freeze on: expected final versions and common dependency ranges per working group. */
export const DEPENDENCY_SUBCOMMANDS = lazySubcommands(
  DEFINITIONS,
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  () => (require('./dependency-subcommand-handlers') as typeof Handlers).DEPENDENCY_HANDLERS,
);
