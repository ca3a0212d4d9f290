import type { ItemState } from '../../domain/phase-checklist';
import { daysUntil } from '../../domain/timeline';
import { code, join, lines, md, type Mrkdwn } from '../../text/mrkdwn';
import type { DelayResult } from '../../workflows/delay-milestone';
import type { AdvanceResult } from '../../workflows/phase-advance';
import type { PhaseView } from '../../workflows/phase-control';
import { answer, context, header, listSection, section, type Block, type SlackAnswer } from './block-kit';
import { actor, formatCountdown, formatDate, plural } from './format';
import { conflictLines } from './plan-blocks';

const days = (n: number) => plural(n, 'day');
const SEE_CHECKLIST = md`${code('/kfrelease phase')}`;
const SEE_TIMELINE = md`${code('/kfrelease timeline')}`;

/** One checklist item: done or not, how, and for a per-distribution item, each distribution. */
export function itemLine(state: ItemState): Mrkdwn {
  const { item } = state;
  const mark = state.done ? ':white_check_mark:' : item.optional ? ':white_circle:' : ':red_circle:';
  const how =
    state.doneBy === 'auto'
      ? md` _(kfrelease: ${state.autoNote ?? 'seen'})_`
      : state.tick
        ? md` _(ticked by ${actor(state.tick.by)} ${state.tick.at.slice(0, 10)})_`
        : !state.done && item.auto && state.autoNote
          ? md` _(${state.autoNote})_`
          : md``;
  const scopes =
    state.scopes.length > 0
      ? md`\n      ${join(
          state.scopes.map((s) => md`${s.tick ? ':white_check_mark:' : ':hourglass:'} ${s.scope}`),
          '  ',
        )}`
      : item.per
        ? md`\n      _no ${item.per === 'distribution' ? 'distribution representative is' : 'working group is'} on the team yet_`
        : md``;
  return md`${mark} ${code(item.id)} ${item.title}${item.optional ? ' _(optional)_' : ''}${how}${scopes}`;
}

/** `/kfrelease phase`: the current phase, its checklist, and the phases running alongside it. */
export function phaseBlocks(view: PhaseView): SlackAnswer {
  const { current, next, started } = view.position;
  const blocks: Block[] = [header(`Kubeflow ${view.version}: ${current.name}`)];
  const when = started
    ? `${formatDate(current.startsOn)} – ${formatDate(current.endsOn)}`
    : `starts ${formatDate(current.startsOn)}, ${formatCountdown(daysUntil(view.today, current.startsOn))}`;
  const nextLine = next
    ? md`Next: *${next.name}* from ${formatDate(next.startsOn)}`
    : md`This is the last phase of the cycle.`;
  const e = view.enteredBy;
  const entered = e
    ? md`\n:arrow_right: Moved here by ${actor(e.actor)} on ${formatDate(e.onDate)}${e.daysEarly > 0 ? `, ${days(e.daysEarly)} early` : ''}${e.reason ? md`: ${e.reason}` : md``}`
    : md``;
  blocks.push(section(md`${when} · ${nextLine}${entered}`));
  for (const s of view.sections) {
    const done = s.items.filter((i) => i.done).length;
    const title = md`*${s.phase.name}*${s.alongside ? ' _(alongside)_' : ''}: ${done} of ${s.items.length} done`;
    blocks.push(
      s.items.length > 0
        ? listSection(title, s.items.map(itemLine), SEE_CHECKLIST)
        : section(md`${title}\n_no checklist for this phase_`),
    );
  }
  const unmet =
    view.unmet.length > 0
      ? `${view.unmet.length} criteria are not met yet: the release manager can still move on, with a reason.`
      : 'Every criterion is met.';
  blocks.push(
    context(
      md`${unmet} Tick an item with \`/kfrelease check <id>\`, untick with \`/kfrelease uncheck <id>\`; the release manager moves on with \`/kfrelease phase advance [reason]\`.`,
    ),
  );
  return answer(md`Kubeflow ${view.version}: ${current.name}, ${view.unmet.length} criteria unmet`, blocks);
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
  const forScope = result.scope ? md` for ${result.scope}` : md``;
  const line = result.changed
    ? md`${checked ? ':white_check_mark: Ticked' : ':leftwards_arrow_with_hook: Unticked'} ${code(item.id)} ${item.title}${forScope} (${result.version}).`
    : md`${code(item.id)}${forScope} was ${checked ? 'already ticked' : 'not ticked'}; nothing changed.`;
  const still =
    checked && !result.state.done && item.per ? ' The item is done when every one has ticked it.' : '';
  const auto =
    !checked && result.state.doneBy === 'auto' ? ' kfrelease still counts it as done from what it sees.' : '';
  return answer(line, [
    section(md`${line}${still}${auto}`),
    context(md`See the whole checklist with \`/kfrelease phase\`.`),
  ]);
}

