import type { PersonRef } from '../../domain/agenda';
import type { DeadlineMessage } from '../../domain/reminder-message';
import { bold, code, join, link, md, text, type Mrkdwn } from '../../text/mrkdwn';
import { answer, context, listSection, section, type SlackAnswer } from './block-kit';
import { formatDate, mention } from './format';

const who = (people: PersonRef[]): Mrkdwn =>
  people.length > 0 ? join(people.map(mention), ' ') : md`_no liaison named_`;

/** A deadline reminder or escalation: the headline, one line per thing owed with its people. */
export function deadlineBlocks(message: DeadlineMessage): SlackAnswer {
  const owed = message.lines.map((item) => md`• ${item.what}: ${who(item.people)}`);
  // Only the git revisions deadline owes more than one thing (one line per working group).
  return answer(text(message.headline), [
    section(md`:alarm_clock: ${bold(message.headline)}`),
    ...(owed.length > 0 ? [listSection(null, owed, md`${code('/kfrelease versions')}`)] : []),
    context(text(message.footer)),
  ]);
}

/** The direct message that tells the note-taker, the day before. */
export function noteTakerNoticeBlocks(params: {
  version: string;
  meetingOn: string;
  when: string;
  notesUrl: string | null;
  /** Set when the notes were someone else's and changed after their notice went out. */
  takesOverFrom?: string | null;
}): SlackAnswer {
  const instead =
    params.takesOverFrom === undefined
      ? ''
      : params.takesOverFrom
        ? ` instead of ${params.takesOverFrom}`
        : '';
  const notice = md`You take the notes at the Kubeflow ${params.version} release team meeting, ${params.when}${instead}.`;
  return answer(notice, [
    section(md`:memo: ${notice}`),
    section(
      params.notesUrl
        ? md`Notes: ${link(params.notesUrl, 'the notes document', { allowHttp: true })}`
        : md`The meeting has no notes document set.`,
    ),
    context(
      md`Can't make it on ${formatDate(params.meetingOn)}? Swap with \`/kfrelease notetaker swap @someone\`.`,
    ),
  ]);
}

/** To the note-taker relieved of a meeting's notes after their notice went out (a swap, away dates). */
export function noteTakerRelievedBlocks(params: {
  version: string;
  meetingOn: string;
  when: string;
  by: string | null;
}): SlackAnswer {
  const who = params.by ? md`${params.by} takes them` : md`nobody can take them (everyone is away)`;
  const notice = md`You no longer take the notes at the Kubeflow ${params.version} release team meeting, ${params.when}: ${who}.`;
  return answer(notice, [
    section(md`:arrows_counterclockwise: ${notice}`),
    context(md`See the rotation with \`/kfrelease notetaker\`.`),
  ]);
}

/** To the release manager, once: scheduled posts skipped because kfrelease was down past their use. */
export function missedNoteBlocks(params: { version: string; items: string[] }): SlackAnswer {
  const notice = md`kfrelease was not running when these Kubeflow ${params.version} posts were due, and it is too late for them now, so they were skipped:`;
  return answer(notice, [
    section(md`:warning: ${notice}`),
    listSection(
      null,
      params.items.map((i) => md`• ${i}`),
      // The posts of a past window, skipped ones included.
      md`${code(`kfrelease rehearse ${params.version} --from YYYY-MM-DD`)}`,
    ),
    context(
      md`Each is recorded as skipped and will not be posted. \`kfrelease rehearse\` shows what comes next.`,
    ),
  ]);
}
