import type { Agenda, AgendaLine } from '../../domain/agenda';
import { context, divider, escapeMrkdwn, header, section, type Block, type SlackAnswer } from './block-kit';
import { mention } from './format';

/** Slack allows 50 blocks per message; an agenda stays well below. */
const MAX_SECTIONS = 40;

function line(l: AgendaLine): string {
  const people = l.people && l.people.length > 0 ? ` · ${l.people.map(mention).join(', ')}` : '';
  const text = `${escapeMrkdwn(l.text)}${people}`;
  return l.done ? `• :white_check_mark: ~${text}~` : `• ${text}`;
}

/** The weekly agenda as a Slack message. */
export function agendaBlocks(agenda: Agenda): SlackAnswer {
  const sections: Block[] = agenda.sections
    .slice(0, MAX_SECTIONS)
    .map((s) => section(`*${escapeMrkdwn(s.title)}*\n${s.lines.map(line).join('\n')}`));
  const noteTaker = agenda.noteTaker ? mention(agenda.noteTaker) : '_nobody (everyone is away)_';
  return {
    text: agenda.summary,
    blocks: [
      header(agenda.title),
      context(escapeMrkdwn(agenda.summary)),
      ...sections,
      divider(),
      section(`*Note-taker:* ${noteTaker}${agenda.notesUrl ? ` · <${agenda.notesUrl}|meeting notes>` : ''}`),
      context(
        'Add action items with `/kfrelease action add <text> @owner`; close them with `/kfrelease action done <id>`.',
      ),
    ],
  };
}

/** The agenda as plain text, for the command line. */
export function agendaText(agenda: Agenda): string {
  const lines = [agenda.title, agenda.summary];
  for (const s of agenda.sections) {
    lines.push('', `${s.title}:`);
    for (const l of s.lines) {
      const people = l.people?.length ? ` (${l.people.map((p) => p.name).join(', ')})` : '';
      lines.push(`  ${l.done ? '[done] ' : '- '}${l.text}${people}`);
    }
  }
  lines.push(
    '',
    `Note-taker: ${agenda.noteTaker?.name ?? 'nobody'}${agenda.notesUrl ? ` · notes: ${agenda.notesUrl}` : ''}`,
  );
  return lines.join('\n');
}
