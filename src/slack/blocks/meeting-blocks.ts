import { DateTime } from 'luxon';
import type { ActionItem } from '../../db/action-item-repository';
import { weekdayName } from '../../domain/meeting-schedule';
import { formatOffset } from '../../domain/reminders';
import { fitLines } from '../../text/clip';
import { channel, code, lines, link, md, text, user, type Mrkdwn } from '../../text/mrkdwn';
import type { MeetingSettingsView } from '../../workflows/meeting-settings';
import type { NoteTakersView } from '../../workflows/note-takers';
import {
  answer,
  context,
  fields,
  header,
  LIMITS,
  listSection,
  section,
  type Block,
  type SlackAnswer,
} from './block-kit';
import { formatDate, mention } from './format';
import { lineSections } from './line-sections';
import { pageFooter } from './page-footer';
import type { ListPage } from '../../domain/list-page';

const leadBlocks = (lead?: Mrkdwn): Block[] => (lead ? [section(lead)] : []);

/** `/kfrelease meeting`: the weekly meeting and the reminder settings. */
export function meetingSettingsBlocks(view: MeetingSettingsView, lead?: Mrkdwn): SlackAnswer {
  const m = view.meeting;
  const r = view.reminders;
  const reminders = md`*Deadline reminders:* ${r.offsets.map(formatOffset).join(', ')} before, at ${r.sendTime} · quiet hours ${r.quietStart}-${r.quietEnd} (${view.release.timeZone})${r.custom ? md`` : md` · _defaults_`}`;
  const meeting = m
    ? fields([
        md`*When*\n${weekdayName(m.weekday)}s at ${m.time} (${m.zone})`,
        md`*Channel*\n${channel(m.channel)}`,
        md`*Agenda*\n${m.agendaHours} h before`,
        // The notes address was typed by a person: link() only links a safe https URL.
        md`*Notes*\n${m.notesUrl ? link(m.notesUrl, 'document', { allowHttp: true }) : md`_none_`}`,
      ])
    : section(
        md`No weekly meeting is set. The release manager sets it with \`/kfrelease meeting set tue 16:00\`.`,
      );
  return answer(lead ?? md`Release team meeting of Kubeflow ${view.release.version}`, [
    ...leadBlocks(lead),
    header(`Release team meeting, Kubeflow ${view.release.version}`),
    meeting,
    section(reminders),
    context(
      md`Change with \`/kfrelease meeting set day=thu time=15:00 agenda=24h notes=https://...\` and \`/kfrelease reminders set offsets=7d,1d,0d at=09:00 quiet=20:00-08:00\`.`,
    ),
  ]);
}

/** `/kfrelease notetaker`: the next note-takers. */
export function noteTakersBlocks(view: NoteTakersView, lead?: Mrkdwn): SlackAnswer {
  // The workflow gives the next few meetings only (four), so this list does not grow.
  const turns = view.upcoming.map((t, i) => {
    const when = DateTime.fromISO(t.at, { setZone: true }).toFormat('ccc d LLL, HH:mm');
    const who = t.member ? mention(t.member) : md`_nobody: everyone is away_`;
    return md`${i === 0 ? md`*Next:* ` : md`• `}${when}: ${who}${t.swapped ? md` _(swapped)_` : md``}`;
  });
  const commands = md` · ${code('/kfrelease away <from> <to>')} · ${code('/kfrelease notetaker swap @someone')}`;
  // Every liaison is in the rotation: a big team is counted past what a context line holds.
  const names = view.members.map((m) => text(m.name));
  const rotation =
    names.length > 0
      ? fitLines(
          names,
          LIMITS.sectionText - commands.length - 40,
          (hidden) => md`and ${hidden} more: ${code('/kfrelease team')}`,
          ', ',
        )
      : md`_no liaisons on the team_`;
  return answer(lead ?? md`Note-takers of Kubeflow ${view.version}`, [
    ...leadBlocks(lead),
    header(`Note-takers, Kubeflow ${view.version}`),
    section(turns.length > 0 ? lines(...turns) : md`No meetings left in this cycle.`),
    context(md`Rotation (by GitHub login): ${rotation}${commands}`),
  ]);
}

/** Open action items a section holds before the next starts: a page, unless it passes Slack's limit. */
const ACTION_ITEMS_PER_SECTION = 20;

/**
 * `/kfrelease action`: open action items, a page at a time (`page`: where this page falls, for the
 * count and the commands for the pages around it when there is more than one).
 */
export function actionItemsBlocks(
  version: string,
  items: ActionItem[],
  lead?: Mrkdwn,
  page?: ListPage,
): SlackAnswer {
  const command = `/kfrelease action ${version}`;
  const list = items.map((i) => md`• *#${i.id}* ${i.text}${i.owner ? md` · ${user(i.owner)}` : md``}`);
  const footer = page ? pageFooter(page, 'open items', command) : null;
  return answer(lead ?? md`Action items of Kubeflow ${version}`, [
    ...leadBlocks(lead),
    header(`Action items, Kubeflow ${version}`),
    ...(list.length > 0
      ? lineSections(list, ACTION_ITEMS_PER_SECTION, code(command))
      : [section(md`No open action items.`)]),
    ...(footer ? [context(footer)] : []),
    context(md`${code('/kfrelease action add <text> @owner')} · ${code('/kfrelease action done <id>')}`),
  ]);
}

/** The answer to `/kfrelease away`. */
export function awayBlocks(fromOn: string, toOn: string): SlackAnswer {
  const said = md`You are marked away from ${formatDate(fromOn)} to ${formatDate(toOn)}: the note-taking rotation skips you and you are first in line when back.`;
  return answer(said, [section(md`:palm_tree: ${said}`)]);
}

/** `/kfrelease away` alone: the person's away dates from today on. */
export function awayListBlocks(periods: { fromOn: string; toOn: string }[]): SlackAnswer {
  if (periods.length === 0) {
    const said = md`You are not marked away from today on.`;
    return answer(said, [section(said), context(md`Mark yourself away with ${code(AWAY_EXAMPLE)}.`)]);
  }
  const dates = periods.map(
    (p) =>
      md`• ${p.fromOn === p.toOn ? formatDate(p.fromOn) : `${formatDate(p.fromOn)} to ${formatDate(p.toOn)}`}`,
  );
  return answer(md`You are marked away:\n${lines(...dates)}`, [
    // Only this command lists away dates; a list longer than a section is counted, not cut.
    listSection(md`:palm_tree: You are marked away:`, dates, md`${code('/kfrelease away')}`),
    context(md`Take back dates that have not started with ${code('/kfrelease away cancel <first day>')}.`),
  ]);
}

/** Away dates taken back. */
export function awayCancelledBlocks(fromOn: string, toOn: string): SlackAnswer {
  const said = md`You are no longer marked away from ${formatDate(fromOn)} to ${formatDate(toOn)}: the note-taking rotation counts you on those dates again.`;
  return answer(said, [section(said)]);
}

const AWAY_EXAMPLE = '/kfrelease away 2026-05-18 2026-05-22';
