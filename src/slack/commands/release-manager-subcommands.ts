import { DELAY_USAGE, PLAN_RELEASE_USAGE } from '../../workflows/command-usages';
import { lazySubcommands } from './lazy-subcommands';
import type * as Handlers from './release-manager-subcommand-handlers';

export const DECISIONS_USAGE = '/kfrelease decisions [version] [page N] [--share]';
export const REPLAN_USAGE = '/kfrelease replan [milestone-or-phase] [new-date] [--move-later]';

const DEFINITIONS = [
  {
    name: 'release plan',
    usage: PLAN_RELEASE_USAGE.split(', e.g.')[0] ?? PLAN_RELEASE_USAGE,
    example: '/kfrelease release plan v1.11.0 2026-07-06 handbook-17w Europe/Berlin',
    summary:
      'Propose a timeline before creating the release, with the holidays and conferences its dates fall on.',
  },
  {
    name: 'phase',
    usage: '/kfrelease phase [version] [--share]',
    example: '/kfrelease phase',
    summary: "The current phase's checklist of success criteria and actions, and what runs alongside it.",
  },
  {
    name: 'phase advance',
    usage: '/kfrelease phase advance [--move-later] [reason]',
    example: '/kfrelease phase advance Training needs two more days; the rest is ready',
    summary:
      'Move the release to its next phase (release manager); a reason is required when criteria are unmet. Early, the later dates stay unless --move-later brings them as many days earlier.',
  },
  {
    name: 'check',
    usage: '/kfrelease check <item-id> [distribution or working group]',
    example: '/kfrelease check schedule-sent',
    summary: 'Tick a checklist item you are responsible for.',
  },
  {
    name: 'uncheck',
    usage: '/kfrelease uncheck <item-id> [distribution or working group]',
    example: '/kfrelease uncheck schedule-sent',
    summary: 'Untick a checklist item.',
  },
  {
    name: 'delay',
    usage: DELAY_USAGE.split(', e.g.')[0] ?? DELAY_USAGE,
    example: '/kfrelease delay rc.1 2026-05-29 Pipelines needs a week for the backend fix',
    summary:
      'Re-plan a milestone and everything after it to a later date (release manager); the first plan is kept.',
  },
  {
    name: 'replan',
    usage: REPLAN_USAGE,
    example: '/kfrelease replan rc.1 2026-05-26',
    summary:
      'Re-plan one milestone or phase start, earlier or later, alone or with the dates after it (release manager): a form shows the new plan next to the current one before anything is saved.',
  },
  {
    name: 'decisions',
    usage: DECISIONS_USAGE,
    example: '/kfrelease decisions v1.10.0 page 2',
    summary:
      "Every use of the release manager's authority: phases moved on, delays, revisions approved or denied; 40 a page, oldest first.",
  },
] as const;

export type ReleaseManagerSubcommandName = (typeof DEFINITIONS)[number]['name'];

/** The release manager's tools: planning, phases and their checklists, delays, decisions, patches, retro, hand-over. */
export const RELEASE_MANAGER_SUBCOMMANDS = lazySubcommands(
  DEFINITIONS,
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  () => (require('./release-manager-subcommand-handlers') as typeof Handlers).RELEASE_MANAGER_HANDLERS,
);
