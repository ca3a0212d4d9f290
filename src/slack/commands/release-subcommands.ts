import { CREATE_RELEASE_USAGE } from '../../workflows/command-usages';
import { lazySubcommands } from './lazy-subcommands';
import type * as Handlers from './release-subcommand-handlers';

const DEFINITIONS = [
  {
    name: 'status',
    usage: '/kfrelease status [version] [--share]',
    example: '/kfrelease status v1.10.0',
    summary: 'Where the release stands: phase, week, next milestone, key roles.',
  },
  {
    name: 'timeline',
    usage: '/kfrelease timeline [version] [--share]',
    example: '/kfrelease timeline',
    summary: 'Every phase and milestone with its dates, planned and re-planned.',
  },
  {
    name: 'team',
    usage: '/kfrelease team [version] [--share]',
    example: '/kfrelease team v1.10.0',
    summary: 'Roles, liaisons by working group, distribution representatives.',
  },
  {
    name: 'release create',
    usage: CREATE_RELEASE_USAGE.split(', e.g.')[0] ?? CREATE_RELEASE_USAGE,
    example: '/kfrelease release create v1.10.0 2026-03-02 handbook-17w Europe/Berlin',
    summary:
      'Create a release and its first plan (admins only). The channel you type it in becomes the release channel. A start date or release day in the past is asked about first (Create anyway or Cancel).',
  },
  {
    name: 'release channel',
    usage: '/kfrelease release channel [version]',
    example: '/kfrelease release channel v1.10.0',
    summary:
      "Make the channel you type it in the release's channel, where kfrelease posts (release manager, admins).",
  },
  {
    name: 'release shipped',
    usage: '/kfrelease release shipped [version] [date]',
    example: '/kfrelease release shipped v1.11.0 2026-06-29',
    summary:
      'Record the day the release actually shipped, today by default (release manager). The final tag on the manifests repository records it too.',
  },
  {
    name: 'release close',
    usage: '/kfrelease release close [version] [reason]',
    example: '/kfrelease release close v1.11.0',
    summary:
      'End a release: read-only from then on, its scheduled posts stop (release manager, admins). Before release day, say why.',
  },
  {
    name: 'release cancel',
    usage: '/kfrelease release cancel <version> <reason>',
    example: '/kfrelease release cancel v1.12.0 merged into the calendar-versioned 26.10 release',
    summary: 'Give a release up, with a reason; it stays readable by version (release manager, admins).',
  },
] as const;

export type ReleaseSubcommandName = (typeof DEFINITIONS)[number]['name'];

/** Where the release stands, its dates and its people; creating a release, and ending it. */
export const RELEASE_SUBCOMMANDS = lazySubcommands(
  DEFINITIONS,
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  () => (require('./release-subcommand-handlers') as typeof Handlers).RELEASE_HANDLERS,
);
