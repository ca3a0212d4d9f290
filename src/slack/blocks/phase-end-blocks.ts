import type { PlainTextInput } from '@slack/types';
import type { ItemState } from '../../domain/phase-checklist';
import { code, lines, md, type Mrkdwn } from '../../text/mrkdwn';
import type { PhaseEndRef, PhaseEndReview } from '../../workflows/phase-ends';
import {
  actions,
  answer,
  button,
  context,
  input,
  listSection,
  modal,
  section,
  type Block,
  type ModalView,
  type SlackAnswer,
} from './block-kit';
import { actor, formatDate, plural } from './format';
import { itemLine } from './phase-blocks';

/** The buttons of a phase-end message; each carries the phase end it is about (phaseEndValue). */
export const PHASE_END_ACTIONS = {
  extend: 'phase_end_extend',
  moveOn: 'phase_end_move_on',
  checklist: 'phase_end_checklist',
} as const;

/** The form that asks why the release manager moves on. */
export const MOVE_ON_VIEW = 'phase_end_move_on';
export const MOVE_ON_REASON = 'phase_end_reason';

const SEE_CHECKLIST = md`${code('/kfrelease phase')}`;

/** A phase end, as a button value or a form's private metadata. */
export function phaseEndValue(ref: PhaseEndRef): string {
  return JSON.stringify({ release: ref.version, phase: ref.phase, endsOn: ref.endsOn });
}

const refOf = (review: PhaseEndReview): PhaseEndRef => ({
  version: review.version,
  phase: review.phase.key,
  endsOn: review.phase.endsOn,
});

function unmetLines(review: PhaseEndReview): Mrkdwn[] {
  return review.unmet.map((u) => md`• ${code(u.id)} ${u.title}`);
}

function decisionLine(review: PhaseEndReview): Mrkdwn {
  const d = review.decision;
  if (!d) return md``;
  if (d.decision === 'moved_on')
    return md`:arrow_right: ${actor(d.actor)} moved on on ${formatDate(d.at.slice(0, 10))}: ${d.reason}`;
  const until = review.extendedTo ? md`: it now ends ${formatDate(review.extendedTo)}` : md``;
  return md`:calendar: ${actor(d.actor)} extended ${review.phase.name}${until} (plan ${d.planRevision ?? '?'}).`;
}

/**
 * The release manager's message when a phase ended with required criteria unmet: which ones, and
 * three buttons: extend the phase (the re-plan form), move on (asks why), open the checklist. Once
 * decided, the same message shows the decision instead of the buttons.
 */
export function phaseEndPost(review: PhaseEndReview): SlackAnswer {
  const { phase } = review;
  const count = plural(review.unmet.length, 'required criterion', 'required criteria');
  const head = md`:warning: *${phase.name}* of Kubeflow ${review.version} ended ${formatDate(phase.endsOn)} with ${count} unmet:`;
  const blocks: Block[] = [listSection(head, unmetLines(review), SEE_CHECKLIST)];
  const value = phaseEndValue(refOf(review));
  const checklist = button({ actionId: PHASE_END_ACTIONS.checklist, text: 'Open the checklist', value });
  if (review.decision) {
    blocks.push(section(decisionLine(review)), actions('phase_end', [checklist]));
  } else {
    const next = review.next
      ? md`${review.next.name} was planned to start ${formatDate(review.next.startsOn)}. `
      : md``;
    blocks.push(
      section(
        md`${next}Your call as release manager: extend ${phase.name} (a re-plan, previewed before it is saved), or move on and say why (it goes into the decision log).`,
      ),
      actions('phase_end', [
        ...(review.next
          ? [button({ actionId: PHASE_END_ACTIONS.extend, text: `Extend ${phase.name}`, value })]
          : []),
        button({ actionId: PHASE_END_ACTIONS.moveOn, text: 'Move on…', value, style: 'primary' }),
        checklist,
      ]),
      context(
        md`Ticking the items (${code('/kfrelease check <id>')}) does not decide it; the next agenda lists what is still unmet.`,
      ),
    );
  }
  return answer(md`${phase.name} of Kubeflow ${review.version} ended with ${count} unmet`, blocks);
}

/** The form that asks why the release manager moves on, with the criteria left unmet. */
export function moveOnView(review: PhaseEndReview): ModalView {
  const reason: PlainTextInput = {
    type: 'plain_text_input',
    action_id: MOVE_ON_REASON,
    multiline: true,
    min_length: 3,
    max_length: 1000,
  };
  return modal({
    callbackId: MOVE_ON_VIEW,
    title: 'Move on',
    submit: 'Move on',
    close: 'Cancel',
    privateMetadata: phaseEndValue(refOf(review)),
    blocks: [
      listSection(
        md`Moving on from *${review.phase.name}* of Kubeflow ${review.version} with these criteria unmet:`,
        unmetLines(review),
        SEE_CHECKLIST,
      ),
      input({
        blockId: MOVE_ON_REASON,
        label: 'Why (goes into the decision log and the release channel)',
        element: reason,
      }),
    ],
  });
}

/** One phase's whole checklist, read-only. */
export function phaseChecklistView(view: {
  version: string;
  phase: { name: string; startsOn: string; endsOn: string };
  items: ItemState[];
}): ModalView {
  const done = view.items.filter((i) => i.done).length;
  const title = md`*${view.phase.name}* of Kubeflow ${view.version} (${formatDate(view.phase.startsOn)} – ${formatDate(view.phase.endsOn)}): ${done} of ${view.items.length} done`;
  return modal({
    callbackId: 'phase_end_checklist_view',
    title: 'Checklist',
    close: 'Close',
    blocks: [
      view.items.length > 0
        ? listSection(title, view.items.map(itemLine), SEE_CHECKLIST)
        : section(lines(title, md`_no checklist for this phase_`)),
      context(md`Tick an item with ${code('/kfrelease check <id>')}.`),
    ],
  });
}
