import type { ItemState } from '../../domain/phase-checklist';
import { daysUntil } from '../../domain/timeline';
import type { DelayResult } from '../../workflows/delay-milestone';
import type { AdvanceResult, PhaseView } from '../../workflows/phase-control';
import { context, escapeMrkdwn, header, section, type Block, type SlackAnswer } from './block-kit';
import { formatCountdown, formatDate } from './format';
import { conflictLines } from './plan-blocks';

const who = (actor: string) => (actor.startsWith('cli:') ? escapeMrkdwn(actor.slice(4)) : `<@${actor}>`);
const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

/** One checklist item: done or not, how, and for a per-distribution item, each distribution. */
function itemLine(state: ItemState): string {
  const { item } = state;
  const mark = state.done ? ':white_check_mark:' : item.optional ? ':white_circle:' : ':red_circle:';
  const how =
    state.doneBy === 'auto'
      ? ` _(kfrelease: ${escapeMrkdwn(state.autoNote ?? 'seen')})_`
      : state.tick
        ? ` _(ticked by ${who(state.tick.by)} ${state.tick.at.slice(0, 10)})_`
        : !state.done && item.auto && state.autoNote
          ? ` _(${escapeMrkdwn(state.autoNote)})_`
          : '';
  const scopes =
    state.scopes.length > 0
      ? `\n      ${state.scopes.map((s) => `${s.tick ? ':white_check_mark:' : ':hourglass:'} ${escapeMrkdwn(s.scope)}`).join('  ')}`
      : item.per
        ? `\n      _no ${item.per === 'distribution' ? 'distribution representative is' : 'working group is'} on the team yet_`
        : '';
  return `${mark} \`${item.id}\` ${escapeMrkdwn(item.title)}${item.optional ? ' _(optional)_' : ''}${how}${scopes}`;
}

/** `/kfrelease phase`: the current phase, its checklist, and the phases running alongside it. */
export function phaseBlocks(view: PhaseView): SlackAnswer {
  const { current, next, started } = view.position;
  const blocks: Block[] = [header(`Kubeflow ${view.version}: ${current.name}`)];
  const when = started
    ? `${formatDate(current.startsOn)} – ${formatDate(current.endsOn)}`
    : `starts ${formatDate(current.startsOn)}, ${formatCountdown(daysUntil(view.today, current.startsOn))}`;
  const nextLine = next
    ? `Next: *${next.name}* from ${formatDate(next.startsOn)}`
    : 'This is the last phase of the cycle.';
  const entered = view.enteredBy
    ? `\n:arrow_right: Moved here by ${who(view.enteredBy.actor)} on ${formatDate(view.enteredBy.onDate)}${view.enteredBy.daysEarly > 0 ? `, ${days(view.enteredBy.daysEarly)} early` : ''}${view.enteredBy.reason ? `: ${escapeMrkdwn(view.enteredBy.reason)}` : ''}`
    : '';
  blocks.push(section(`${when} · ${nextLine}${entered}`));
  for (const s of view.sections) {
    const done = s.items.filter((i) => i.done).length;
    const title = `*${s.phase.name}*${s.alongside ? ' _(alongside)_' : ''}: ${done} of ${s.items.length} done`;
    blocks.push(section(`${title}\n${s.items.map(itemLine).join('\n') || '_no checklist for this phase_'}`));
  }
  const unmet =
    view.unmet.length > 0
      ? `${view.unmet.length} criteria are not met yet: the release manager can still move on, with a reason.`
      : 'Every criterion is met.';
  blocks.push(
    context(
      `${unmet} Tick an item with \`/kfrelease check <id>\`, untick with \`/kfrelease uncheck <id>\`; the release manager moves on with \`/kfrelease phase advance [reason]\`.`,
    ),
  );
  return { text: `Kubeflow ${view.version}: ${current.name}, ${view.unmet.length} criteria unmet`, blocks };
}

