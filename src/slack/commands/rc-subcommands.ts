import { lazySubcommands } from './lazy-subcommands';
import type * as Handlers from './rc-subcommand-handlers';

const DEFINITIONS = [
  {
    name: 'rcs',
    usage: '/kfrelease rcs [version] [--share]',
    example: '/kfrelease rcs v1.10.0',
    summary:
      'The release branch and RC tags in the manifests repository: due, found (commit and date) or missing.',
  },
  {
    name: 'signoff',
    usage: '/kfrelease signoff [version]',
    example: '/kfrelease signoff',
    summary: 'Open the form to sign off on an RC for your distribution (distribution representatives).',
  },
  {
    name: 'signoffs',
    usage: '/kfrelease signoffs [version] [--share]',
    example: '/kfrelease signoffs',
    summary: 'Who has given a thumbs up on which RC, and whether every distribution has.',
  },
] as const;

export type RcSubcommandName = (typeof DEFINITIONS)[number]['name'];

/** The release branch and RC tags in the manifests repository, and the distributions' sign-offs. */
export const RC_SUBCOMMANDS = lazySubcommands(
  DEFINITIONS,
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  () => (require('./rc-subcommand-handlers') as typeof Handlers).RC_HANDLERS,
);
