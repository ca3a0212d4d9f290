import { lazySubcommands } from './lazy-subcommands';
import type * as Handlers from './tracking-docs-subcommand-handlers';

export const DOCS_USAGE = '/kfrelease docs [version] [page N] | docs add | docs set <id> <status>';
export const TRACKING_USAGE = '/kfrelease tracking-issue setup <owner/repo> | sync | preview [version]';

const DEFINITIONS = [
  {
    name: 'tracking-issue',
    usage: TRACKING_USAGE,
    example: '/kfrelease tracking-issue setup kubeflow/manifests',
    summary:
      'The one GitHub issue the whole community follows the release in: create it, update it, or preview it without touching GitHub (release manager).',
  },
  {
    name: 'docs',
    usage: DOCS_USAGE,
    example: '/kfrelease docs set 3 done',
    summary:
      'Features that need documentation changes: what is still open (30 a page), add one (form), move one to needed, in_progress, done or not_needed.',
  },
  {
    name: 'announcement',
    usage: '/kfrelease announcement [version]',
    example: '/kfrelease announcement v1.10.0',
    summary: 'A draft release announcement listing every component with its changelog, to edit and send.',
  },
] as const;

export type TrackingDocsSubcommandName = (typeof DEFINITIONS)[number]['name'];

/** The release tracking issue on GitHub, the documentation work, and the release announcement draft. */
export const TRACKING_DOCS_SUBCOMMANDS = lazySubcommands(
  DEFINITIONS,
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  () => (require('./tracking-docs-subcommand-handlers') as typeof Handlers).TRACKING_DOCS_HANDLERS,
);
