import type { Datepicker, PlainTextInput, RadioButtons, StaticSelect } from '@slack/types';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { findPlanItem, type PlanChange } from '../../domain/plan-items';
import { daysUntil, isSkipped, type Timeline } from '../../domain/timeline';
import { bold, code, join, lines, md, type Mrkdwn } from '../../text/mrkdwn';
import type { PhaseEndRef } from '../../workflows/phase-ends';
import type { ReplanEffects, ReplanForm, ReplanSaved } from '../../workflows/replan-release';
import {
  context,
  fields,
  input,
  LIMITS,
  listSection,
  modal,
  option,
  plain,
  section,
  type Block,
  type ModalView,
} from './block-kit';
import { formatDate, plural } from './format';
import { conflictLines } from './plan-blocks';

export const REPLAN_VIEW = 'release_replan';
/** The form's fields: each is its block's id and its element's action id. */
export const REPLAN_FIELDS = {
  item: 'replan_item',
  date: 'replan_date',
  scope: 'replan_scope',
  reason: 'replan_reason',
} as const;

export interface ReplanViewMetadata {
  release: string;
  /** The plan revision the preview was made from: saving over a newer one is refused. */
  planRevision: number;
  /** Opened from a phase-end message: the phase end the re-plan extends. */
  phaseEnd?: PhaseEndRef & { name: string };
}

/** What the release manager chose in the form so far. */
export interface ReplanChoice {
  item: string | null;
  date: string | null;
  moveLater: boolean;
}

const SEE_TIMELINE = md`${code('/kfrelease timeline')}`;
const short = (date: string) => DateTime.fromISO(date).toFormat('ccc d LLL');
const scopeOptions = [
  option('Move the later dates with it', 'later'),
  option('Only this date: the later dates stay', 'only'),
];

const selected = z.object({ selected_option: z.object({ value: z.string() }).nullish() });
const picked = z.object({ selected_date: z.string().nullish() });
const typed = z.object({ value: z.string().nullish() });

/** The form's values as Slack holds them (view.state.values), read for what the form asks. */
export function replanChoice(values: unknown): ReplanChoice & { reason: string } {
  const state = z.record(z.string(), z.record(z.string(), z.unknown())).safeParse(values);
  const field = (key: keyof typeof REPLAN_FIELDS) =>
    state.success ? state.data[REPLAN_FIELDS[key]]?.[REPLAN_FIELDS[key]] : undefined;
  const item = selected.safeParse(field('item')).data?.selected_option?.value ?? null;
  const date = picked.safeParse(field('date')).data?.selected_date ?? null;
  const scope = selected.safeParse(field('scope')).data?.selected_option?.value;
  const reason = typed.safeParse(field('reason')).data?.value ?? '';
  return { item, date, moveLater: scope === 'later', reason };
}

function itemSelect(timeline: Timeline, chosen: string | null): StaticSelect {
  const milestones = timeline.milestones.map((m) =>
    option(`${m.name} (${m.key}) · ${formatDate(m.dueOn)}`, m.key),
  );
  const phases = timeline.phases.map((p) => option(`${p.name} · from ${formatDate(p.startsOn)}`, p.key));
  const key = chosen ? findPlanItem(timeline, chosen)?.key : undefined;
  const initial = [...milestones, ...phases].find((o) => o.value === key);
  return {
    type: 'static_select',
    action_id: REPLAN_FIELDS.item,
    placeholder: plain('Choose a milestone or a phase', LIMITS.placeholder),
    option_groups: [
      { label: plain('Milestones', LIMITS.optionText), options: milestones.slice(0, LIMITS.options) },
      {
        label: plain('Phases (their first day)', LIMITS.optionText),
        options: phases.slice(0, LIMITS.options),
      },
    ],
    ...(initial ? { initial_option: initial } : {}),
  };
}

