import { DateTime } from 'luxon';
import type { ActionItem } from '../../db/action-item-repository';
import { weekdayName } from '../../domain/meeting-schedule';
import { formatOffset } from '../../domain/reminders';
import type { MeetingSettingsView } from '../../workflows/meeting-settings';
import type { NoteTakersView } from '../../workflows/note-takers';
import { context, escapeMrkdwn, fields, header, section, type SlackAnswer } from './block-kit';
import { formatDate, mention } from './format';

/** `/kfrelease meeting`: the weekly meeting and the reminder settings. */
export function meetingSettingsBlocks(view: MeetingSettingsView, lead?: string): SlackAnswer {
  const m = view.meeting;
  const r = view.reminders;
  const reminders = `*Deadline reminders:* ${r.offsets.map(formatOffset).join(', ')} before, at ${r.sendTime} · quiet hours ${r.quietStart}-${r.quietEnd} (${view.release.timeZone})${r.custom ? '' : ' · _defaults_'}`;
  const meeting = m
    ? fields([
        `*When*\n${weekdayName(m.weekday)}s at ${m.time} (${m.zone})`,
        `*Channel*\n<#${m.channel}>`,
        `*Agenda*\n${m.agendaHours} h before`,
        `*Notes*\n${m.notesUrl ? `<${m.notesUrl}|document>` : '_none_'}`,
      ])
    : section(
        'No weekly meeting is set. The release manager sets it with `/kfrelease meeting set tue 16:00`.',
      );
  return {
    text: lead ?? `Release team meeting of Kubeflow ${view.release.version}`,
    blocks: [
      ...(lead ? [section(lead)] : []),
      header(`Release team meeting, Kubeflow ${view.release.version}`),
      meeting,
      section(reminders),
      context(
        'Change with `/kfrelease meeting set day=thu time=15:00 agenda=24h notes=https://...` and `/kfrelease reminders set offsets=7d,1d,0d at=09:00 quiet=20:00-08:00`.',
      ),
    ],
  };
}

/** `/kfrelease notetaker`: the next note-takers. */
export function noteTakersBlocks(view: NoteTakersView, lead?: string): SlackAnswer {
  const lines = view.upcoming.map((t, i) => {
    const when = DateTime.fromISO(t.at, { setZone: true }).toFormat('ccc d LLL, HH:mm');
    const who = t.member ? mention(t.member) : '_nobody: everyone is away_';
    return `${i === 0 ? '*Next:* ' : '• '}${when}: ${who}${t.swapped ? ' _(swapped)_' : ''}`;
  });
  return {
    text: lead ?? `Note-takers of Kubeflow ${view.version}`,
    blocks: [
      ...(lead ? [section(lead)] : []),
      header(`Note-takers, Kubeflow ${view.version}`),
      section(lines.length > 0 ? lines.join('\n') : 'No meetings left in this cycle.'),
      context(
        `Rotation (by GitHub login): ${view.members.map((m) => escapeMrkdwn(m.name)).join(', ') || '_no liaisons on the team_'} · \`/kfrelease away <from> <to>\` · \`/kfrelease notetaker swap @someone\``,
      ),
    ],
  };
}

/** `/kfrelease action`: open action items. */
export function actionItemsBlocks(version: string, items: ActionItem[], lead?: string): SlackAnswer {
  const lines = items.map((i) => `• *#${i.id}* ${escapeMrkdwn(i.text)}${i.owner ? ` · <@${i.owner}>` : ''}`);
  return {
    text: lead ?? `Action items of Kubeflow ${version}`,
    blocks: [
      ...(lead ? [section(lead)] : []),
      header(`Action items, Kubeflow ${version}`),
      section(lines.length > 0 ? lines.join('\n') : 'No open action items.'),
      context('`/kfrelease action add <text> @owner` · `/kfrelease action done <id>`'),
    ],
  };
}

/** The answer to `/kfrelease away`. */
export function awayBlocks(fromOn: string, toOn: string): SlackAnswer {
  const text = `You are marked away from ${formatDate(fromOn)} to ${formatDate(toOn)}: the note-taking rotation skips you and you are first in line when back.`;
  return { text, blocks: [section(`:palm_tree: ${text}`)] };
}

/** `/kfrelease away` alone: the person's away dates from today on. */
export function awayListBlocks(periods: { fromOn: string; toOn: string }[]): SlackAnswer {
  if (periods.length === 0) {
    const text = 'You are not marked away from today on.';
    return { text, blocks: [section(text), context(`Mark yourself away with \`${AWAY_EXAMPLE}\`.`)] };
  }
  const lines = periods.map(
    (p) =>
      `• ${p.fromOn === p.toOn ? formatDate(p.fromOn) : `${formatDate(p.fromOn)} to ${formatDate(p.toOn)}`}`,
  );
  const text = `You are marked away:\n${lines.join('\n')}`;
  return {
    text,
    blocks: [
      section(`:palm_tree: ${text}`),
      context('Take back dates that have not started with `/kfrelease away cancel <first day>`.'),
    ],
  };
}

/** Away dates taken back. */
export function awayCancelledBlocks(fromOn: string, toOn: string): SlackAnswer {
  const text = `You are no longer marked away from ${formatDate(fromOn)} to ${formatDate(toOn)}: the note-taking rotation counts you on those dates again.`;
  return { text, blocks: [section(text)] };
}

const AWAY_EXAMPLE = '/kfrelease away 2026-05-18 2026-05-22';