/** The answer to `/kfrelease check` and `uncheck`. */
export function checkedBlocks(
  result: {
    version: string;
    state: ItemState;
    scope: string;
    changed: boolean;
  },
  checked: boolean,
): SlackAnswer {
  const { item } = result.state;
  const forScope = result.scope ? ` for ${escapeMrkdwn(result.scope)}` : '';
  const line = result.changed
    ? `${checked ? ':white_check_mark: Ticked' : ':leftwards_arrow_with_hook: Unticked'} \`${item.id}\` ${escapeMrkdwn(item.title)}${forScope} (${result.version}).`
    : `\`${item.id}\`${forScope} was ${checked ? 'already ticked' : 'not ticked'}; nothing changed.`;
  const still =
    checked && !result.state.done && item.per ? ' The item is done when every one has ticked it.' : '';
  const auto =
    !checked && result.state.doneBy === 'auto' ? ' kfrelease still counts it as done from what it sees.' : '';
  return {
    text: line,
    blocks: [section(`${line}${still}${auto}`), context('See the whole checklist with `/kfrelease phase`.')],
  };
}

/** The answer to `/kfrelease phase advance`. */
export function advancedBlocks(result: AdvanceResult): SlackAnswer {
  const replanned = result.planRevision
    ? ` It starts ${days(result.daysEarly)} early: re-planned as plan ${result.planRevision}, every later phase and milestone ${days(result.daysEarly)} earlier; the first plan is kept.`
    : '';
  const lines = [
    `:arrow_right: Kubeflow ${result.version} moved from *${result.from.name}* to *${result.to.name}* today (${formatDate(result.today)}).${replanned}`,
  ];
  if (result.unmet.length > 0) {
    lines.push(
      `${result.unmet.length} criteria were not met: ${result.unmet.map((s) => `\`${s.item.id}\``).join(', ')}. Reason recorded: ${escapeMrkdwn(result.reason)}`,
    );
  } else if (result.reason) {
    lines.push(`Reason recorded: ${escapeMrkdwn(result.reason)}`);
  }
  if (result.weekend.length > 0) {
    const names = result.weekend.map((m) => `${escapeMrkdwn(m.name)} (${formatDate(m.dueOn)})`);
    lines.push(
      `:warning: Now on a weekend: ${names.join(', ')}. Move it with \`/kfrelease delay\` if that matters.`,
    );
  }
  return {
    text: `Kubeflow ${result.version} moved to ${result.to.name}`,
    blocks: [
      section(lines.join('\n')),
      context('Recorded in `/kfrelease decisions`; the dates are in `/kfrelease timeline`.'),
    ],
  };
}

/** The answer to `/kfrelease delay`. */
export function delayedBlocks(result: DelayResult): SlackAnswer {
  const moved = result.moved.map(
    (m) => `• ${escapeMrkdwn(m.name)}: ${formatDate(m.from)} → ${formatDate(m.to)}`,
  );
  const blocks: Block[] = [
    section(
      `:calendar: Delayed *${escapeMrkdwn(result.item.name)}* of ${result.version} from ${formatDate(result.item.date)} to ${formatDate(result.newDate)} (${days(result.days)}), and everything after it by the same ${days(result.days)} (calendar days). This is plan ${result.planRevision}; the first plan and every re-plan are kept.\nReason: ${escapeMrkdwn(result.reason)}`,
    ),
    section(`*Moved*\n${moved.join('\n')}`),
  ];
  if (result.weekend.length > 0) {
    blocks.push(
      section(
        `:warning: Now on a weekend: ${result.weekend.map((m) => `${escapeMrkdwn(m.name)} (${formatDate(m.dueOn)})`).join(', ')}. Delay it again to a weekday if that matters.`,
      ),
    );
  }
  const conflicts = conflictLines(result.conflicts);
  if (conflicts.length > 0)
    blocks.push(section(`:warning: *Moved dates on holidays or conferences*\n${conflicts.join('\n')}`));
  blocks.push(
    context(
      'The slip against the first plan shows in `/kfrelease timeline` and `/kfrelease status`; the decision in `/kfrelease decisions`.',
    ),
  );
  return { text: `Delayed ${result.item.name} of ${result.version} by ${days(result.days)}`, blocks };
}
