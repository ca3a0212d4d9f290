import { z } from 'zod';
import { createRelease, templateAndZone, UnconfirmedPastDates } from '../../workflows/create-release';
import { confirmCreateBlocks } from '../blocks/confirm-create-blocks';
import { getPhaseView } from '../../workflows/phase-control';
import { getReleaseStatus } from '../../workflows/release-status';
import { getReleaseTeam } from '../../workflows/release-team';
import { getReleaseTimeline } from '../../workflows/release-timeline';
import { releaseCreatedBlocks } from '../blocks/release-created-blocks';
import { statusBlocks } from '../blocks/status-blocks';
import { teamBlocks } from '../blocks/team-blocks';
import { timelineBlocks } from '../blocks/timeline-blocks';
import { setReleaseChannel } from '../../workflows/set-release-channel';
import { answer, section } from '../blocks/block-kit';
import { channel, md } from '../../text/mrkdwn';
import { cachedAnswer } from './answer-cache';
import { parseVersion } from '../../domain/version';
import { cancelRelease, closeRelease, markShipped } from '../../workflows/release-lifecycle-commands';
import { closedBlocks, shippedBlocks } from '../blocks/lifecycle-blocks';
import { freeText } from './command-tokens';
import { type CommandContext, type CommandWord, parseArgs, releaseVersion, versionOnly } from './subcommand';
import { CREATE_RELEASE_USAGE } from '../../workflows/command-usages';
import type { SubcommandHandlers } from './lazy-subcommands';
import type { ReleaseSubcommandName } from './release-subcommands';

/**
 * A first word that is the version of a release kfrelease knows names it (`release close v1.11.0`);
 * any other first word belongs to what follows (a reason, a date).
 */
function knownVersionFirst(
  ctx: CommandContext,
  args: CommandWord[],
): { version?: string; rest: CommandWord[] } {
  const [first, ...rest] = args;
  const parsed = first ? parseVersion(first.text) : null;
  if (parsed?.ok && ctx.services.store.releases.findByVersion(parsed.version.canonical))
    return { version: first?.text, rest };
  return { rest: args };
}

/** What the release subcommands do; loaded the first time one of them runs. */
export const RELEASE_HANDLERS: SubcommandHandlers<ReleaseSubcommandName> = {
  // One read of each thing for choosing the release and building the answer (readOnce).
  status: (ctx, args) =>
    ctx.services.store.readOnce(() => {
      const version = versionOnly(ctx, args, 'status');
      return cachedAnswer(
        { db: ctx.services.store.db, clock: ctx.services.clock },
        `status:${version ?? ''}`,
        () => {
          const status = getReleaseStatus(ctx.services, version);
          return statusBlocks(status, getPhaseView(ctx.services, status.version));
        },
      );
    }),
  timeline: (ctx, args) =>
    timelineBlocks(getReleaseTimeline(ctx.services, versionOnly(ctx, args, 'timeline'))),
  team: (ctx, args) => teamBlocks(getReleaseTeam(ctx.services, versionOnly(ctx, args, 'team'))),
  'release create': (ctx, args) => {
    const usage = CREATE_RELEASE_USAGE;
    const [version, startDate, ...rest] = parseArgs(
      z
        .array(z.string())
        .min(2, 'Give at least a version and the start date (the first day of week 1).')
        .max(
          4,
          'Too many arguments: give a version, a start date, and optionally a template and a time zone.',
        ),
      args,
      usage,
    );
    try {
      const result = createRelease(ctx.services, {
        version: version ?? '',
        startDate: startDate ?? '',
        ...templateAndZone(rest),
        channel: ctx.channelId,
        actor: { kind: 'slack', userId: ctx.userId },
        confirmedPastDates: false,
      });
      return releaseCreatedBlocks(result);
    } catch (error) {
      // Dates in the past: the person who asked confirms with Create anyway, or cancels.
      if (error instanceof UnconfirmedPastDates) return confirmCreateBlocks(error.warnings, error.request);
      throw error;
    }
  },
  'release channel': (ctx, args) => {
    const version = versionOnly(ctx, args, 'release channel');
    const { release, changed } = setReleaseChannel(ctx.services, {
      version,
      channel: ctx.channelId,
      actor: { kind: 'slack', userId: ctx.userId },
    });
    const where = channel(release.slackChannel ?? '');
    const text = changed
      ? md`:white_check_mark: ${where} is now the channel of Kubeflow ${release.version}: revisions, decisions, RC tags, agendas and reminders are posted here.`
      : md`${where} already is the channel of Kubeflow ${release.version}.`;
    return answer(text, [section(text)]);
  },
  'release shipped': (ctx, args) => {
    const { version, rest } = knownVersionFirst(ctx, args);
    const [on] = parseArgs(
      z.array(z.string()).max(1, 'Give at most the release version and the day it shipped.'),
      rest,
      '/kfrelease release shipped [version] [date]',
    );
    const result = markShipped(ctx.services, {
      version: releaseVersion(ctx, version),
      on,
      actor: { kind: 'slack', userId: ctx.userId },
    });
    ctx.services.deliverSoon();
    return shippedBlocks(result);
  },
  'release close': (ctx, args) => {
    const { version, rest } = knownVersionFirst(ctx, args);
    const result = closeRelease(ctx.services, {
      version: releaseVersion(ctx, version),
      reason: freeText(rest),
      actor: { kind: 'slack', userId: ctx.userId },
    });
    ctx.services.deliverSoon();
    return closedBlocks(result.release, result.early);
  },
  'release cancel': (ctx, args) => {
    const [version = ''] = parseArgs(
      z.array(z.string()).min(2, 'Name the release to cancel and say why.'),
      args,
      '/kfrelease release cancel <version> <reason>',
    );
    const result = cancelRelease(ctx.services, {
      version: releaseVersion(ctx, version),
      reason: freeText(args.slice(1)),
      actor: { kind: 'slack', userId: ctx.userId },
    });
    ctx.services.deliverSoon();
    return closedBlocks(result.release);
  },
};
