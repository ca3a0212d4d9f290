import { lazySubcommands } from './lazy-subcommands';
import type * as Handlers from './blocker-subcommand-handlers';

export const BLOCK_USAGE = '/kfrelease block [working-group]';
export const LIST_USAGE = '/kfrelease blockers [version] [working-group [page N]] [--share]';
export const TRIAGE_USAGE = '/kfrelease blocker at-risk|punt|blocking owner/repo#N [reason]';

const DEFINITIONS = [
  {
    name: 'block',
    usage: BLOCK_USAGE,
    example: '/kfrelease block Pipelines',
    summary: 'Report issues or pull requests that hold the release up (anyone); each is checked on GitHub.',
  },
  {
    name: 'blockers',
    usage: LIST_USAGE,
    example: '/kfrelease blockers v1.10.0 Pipelines',
    summary: 'Tracked blocking issues by working group, with age, state on GitHub and triage decision.',
  },
  {
    name: 'blocker',
    usage: TRIAGE_USAGE,
    example: '/kfrelease blocker punt kubeflow/pipelines#1234 Needs an API change; next release',
    summary:
      'Triage a tracked issue: at risk, punted to the next release (with a reason), or release-blocking (release manager, the WG liaisons).',
  },
] as const;

export type BlockerSubcommandName = (typeof DEFINITIONS)[number]['name'];

/** Blocking issues: reporting them, the list by working group, and triage. */
export const BLOCKER_SUBCOMMANDS = lazySubcommands(
  DEFINITIONS,
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  () => (require('./blocker-subcommand-handlers') as typeof Handlers).BLOCKER_HANDLERS,
);
