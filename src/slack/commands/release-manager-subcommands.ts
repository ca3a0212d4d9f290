import { DateTime } from 'luxon';
import { z } from 'zod';
import { findPlanItem, planItemKeys } from '../../domain/plan-items';
import { UserError } from '../../errors';
import { getDecisionPage } from '../../workflows/decision-log';
import { DELAY_USAGE, delayMilestone } from '../../workflows/delay-milestone';
import { advancePhase } from '../../workflows/phase-advance';
import { getPhaseView, setChecklistItem } from '../../workflows/phase-control';
import { planRelease, PLAN_RELEASE_USAGE, readCalendar } from '../../workflows/plan-release';
import { replanForm } from '../../workflows/replan-release';
import { decisionLogBlocks } from '../blocks/decision-blocks';
import { takePage } from './page-args';
import { advancedBlocks, checkedBlocks, delayedBlocks, phaseBlocks } from '../blocks/phase-blocks';
import { planBlocks } from '../blocks/plan-blocks';
import { replanView } from '../blocks/replan-view';
import { code, md } from '../../text/mrkdwn';
import { freeText } from './command-tokens';
import {
  optionalVersion,
  parseArgs,
  releaseVersion,
  type CommandContext,
  type CommandWord,
  type Subcommand,
} from './subcommand';

const words = (min: number, message: string) => z.array(z.string()).min(min, message);

/** `--move-later`: the dates after the one moved come along by as many days. */
const isMoveLater = (word: CommandWord) => word.text.toLowerCase() === '--move-later';

const REPLAN_USAGE = '/kfrelease replan [milestone-or-phase] [new-date] [--move-later]';
const DECISIONS_USAGE = '/kfrelease decisions [version] [page N] [--share]';

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

/** The release manager's tools: planning, phases and their checklists, delays, decisions, patches, retro, hand-over. */
export const RELEASE_MANAGER_SUBCOMMANDS: Subcommand[] = [
  {
    name: 'release plan',
    usage: PLAN_RELEASE_USAGE.split(', e.g.')[0] ?? PLAN_RELEASE_USAGE,
    example: '/kfrelease release plan v1.11.0 2026-07-06 handbook-17w Europe/Berlin',
    summary:
      'Propose a timeline before creating the release, with the holidays and conferences its dates fall on.',
    run: (ctx, args) => {
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
  },
  {
    name: 'phase',
    usage: '/kfrelease phase [version] [--share]',
    example: '/kfrelease phase',
    summary: "The current phase's checklist of success criteria and actions, and what runs alongside it.",
    run: (ctx, args) =>
      phaseBlocks(
        getPhaseView(
          ctx.services,
          releaseVersion(ctx, parseArgs(optionalVersion('phase'), args, '/kfrelease phase [version]')),
        ),
      ),
  },
  {
    name: 'phase advance',
    usage: '/kfrelease phase advance [--move-later] [reason]',
    example: '/kfrelease phase advance Training needs two more days; the rest is ready',
    summary:
      'Move the release to its next phase (release manager); a reason is required when criteria are unmet. Early, the later dates stay unless --move-later brings them as many days earlier.',
    run: (ctx, args) => {
      const result = advancePhase(ctx.services, {
        userId: ctx.userId,
        reason: freeText(args.filter((w) => !isMoveLater(w))),
        version: releaseVersion(ctx),
        moveLater: args.some(isMoveLater),
      });
      ctx.services.deliverSoon();
      return advancedBlocks(result);
    },
  },
  {
    name: 'check',
    usage: '/kfrelease check <item-id> [distribution or working group]',
    example: '/kfrelease check schedule-sent',
    summary: 'Tick a checklist item you are responsible for.',
    run: (ctx, args) => check(ctx, args, true),
  },
  {
    name: 'uncheck',
    usage: '/kfrelease uncheck <item-id> [distribution or working group]',
    example: '/kfrelease uncheck schedule-sent',
    summary: 'Untick a checklist item.',
    run: (ctx, args) => check(ctx, args, false),
  },
  {
    name: 'delay',
    usage: DELAY_USAGE.split(', e.g.')[0] ?? DELAY_USAGE,
    example: '/kfrelease delay rc.1 2026-05-29 Pipelines needs a week for the backend fix',
    summary:
      'Re-plan a milestone and everything after it to a later date (release manager); the first plan is kept.',
    run: (ctx, args) => {
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
  },
  {
    name: 'replan',
    usage: REPLAN_USAGE,
    example: '/kfrelease replan rc.1 2026-05-26',
    summary:
      'Re-plan one milestone or phase start, earlier or later, alone or with the dates after it (release manager): a form shows the new plan next to the current one before anything is saved.',
    run: replan,
  },
  {
    name: 'decisions',
    usage: DECISIONS_USAGE,
    example: '/kfrelease decisions v1.10.0 page 2',
    summary:
      "Every use of the release manager's authority: phases moved on, delays, revisions approved or denied; 40 a page, oldest first.",
    run: (ctx, args) => {
      const { rest, page } = takePage(args, DECISIONS_USAGE);
      const version = parseArgs(optionalVersion('decisions'), rest, DECISIONS_USAGE);
      return decisionLogBlocks(
        getDecisionPage(ctx.services, { version: releaseVersion(ctx, version), page }),
      );
    },
  },
];
