import type { Agenda, AgendaLine, AgendaSection } from '../../domain/agenda';
import { bold, code, join, link, md, strike, text, type Mrkdwn } from '../../text/mrkdwn';
import {
  answer,
  context,
  divider,
  header,
  listSection,
  section,
  type Block,
  type SlackAnswer,
} from './block-kit';
import { mention } from './format';

/** Slack allows 50 blocks per message: the agenda's sections stay well below. */
const MAX_SECTIONS = 40;

function line(l: AgendaLine): Mrkdwn {
  const people = l.people && l.people.length > 0 ? md` · ${join(l.people.map(mention))}` : '';
  const shown = md`${l.text}${people}`;
  return l.done ? md`• :white_check_mark: ${strike(shown)}` : md`• ${shown}`;
}

function agendaSection(s: AgendaSection): Block {
  const seeAll = code(s.seeAll ?? '/kfrelease agenda');
  return listSection(bold(s.title), s.lines.map(line), seeAll);
}

/** The weekly agenda as a Slack message. */
export function agendaBlocks(agenda: Agenda): SlackAnswer {
  const sections: Block[] = agenda.sections.slice(0, MAX_SECTIONS).map(agendaSection);
  const hidden = agenda.sections.length - sections.length;
  if (hidden > 0) sections.push(context(md`_and ${hidden} more sections: ${code('/kfrelease agenda')}_`));
  const noteTaker = agenda.noteTaker ? mention(agenda.noteTaker) : md`_nobody (everyone is away)_`;
  const notes = agenda.notesUrl ? md` · ${link(agenda.notesUrl, 'meeting notes', { allowHttp: true })}` : '';
  return answer(text(agenda.summary), [
    header(agenda.title),
    context(text(agenda.summary)),
    ...sections,
    divider(),
    section(md`*Note-taker:* ${noteTaker}${notes}`),
    context(
      md`Add action items with \`/kfrelease action add <text> @owner\`; close them with \`/kfrelease action done <id>\`.`,
    ),
  ]);
}
