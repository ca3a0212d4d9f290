import { z } from 'zod';
import type { AppServices } from '../../app-services';
import { UserError } from '../../errors';
import { createRelease, CREATE_RELEASE_USAGE, templateAndZone } from '../../workflows/create-release';
import { getReleaseStatus } from '../../workflows/release-status';
import { getReleaseTeam } from '../../workflows/release-team';
import { getReleaseTimeline } from '../../workflows/release-timeline';
import type { SlackAnswer } from '../blocks/block-kit';
import { releaseCreatedBlocks } from '../blocks/release-created-blocks';
import { statusBlocks } from '../blocks/status-blocks';
import { teamBlocks } from '../blocks/team-blocks';
import { timelineBlocks } from '../blocks/timeline-blocks';
import { submitRevisionView, type ModalView } from '../blocks/submit-revision-view';
import { versionsBlocks } from '../blocks/versions-blocks';
import { getComponentVersions } from '../../workflows/component-versions';
import { prepareSubmitForm } from '../../workflows/prepare-submit-form';

export interface CommandContext {
  services: AppServices;
  userId: string;
  channelId: string | null;
}

/** A subcommand answers with a message, or opens a modal. */
export type CommandOutcome = SlackAnswer | { view: ModalView };

/** One `/kfrelease` subcommand: its words, how to use it, and what it does. */
export interface Subcommand {
  name: string;
  usage: string;
  example: string;
  summary: string;
  run(ctx: CommandContext, args: string[]): CommandOutcome;
}

/** Parses a subcommand's arguments, turning the first problem into a message with the usage. */
function parseArgs<T>(schema: z.ZodType<T>, args: string[], usage: string): T {
  const parsed = schema.safeParse(args);
  if (!parsed.success) {
    throw new UserError(
      'bad_argument',
      parsed.error.issues.map((i) => i.message).join('\n'),
      `Usage: \`${usage}\``,
    );
  }
  return parsed.data;
}

const optionalVersion = (what: string) =>
  z
    .array(z.string())
    .max(1, `${what} takes at most one argument: a release version such as v1.10.0.`)
    .transform((args) => args[0]);

export const SUBCOMMANDS: Subcommand[] = [
  {
    name: 'submit',
    usage: '/kfrelease submit [working-group]',
    example: '/kfrelease submit Notebooks',
    summary:
      "Open the form to hand the release team your working group's git revisions (liaisons, release manager).",
    run: (ctx, args) => {
      const wg = parseArgs(
        z.array(z.string()).max(3, 'Give at most the working group name.'),
        args,
        '/kfrelease submit [working-group]',
      ).join(' ');
      const form = prepareSubmitForm(ctx.services, { userId: ctx.userId, wg: wg || undefined });
      return { view: submitRevisionView({ ...form, release: form.release.version }) };
    },
  },
  {
    name: 'versions',
    usage: '/kfrelease versions [version] [--share]',
    example: '/kfrelease versions',
    summary: 'Every component with the accepted revision that ships, and who still owes one.',
    run: (ctx, args) =>
      versionsBlocks(
        getComponentVersions(
          ctx.services,
          parseArgs(optionalVersion('versions'), args, '/kfrelease versions [version]'),
        ),
      ),
  },
  {
    name: 'status',
    usage: '/kfrelease status [version] [--share]',
    example: '/kfrelease status v1.10.0',
    summary: 'Where the release stands: phase, week, next milestone, key roles.',
    run: (ctx, args) =>
      statusBlocks(
        getReleaseStatus(
          ctx.services,
          parseArgs(optionalVersion('status'), args, '/kfrelease status [version]'),
        ),
      ),
  },
  {
    name: 'timeline',
    usage: '/kfrelease timeline [version] [--share]',
    example: '/kfrelease timeline',
    summary: 'Every phase and milestone with its dates, planned and re-planned.',
    run: (ctx, args) =>
      timelineBlocks(
        getReleaseTimeline(
          ctx.services,
          parseArgs(optionalVersion('timeline'), args, '/kfrelease timeline [version]'),
        ),
      ),
  },
  {
    name: 'team',
    usage: '/kfrelease team [version] [--share]',
    example: '/kfrelease team v1.10.0',
    summary: 'Roles, liaisons by working group, distribution representatives.',
    run: (ctx, args) =>
      teamBlocks(
        getReleaseTeam(ctx.services, parseArgs(optionalVersion('team'), args, '/kfrelease team [version]')),
      ),
  },
  {
    name: 'release create',
    usage: CREATE_RELEASE_USAGE.split(', e.g.')[0] ?? CREATE_RELEASE_USAGE,
    example: '/kfrelease release create v1.10.0 2026-03-02 handbook-17w Europe/Berlin',
    summary:
      'Create a release and its first plan (admins only). The channel you type it in becomes the release channel.',
    run: (ctx, args) => {
      const usage = CREATE_RELEASE_USAGE;
      const [version, startDate, ...rest] = parseArgs(
        z
          .array(z.string())
          .min(2, 'Give at least a version and the start date (the Monday of week 1).')
          .max(
            4,
            'Too many arguments: give a version, a start date, and optionally a template and a time zone.',
          ),
        args,
        usage,
      );
      const result = createRelease(ctx.services, {
        version: version ?? '',
        startDate: startDate ?? '',
        ...templateAndZone(rest),
        channel: ctx.channelId,
        actor: { kind: 'slack', userId: ctx.userId },
      });
      return releaseCreatedBlocks(result);
    },
  },
];
