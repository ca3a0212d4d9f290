import { z } from 'zod';
import { buildAgenda } from '../../domain/agenda';
import { UserError } from '../../errors';
import {
  addActionItem,
  completeActionItem,
  listActionItems,
  ACTION_ADD_USAGE,
} from '../../workflows/action-items';
import { gatherAgendaFacts } from '../../workflows/agenda-facts';
import { findRelease } from '../../workflows/find-release';
import {
  getMeetingSettings,
  MEETING_SET_USAGE,
  REMINDERS_SET_USAGE,
  setMeetingSettings,
  setReminderSettings,
} from '../../workflows/meeting-settings';
import { cancelAway, getNoteTakers, listAway, markAway, swapNoteTaker } from '../../workflows/note-takers';
import { agendaBlocks } from '../blocks/agenda-blocks';
import {
  actionItemsBlocks,
  awayBlocks,
  awayCancelledBlocks,
  awayListBlocks,
  meetingSettingsBlocks,
  noteTakersBlocks,
} from '../blocks/meeting-blocks';
import { optionalVersion, parseArgs, releaseVersion, type CommandWord, type Subcommand } from './subcommand';
import { md, user } from '../../text/mrkdwn';
import { wholeNumberWord } from '../../text/numbers';
import { freeText, userOf } from './command-tokens';
import { takePage } from './page-args';

const ACTION_USAGE = '/kfrelease action [version] [page N]';

/** The words as the workflow reads them: a channel as its ID, a link as its address, text as typed. */
const values = (args: CommandWord[]) => args.map((w) => w.value);

