import type { PersonRef } from '../../domain/agenda';
import type { DeadlineMessage } from '../../domain/reminder-message';
import { context, escapeMrkdwn, section, type SlackAnswer } from './block-kit';
import { formatDate, mention } from './format';

const who = (people: PersonRef[]) =>
  people.length > 0 ? people.map(mention).join(' ') : '_no liaison named_';

/** A deadline reminder or escalation: the headline, one line per thing owed with its people. */
export function deadlineBlocks(message: DeadlineMessage): SlackAnswer {
  const lines = message.lines.map((item) => `• ${escapeMrkdwn(item.what)}: ${who(item.people)}`);
  return {
    text: message.headline,
    blocks: [
      section(`:alarm_clock: *${escapeMrkdwn(message.headline)}*`),
      ...(lines.length > 0 ? [section(lines.join('\n'))] : []),
      context(escapeMrkdwn(message.footer)),
    ],
  };
}

/** The direct message that tells the note-taker, the day before. */
export function noteTakerNoticeBlocks(params: {
  version: string;
  meetingOn: string;
  when: string;
  notesUrl: string | null;
}): SlackAnswer {
  const text = `You take the notes at the Kubeflow ${params.version} release team meeting, ${params.when}.`;
  return {
    text,
    blocks: [
      section(`:memo: ${escapeMrkdwn(text)}`),
      section(
        params.notesUrl ? `Notes document: ${params.notesUrl}` : 'The meeting has no notes document set.',
      ),
      context(
        `Can't make it on ${formatDate(params.meetingOn)}? Swap with \`/kfrelease notetaker swap @someone\`.`,
      ),
    ],
  };
}

/** To the release manager, once: scheduled posts skipped because kfrelease was down past their use. */
export function missedNoteBlocks(params: { version: string; items: string[] }): SlackAnswer {
  const text = `kfrelease was not running when these Kubeflow ${params.version} posts were due, and it is too late for them now, so they were skipped:`;
  return {
    text,
    blocks: [
      section(`:warning: ${escapeMrkdwn(text)}`),
      section(params.items.map((i) => `• ${escapeMrkdwn(i)}`).join('\n')),
      context(
        'Each is recorded as skipped and will not be posted. `kfrelease rehearse` shows what comes next.',
      ),
    ],
  };
}
