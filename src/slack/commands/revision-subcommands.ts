import { ACCEPT_USAGE, SHIP_USAGE, SKIP_USAGE } from '../../workflows/command-usages';
import { lazySubcommands } from './lazy-subcommands';
import type * as Handlers from './revision-subcommand-handlers';

const DEFINITIONS = [
  {
    name: 'submit',
    usage: '/kfrelease submit [working-group]',
    example: '/kfrelease submit Notebooks',
    summary:
      "Open the form to hand the release team your working group's git revisions (liaisons, release manager).",
  },
  {
    name: 'versions',
    usage: '/kfrelease versions [version] [--share]',
    example: '/kfrelease versions',
    summary: 'Every component with the accepted revision that ships, and who still owes one.',
  },
  {
    name: 'revision accept',
    usage: ACCEPT_USAGE,
    example:
      '/kfrelease revision accept knative/serving knative-v1.16.0 Knative tags its releases knative-vX.Y.Z',
    summary:
      'Accept a revision the rules refuse or cannot read, once GitHub shows it exists (release manager); the reason goes to the decision log.',
  },
  {
    name: 'component skip',
    usage: SKIP_USAGE,
    example: '/kfrelease component skip kubeflow/kfp-tekton The Tekton backend is not released this cycle',
    summary:
      'Mark a component as not shipping this cycle (release manager): it owes no revision and is shown as not shipping.',
  },
  {
    name: 'component ship',
    usage: SHIP_USAGE,
    example: '/kfrelease component ship kubeflow/kfp-tekton',
    summary: 'Take back "not shipping this cycle" (release manager): the component owes a revision again.',
  },
] as const;

export type RevisionSubcommandName = (typeof DEFINITIONS)[number]['name'];

/** Working groups' git revisions: the form, and the versions table. */
export const REVISION_SUBCOMMANDS = lazySubcommands(
  DEFINITIONS,
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  () => (require('./revision-subcommand-handlers') as typeof Handlers).REVISION_HANDLERS,
);
