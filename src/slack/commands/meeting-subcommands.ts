import { ACTION_ADD_USAGE, MEETING_SET_USAGE, REMINDERS_SET_USAGE } from '../../workflows/command-usages';
import { lazySubcommands } from './lazy-subcommands';
import type * as Handlers from './meeting-subcommand-handlers';

export const ACTION_USAGE = '/kfrelease action [version] [page N]';

const DEFINITIONS = [
  {
    name: 'meeting',
    usage: '/kfrelease meeting [version]',
    example: '/kfrelease meeting',
    summary: 'The weekly release team meeting and the deadline reminder settings.',
  },
  {
    name: 'meeting set',
    usage: MEETING_SET_USAGE,
    example: '/kfrelease meeting set tue 16:00 Europe/Berlin #kf-release 24h https://bit.ly/kf-release-notes',
    summary: 'Set the weekly meeting (release manager); words by shape or key=value.',
  },
  {
    name: 'reminders set',
    usage: REMINDERS_SET_USAGE,
    example: '/kfrelease reminders set offsets=7d,2d,0d at=10:00 quiet=19:00-08:30',
    summary: 'When deadline reminders go out, and the quiet hours (release manager).',
  },
  {
    name: 'agenda',
    usage: '/kfrelease agenda [version] [--share]',
    example: '/kfrelease agenda',
    summary: 'Preview the agenda of the next meeting.',
  },
  {
    name: 'notetaker',
    usage: '/kfrelease notetaker [version]',
    example: '/kfrelease notetaker',
    summary: 'Who takes the notes at the next meetings.',
  },
  {
    name: 'notetaker swap',
    usage: '/kfrelease notetaker swap @member',
    example: '/kfrelease notetaker swap @alan',
    summary: 'Swap your next note-taking turn with another member.',
  },
  {
    name: 'away',
    usage: '/kfrelease away [<from> [to] | cancel <from>]',
    example: '/kfrelease away 2026-05-18 2026-05-22',
    summary:
      'Mark yourself away: the note-taking rotation skips you. Alone, lists your away dates; `away cancel <from>` takes back dates that have not started.',
  },
  {
    name: 'action',
    usage: ACTION_USAGE,
    example: '/kfrelease action page 2',
    summary: 'Open action items of the meetings, 20 a page, oldest first.',
  },
  {
    name: 'action add',
    usage: ACTION_ADD_USAGE,
    example: '/kfrelease action add Ask Training WG for the rc.1 tag @alan',
    summary: 'Add an action item; every agenda lists it until done.',
  },
  {
    name: 'action done',
    usage: '/kfrelease action done <id>',
    example: '/kfrelease action done 3',
    summary: 'Mark an action item done.',
  },
] as const;

export type MeetingSubcommandName = (typeof DEFINITIONS)[number]['name'];

/** The weekly meeting, its agenda, note-takers, away dates, action items and reminders. */
export const MEETING_SUBCOMMANDS = lazySubcommands(
  DEFINITIONS,
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  () => (require('./meeting-subcommand-handlers') as typeof Handlers).MEETING_HANDLERS,
);
