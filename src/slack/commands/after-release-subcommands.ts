import { PATCH_ADD_USAGE } from '../../workflows/command-usages';
import { lazySubcommands } from './lazy-subcommands';
import type * as Handlers from './after-release-subcommand-handlers';

const DEFINITIONS = [
  {
    name: 'patch',
    usage: '/kfrelease patch [patch-version] [target-date]',
    example: '/kfrelease patch v1.10.1 2026-07-20',
    summary: 'Open a patch release after release day (release manager), or show it and its changes.',
  },
  {
    name: 'patch add',
    usage: PATCH_ADD_USAGE.split(', e.g.')[0] ?? PATCH_ADD_USAGE,
    example: '/kfrelease patch add v1.10.1 kubeflow/pipelines#11234 bug fixes the run list',
    summary: "Record a fix for a patch release with the handbook's criterion it meets (release team).",
  },
  {
    name: 'patch released',
    usage: '/kfrelease patch released <patch-version>',
    example: '/kfrelease patch released v1.10.1',
    summary: 'Mark a patch release as shipped today (release manager).',
  },
  {
    name: 'retro',
    usage: '/kfrelease retro <note>',
    example: '/kfrelease retro The rc.1 reminder came too late for the Training WG',
    summary: 'Write down what went well or could be better, any time; it is tagged with the current phase.',
  },
  {
    name: 'retro show',
    usage: '/kfrelease retro show [version] [--share]',
    example: '/kfrelease retro show v1.10.0',
    summary:
      "The retrospective, any time: notes by phase with the cycle's figures (so far, before release day).",
  },
  {
    name: 'retro list',
    usage: '/kfrelease retro list [version] [--share]',
    example: '/kfrelease retro list',
    summary: 'The notes written for the retrospective so far, by phase (the same as retro show).',
  },
  {
    name: 'successor',
    usage: '/kfrelease successor [version]',
    example: '/kfrelease successor',
    summary:
      'Who on the team can be the next release manager, per the handbook, and the call for participation.',
  },
] as const;

export type AfterReleaseSubcommandName = (typeof DEFINITIONS)[number]['name'];

/** After release day: patch releases, the retrospective, and handing over to the next release manager. */
export const AFTER_RELEASE_SUBCOMMANDS = lazySubcommands(
  DEFINITIONS,
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  () => (require('./after-release-subcommand-handlers') as typeof Handlers).AFTER_RELEASE_HANDLERS,
);
