import { z } from 'zod';
import { buildAgenda } from '../../domain/agenda';
import { UserError } from '../../errors';
import { addActionItem, completeActionItem, listActionItems } from '../../workflows/action-items';
import { gatherAgendaFacts } from '../../workflows/agenda-facts';
import { findRelease } from '../../workflows/find-release';
import {
  getMeetingSettings,
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
import { type CommandWord, optionalVersion, parseArgs, releaseVersion, versionOnly } from './subcommand';
import { md, user } from '../../text/mrkdwn';
import { wholeNumberWord } from '../../text/numbers';
import { freeText, userOf } from './command-tokens';
import { takePage } from './page-args';
import type { SubcommandHandlers } from './lazy-subcommands';
import { ACTION_USAGE, type MeetingSubcommandName } from './meeting-subcommands';

/** The words as the workflow reads them: a channel as its ID, a link as its address, text as typed. */
const values = (args: CommandWord[]) => args.map((w) => w.value);

/** What the meeting subcommands do; loaded the first time one of them runs. */
export const MEETING_HANDLERS: SubcommandHandlers<MeetingSubcommandName> = {
  meeting: (ctx, args) =>
    meetingSettingsBlocks(getMeetingSettings(ctx.services, versionOnly(ctx, args, 'meeting'))),
  'meeting set': (ctx, args) => {
    const view = setMeetingSettings(ctx.services, {
      version: releaseVersion(ctx),
      words: values(args),
      actor: { kind: 'slack', userId: ctx.userId },
    });
    return meetingSettingsBlocks(view, md`:white_check_mark: Meeting settings saved.`);
  },
  'reminders set': (ctx, args) => {
    const view = setReminderSettings(ctx.services, {
      version: releaseVersion(ctx),
      words: values(args),
      actor: { kind: 'slack', userId: ctx.userId },
    });
    return meetingSettingsBlocks(view, md`:white_check_mark: Reminder settings saved.`);
  },
  agenda: (ctx, args) => {
    const release = findRelease(ctx.services, versionOnly(ctx, args, 'agenda'));
    return agendaBlocks(buildAgenda(gatherAgendaFacts(ctx.services, release, ctx.services.clock.now())));
  },
  notetaker: (ctx, args) =>
    noteTakersBlocks(getNoteTakers(ctx.services, versionOnly(ctx, args, 'notetaker'))),
  'notetaker swap': (ctx, args) => {
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
  away: (ctx, args) => {
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
  action: (ctx, args) => {
    const { rest, page } = takePage(args, ACTION_USAGE);
    const version = parseArgs(optionalVersion('action'), rest, ACTION_USAGE);
    const list = listActionItems(ctx.services, releaseVersion(ctx, version), page);
    return actionItemsBlocks(list.version, list.items, undefined, list.page);
  },
  'action add': (ctx, args) => {
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
  'action done': (ctx, args) => {
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
};