/** The answer to `/kfrelease phase advance`. */
export function advancedBlocks(result: AdvanceResult): SlackAnswer {
  const early = days(result.daysEarly);
  const releaseDay = result.releaseDay.to ? formatDate(result.releaseDay.to) : null;
  const later = result.moveLater
    ? md`every later phase and milestone ${early} earlier${releaseDay ? md` (release day now ${releaseDay})` : md``}`
    : md`the later dates stay where they were${releaseDay ? md` (release day ${releaseDay} too)` : md``}`;
  const replanned = result.planRevision
    ? md` It starts ${early} early: re-planned as plan ${result.planRevision}, ${later}; the first plan is kept.`
    : md``;
  const out: Mrkdwn[] = [
    md`:arrow_right: Kubeflow ${result.version} moved from *${result.from.name}* to *${result.to.name}* today (${formatDate(result.today)}).${replanned}`,
  ];
  if (result.unmet.length > 0) {
    const ids = join(result.unmet.map((s) => code(s.item.id)));
    out.push(md`${result.unmet.length} criteria were not met: ${ids}. Reason recorded: ${result.reason}`);
  } else if (result.reason) {
    out.push(md`Reason recorded: ${result.reason}`);
  }
  if (result.weekend.length > 0) {
    const names = join(result.weekend.map((m) => md`${m.name} (${formatDate(m.dueOn)})`));
    out.push(md`:warning: Now on a weekend: ${names}. Move it with \`/kfrelease replan\` if that matters.`);
  }
  return answer(md`Kubeflow ${result.version} moved to ${result.to.name}`, [
    section(lines(...out)),
    context(md`Recorded in \`/kfrelease decisions\`; the dates are in \`/kfrelease timeline\`.`),
  ]);
}

/** The answer to `/kfrelease delay`. */
export function delayedBlocks(result: DelayResult): SlackAnswer {
  const moved = result.moved.map((m) => md`• ${m.name}: ${formatDate(m.from)} → ${formatDate(m.to)}`);
  const blocks: Block[] = [
    section(
      md`:calendar: Delayed *${result.item.name}* of ${result.version} from ${formatDate(result.item.date)} to ${formatDate(result.newDate)} (${days(result.days)}), and everything after it by the same ${days(result.days)} (calendar days). This is plan ${result.planRevision}; the first plan and every re-plan are kept.\nReason: ${result.reason}`,
    ),
    listSection(md`*Moved*`, moved, SEE_TIMELINE),
  ];
  if (result.weekend.length > 0) {
    const names = join(result.weekend.map((m) => md`${m.name} (${formatDate(m.dueOn)})`));
    blocks.push(
      section(md`:warning: Now on a weekend: ${names}. Delay it again to a weekday if that matters.`),
    );
  }
  const conflicts = conflictLines(result.conflicts);
  if (conflicts.length > 0)
    blocks.push(listSection(md`:warning: *Moved dates on holidays or conferences*`, conflicts, SEE_TIMELINE));
  blocks.push(
    context(
      md`The slip against the first plan shows in \`/kfrelease timeline\` and \`/kfrelease status\`; the decision in \`/kfrelease decisions\`.`,
    ),
  );
  return answer(md`Delayed ${result.item.name} of ${result.version} by ${days(result.days)}`, blocks);
}