/** One line per changed milestone, and per phase its new span (or the one end that moved). */
export function changeLines(changes: PlanChange[], proposed: Timeline): Mrkdwn[] {
  const groups = new Map<string, PlanChange[]>();
  for (const c of changes) groups.set(`${c.kind}:${c.key}`, [...(groups.get(`${c.kind}:${c.key}`) ?? []), c]);
  return [...groups.values()].flatMap(([first, second]) => {
    if (!first) return [];
    if (first.kind === 'milestone')
      return [md`• ${bold(first.name)}: ${formatDate(first.from)} → ${bold(formatDate(first.to))}`];
    const phase = proposed.phases.find((p) => p.key === first.key);
    const skipped = phase && isSkipped(phase) ? md` _(no days left: skipped)_` : md``;
    if (!second)
      return [
        md`• ${bold(first.name)} ${first.what}: ${formatDate(first.from)} → ${bold(formatDate(first.to))}${skipped}`,
      ];
    const span = (from: string, to: string) => `${formatDate(from)} – ${formatDate(to)}`;
    return [
      md`• ${bold(first.name)}: ${span(first.from, second.from)} → ${bold(span(first.to, second.to))}${skipped}`,
    ];
  });
}

function releaseDayLine({ from, to }: ReplanEffects['releaseDay']): Mrkdwn {
  if (!to) return md`:calendar: This plan has no release day.`;
  if (!from || from === to) return md`:calendar: Release day stays *${formatDate(to)}*.`;
  const days = daysUntil(from, to);
  const how = `${plural(Math.abs(days), 'day')} ${days > 0 ? 'later' : 'earlier'}`;
  return md`:calendar: *Release day moves* from ${formatDate(from)} to *${formatDate(to)}* (${how}).`;
}

/** Release day, the holidays and conferences the moved dates fall on, and weekends. */
function effectBlocks(effects: ReplanEffects, proposed: Timeline): Block[] {
  const blocks: Block[] = [
    listSection(md`*What changes*`, changeLines(effects.changes, proposed), SEE_TIMELINE),
    section(releaseDayLine(effects.releaseDay)),
  ];
  const conflicts = conflictLines(effects.conflicts);
  blocks.push(
    conflicts.length > 0
      ? listSection(
          md`:warning: *Moved dates on holidays or conferences* (not a block):`,
          conflicts,
          SEE_TIMELINE,
        )
      : context(md`:white_check_mark: No moved date falls on a holiday or conference of the calendar.`),
  );
  if (effects.weekend.length > 0) {
    const names = join(effects.weekend.map((m) => md`${m.name} (${formatDate(m.dueOn)})`));
    blocks.push(section(md`:warning: Now on a weekend: ${names}.`));
  }
  return blocks;
}

/** A plan in one column: each phase's span (or that it is skipped), then each milestone's date. */
function planColumn(title: Mrkdwn, timeline: Timeline, changed: Set<string>): Mrkdwn {
  const mark = (key: string, value: string) => (changed.has(key) ? bold(value) : md`${value}`);
  const phases = timeline.phases.map((p) =>
    mark(p.key, isSkipped(p) ? `${p.name}: skipped` : `${p.name}: ${short(p.startsOn)} – ${short(p.endsOn)}`),
  );
  const milestones = timeline.milestones.map((m) => mark(m.key, `${m.key}: ${short(m.dueOn)}`));
  return lines(title, ...phases, ...milestones);
}

function previewBlocks(form: ReplanForm): Block[] {
  const { preview } = form;
  if (!preview)
    return [
      context(
        md`Choose a milestone or phase and its new date: the new plan shows here, next to the current one, before anything is saved.`,
      ),
    ];
  const changed = new Set(preview.changes.map((c) => c.key));
  return [
    ...effectBlocks(preview, preview.proposed),
    fields([
      planColumn(md`*Current plan* (plan ${preview.planRevision})`, preview.current, new Set()),
      planColumn(md`*New plan*`, preview.proposed, changed),
    ]),
  ];
}

