import { DateTime } from 'luxon';
import { z } from 'zod';
import { findPlanItem, planItemKeys } from '../../domain/plan-items';
import { UserError } from '../../errors';
import { getDecisionPage } from '../../workflows/decision-log';
import { delayMilestone } from '../../workflows/delay-milestone';
import { advancePhase } from '../../workflows/phase-advance';
import { getPhaseView, setChecklistItem } from '../../workflows/phase-control';
import { readCalendar } from '../../workflows/calendar-file';
import { planRelease } from '../../workflows/plan-release';
import { replanForm } from '../../workflows/replan-release';
import { decisionLogBlocks } from '../blocks/decision-blocks';
import { takePage } from './page-args';
import { advancedBlocks, checkedBlocks, delayedBlocks, phaseBlocks } from '../blocks/phase-blocks';
import { planBlocks } from '../blocks/plan-blocks';
import { replanView } from '../blocks/replan-view';
import { code, md } from '../../text/mrkdwn';
import { freeText } from './command-tokens';
import {
  type CommandContext,
  type CommandWord,
  optionalVersion,
  parseArgs,
  releaseVersion,
  versionOnly,
} from './subcommand';
import { DELAY_USAGE, PLAN_RELEASE_USAGE } from '../../workflows/command-usages';
import type { SubcommandHandlers } from './lazy-subcommands';
import {
  DECISIONS_USAGE,
  REPLAN_USAGE,
  type ReleaseManagerSubcommandName,
} from './release-manager-subcommands';

const words = (min: number, message: string) => z.array(z.string()).min(min, message);

/** `--move-later`: the dates after the one moved come along by as many days. */
const isMoveLater = (word: CommandWord) => word.text.toLowerCase() === '--move-later';

/** `/kfrelease replan`: the form, refused before it opens to anyone but the release manager. */
function replan(ctx: CommandContext, args: CommandWord[]) {
  const [item, newDate] = parseArgs(
    z.array(z.string()).max(2, 'Give at most the milestone or phase and its new date.'),
    args.filter((w) => !isMoveLater(w)),
    REPLAN_USAGE,
  );
  const moveLater = args.some(isMoveLater);
  const form = replanForm(
    ctx.services,
    {
      userId: ctx.userId,
      version: releaseVersion(ctx),
      moveLater,
      ...(item ? { item } : {}),
      ...(newDate ? { newDate } : {}),
    },
    readCalendar().events,
  );
  const usage = md`Usage: ${code(REPLAN_USAGE)}, or choose them in the form.`;
  if (item !== undefined && !findPlanItem(form.timeline, item)) {
    const keys = planItemKeys(form.timeline).join(', ');
    throw new UserError(
      'bad_argument',
      md`"${item}" is not a milestone or phase of ${form.version}. Use one of: ${keys}.`,
      usage,
    );
  }
  if (newDate !== undefined && !(/^\d{4}-\d{2}-\d{2}$/.test(newDate) && DateTime.fromISO(newDate).isValid))
    throw new UserError('bad_argument', md`"${newDate}" is not a date; write it as YYYY-MM-DD.`, usage);
  return { view: replanView({ form, choice: { item: item ?? null, date: newDate ?? null, moveLater } }) };
}

function check(ctx: CommandContext, args: CommandWord[], checked: boolean) {
  const name = checked ? 'check' : 'uncheck';
  const [itemId = '', ...scope] = parseArgs(
    words(1, 'Give the id of the checklist item; `/kfrelease phase` lists them.'),
    args,
    `/kfrelease ${name} <item-id> [distribution or working group]`,
  );
  const result = setChecklistItem(ctx.services, {
    version: releaseVersion(ctx),
    userId: ctx.userId,
    itemId,
    scope: scope.length > 0 ? scope.join(' ') : null,
    checked,
  });
  return checkedBlocks(result, checked);
}

/** What the release-manager subcommands do; loaded the first time one of them runs. */
export const RELEASE_MANAGER_HANDLERS: SubcommandHandlers<ReleaseManagerSubcommandName> = {
  'release plan': (ctx, args) => {
    const [version = '', startDate = '', ...rest] = parseArgs(
      words(2, 'Give at least a version and the start date (the first day of week 1).').max(
        4,
        'Too many arguments: give a version, a start date, and optionally a template and a time zone.',
      ),
      args,
      PLAN_RELEASE_USAGE,
    );
    return planBlocks(planRelease(ctx.services, { version, startDate, words: rest }, readCalendar()));
  },
  phase: (ctx, args) => phaseBlocks(getPhaseView(ctx.services, versionOnly(ctx, args, 'phase'))),
  'phase advance': (ctx, args) => {
    const result = advancePhase(ctx.services, {
      userId: ctx.userId,
      reason: freeText(args.filter((w) => !isMoveLater(w))),
      version: releaseVersion(ctx),
      moveLater: args.some(isMoveLater),
    });
    ctx.services.deliverSoon();
    return advancedBlocks(result);
  },
  check: (ctx, args) => check(ctx, args, true),
  uncheck: (ctx, args) => check(ctx, args, false),
  delay: (ctx, args) => {
    const [milestone = '', newDate = ''] = parseArgs(
      words(3, 'Give the milestone, its new date and the reason.'),
      args,
      DELAY_USAGE,
    );
    const reason = freeText(args.slice(2));
    const version = releaseVersion(ctx);
    const calendar = readCalendar().events;
    const result = delayMilestone(
      ctx.services,
      { userId: ctx.userId, milestone, newDate, reason, version },
      calendar,
    );
    ctx.services.deliverSoon();
    return delayedBlocks(result);
  },
  replan: replan,
  decisions: (ctx, args) => {
    const { rest, page } = takePage(args, DECISIONS_USAGE);
    const version = parseArgs(optionalVersion('decisions'), rest, DECISIONS_USAGE);
    return decisionLogBlocks(getDecisionPage(ctx.services, { version: releaseVersion(ctx, version), page }));
  },
};