/** The weekly meeting, its agenda, note-takers, away dates, action items and reminders. */
export const MEETING_SUBCOMMANDS: Subcommand[] = [
  {
    name: 'meeting',
    usage: '/kfrelease meeting [version]',
    example: '/kfrelease meeting',
    summary: 'The weekly release team meeting and the deadline reminder settings.',
    run: (ctx, args) =>
      meetingSettingsBlocks(
        getMeetingSettings(
          ctx.services,
          releaseVersion(ctx, parseArgs(optionalVersion('meeting'), args, '/kfrelease meeting [version]')),
        ),
      ),
  },
  {
    name: 'meeting set',
    usage: MEETING_SET_USAGE,
    example: '/kfrelease meeting set tue 16:00 Europe/Berlin #kf-release 24h https://bit.ly/kf-release-notes',
    summary: 'Set the weekly meeting (release manager); words by shape or key=value.',
    run: (ctx, args) => {
      const view = setMeetingSettings(ctx.services, {
        version: releaseVersion(ctx),
        words: values(args),
        actor: { kind: 'slack', userId: ctx.userId },
      });
      return meetingSettingsBlocks(view, md`:white_check_mark: Meeting settings saved.`);
    },
  },
  {
    name: 'reminders set',
    usage: REMINDERS_SET_USAGE,
    example: '/kfrelease reminders set offsets=7d,2d,0d at=10:00 quiet=19:00-08:30',
    summary: 'When deadline reminders go out, and the quiet hours (release manager).',
    run: (ctx, args) => {
      const view = setReminderSettings(ctx.services, {
        version: releaseVersion(ctx),
        words: values(args),
        actor: { kind: 'slack', userId: ctx.userId },
      });
      return meetingSettingsBlocks(view, md`:white_check_mark: Reminder settings saved.`);
    },
  },
  {
    name: 'agenda',
    usage: '/kfrelease agenda [version] [--share]',
    example: '/kfrelease agenda',
    summary: 'Preview the agenda of the next meeting.',
    run: (ctx, args) => {
      const release = findRelease(
        ctx.services,
        releaseVersion(ctx, parseArgs(optionalVersion('agenda'), args, '/kfrelease agenda [version]')),
      );
      return agendaBlocks(buildAgenda(gatherAgendaFacts(ctx.services, release, ctx.services.clock.now())));
    },
  },
  {
    name: 'notetaker',
    usage: '/kfrelease notetaker [version]',
    example: '/kfrelease notetaker',
    summary: 'Who takes the notes at the next meetings.',
    run: (ctx, args) =>
      noteTakersBlocks(
        getNoteTakers(
          ctx.services,
          releaseVersion(
            ctx,
            parseArgs(optionalVersion('notetaker'), args, '/kfrelease notetaker [version]'),
          ),
        ),
      ),
  },
  {
    name: 'notetaker swap',
    usage: '/kfrelease notetaker swap @member',
    example: '/kfrelease notetaker swap @alan',
    summary: 'Swap your next note-taking turn with another member.',
    run: (ctx, args) => {
      const target = args.length === 1 ? userOf(args[0]) : null;
      if (!target)
        throw new UserError(
          'bad_argument',
          md`Name one person to swap with, as a Slack mention.`,
          md`Usage: \`/kfrelease notetaker swap @member\``,
        );
      const swap = swapNoteTaker(ctx.services, {
        userId: ctx.userId,
        with: target,
        version: releaseVersion(ctx),
      });
      ctx.services.deliverSoon();
      const [mine, theirs] = swap.overrides;
      const lead = md`:arrows_counterclockwise: ${user(target)} takes the notes on ${mine?.meetingOn}${theirs ? `; you take them on ${theirs.meetingOn}` : ''}.`;
      return noteTakersBlocks(getNoteTakers(ctx.services, swap.version), lead);
    },
  },
  {
    name: 'away',
    usage: '/kfrelease away [<from> [to] | cancel <from>]',
    example: '/kfrelease away 2026-05-18 2026-05-22',
    summary:
      'Mark yourself away: the note-taking rotation skips you. Alone, lists your away dates; `away cancel <from>` takes back dates that have not started.',
    run: (ctx, args) => {
      if (args.length === 0) return awayListBlocks(listAway(ctx.services, { userId: ctx.userId }).periods);
      if (args[0]?.text.toLowerCase() === 'cancel') {
        const [from] = parseArgs(
          z.array(z.string()).length(1, 'Give the first day of the away dates to take back.'),
          args.slice(1),
          '/kfrelease away cancel <from>',
        );
        const cancelled = cancelAway(ctx.services, { userId: ctx.userId, fromOn: from ?? '' });
        ctx.services.deliverSoon();
        return awayCancelledBlocks(cancelled.fromOn, cancelled.toOn);
      }
      const [fromOn, toOn] = parseArgs(
        z
          .array(z.string())
          .min(1, 'Give the first day you are away, and the last.')
          .max(2, 'Give two dates at most.'),
        args,
        '/kfrelease away <from> [to]',
      );
      const away = markAway(ctx.services, { userId: ctx.userId, fromOn: fromOn ?? '', toOn });
      ctx.services.deliverSoon();
      return awayBlocks(away.fromOn, away.toOn);
    },
  },
  {
    name: 'action',
    usage: ACTION_USAGE,
    example: '/kfrelease action page 2',
    summary: 'Open action items of the meetings, 20 a page, oldest first.',
    run: (ctx, args) => {
      const { rest, page } = takePage(args, ACTION_USAGE);
      const version = parseArgs(optionalVersion('action'), rest, ACTION_USAGE);
      const list = listActionItems(ctx.services, releaseVersion(ctx, version), page);
      return actionItemsBlocks(list.version, list.items, undefined, list.page);
    },
  },
  {
    name: 'action add',
    usage: ACTION_ADD_USAGE,
    example: '/kfrelease action add Ask Training WG for the rc.1 tag @alan',
    summary: 'Add an action item; every agenda lists it until done.',
    run: (ctx, args) => {
      const owner = userOf(args[args.length - 1]);
      const text = freeText(owner ? args.slice(0, -1) : args);
      const added = addActionItem(ctx.services, {
        version: releaseVersion(ctx),
        text,
        owner,
        actor: { kind: 'slack', userId: ctx.userId },
      });
      const list = listActionItems(ctx.services, added.release.version);
      return actionItemsBlocks(
        list.version,
        list.items,
        md`:white_check_mark: Added action item #${added.item.id}.`,
        list.page,
      );
    },
  },
  {
    name: 'action done',
    usage: '/kfrelease action done <id>',
    example: '/kfrelease action done 3',
    summary: 'Mark an action item done.',
    run: (ctx, args) => {
      const [id = 0] = parseArgs(
        z
          .array(wholeNumberWord('an action item number', { min: 1, hash: true }))
          .length(1, 'Give one action item number, e.g. 3.'),
        args,
        '/kfrelease action done <id>',
      );
      const item = completeActionItem(ctx.services, {
        id,
        actor: { kind: 'slack', userId: ctx.userId },
      });
      const release = ctx.services.store.releases.findById(item.releaseId);
      const list = listActionItems(ctx.services, release?.version);
      return actionItemsBlocks(
        list.version,
        list.items,
        md`:white_check_mark: Action item #${item.id} is done.`,
        list.page,
      );
    },
  },
];