/**
 * The re-plan form: which milestone or phase, its new date, whether the later dates move with it,
 * and why. Each choice updates the form (views.update) with the new plan next to the current one,
 * release day and the holidays and conferences the moved dates fall on, or the problem under the
 * field it is about, all before anything is saved.
 */
export function replanView(params: {
  form: ReplanForm;
  choice: ReplanChoice;
  notice?: Mrkdwn;
  phaseEnd?: ReplanViewMetadata['phaseEnd'];
}): ModalView {
  const { form, choice, phaseEnd } = params;
  const metadata: ReplanViewMetadata = {
    release: form.version,
    planRevision: form.planRevision,
    ...(phaseEnd ? { phaseEnd } : {}),
  };
  const extending = phaseEnd
    ? [
        section(
          md`Extending *${phaseEnd.name}*, which ended ${formatDate(phaseEnd.endsOn)} with criteria unmet: the phase after it starts later. Change the date, or keep the later dates where they are, before saving.`,
        ),
      ]
    : [];
  const problemUnder = (field: 'item' | 'date' | 'reason'): Block[] =>
    form.problem?.field === field ? [context(md`:warning: ${form.problem.text}`)] : [];
  const date: Datepicker = {
    type: 'datepicker',
    action_id: REPLAN_FIELDS.date,
    placeholder: plain('The new date', LIMITS.placeholder),
    ...(choice.date && DateTime.fromISO(choice.date).isValid ? { initial_date: choice.date } : {}),
  };
  const scope: RadioButtons = {
    type: 'radio_buttons',
    action_id: REPLAN_FIELDS.scope,
    options: scopeOptions,
    initial_option: scopeOptions[choice.moveLater ? 0 : 1],
  };
  const reason: PlainTextInput = {
    type: 'plain_text_input',
    action_id: REPLAN_FIELDS.reason,
    multiline: true,
    max_length: 1000,
  };
  const field = (
    key: 'item' | 'date' | 'scope',
    label: string,
    element: StaticSelect | Datepicker | RadioButtons,
  ) => input({ blockId: REPLAN_FIELDS[key], label, element, dispatchAction: true });
  return modal({
    callbackId: REPLAN_VIEW,
    title: `Re-plan ${form.version}`,
    submit: 'Save the new plan',
    close: 'Cancel',
    privateMetadata: JSON.stringify(metadata),
    blocks: [
      context(
        md`Kubeflow ${form.version} · plan ${form.planRevision} · today ${formatDate(form.today)}. Nothing is saved until you press Save; the first plan and every re-plan are kept.`,
      ),
      ...extending,
      ...(params.notice ? [section(md`:warning: ${params.notice}`)] : []),
      field('item', 'Milestone or phase', itemSelect(form.timeline, choice.item)),
      ...problemUnder('item'),
      field('date', 'New date', date),
      ...problemUnder('date'),
      field('scope', 'The dates after it', scope),
      ...previewBlocks(form),
      input({
        blockId: REPLAN_FIELDS.reason,
        label: 'Why (goes into the plan and the decision log)',
        element: reason,
      }),
      ...problemUnder('reason'),
    ],
  });
}

/** What the release manager sees once the new plan is saved. */
export function replanSavedView(saved: ReplanSaved): ModalView {
  const how = saved.moveLater ? 'with every date after it' : 'only that date';
  const told = saved.announced
    ? 'The release channel has been told.'
    : 'The release has no channel, so nobody was told.';
  return modal({
    callbackId: 'release_replan_done',
    title: 'Plan saved',
    close: 'Done',
    blocks: [
      section(
        md`:white_check_mark: Saved as plan ${saved.savedRevision} of Kubeflow ${saved.version}: ${bold(saved.item.name)} from ${formatDate(saved.item.date)} to ${bold(formatDate(saved.newDate))}, ${how}.\nReason: ${saved.reason}`,
      ),
      ...effectBlocks(saved, saved.proposed),
      context(
        md`${told} The decision is in ${code('/kfrelease decisions')}, the dates in ${code('/kfrelease timeline')}.`,
      ),
    ],
  });
}
