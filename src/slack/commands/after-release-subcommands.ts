import { z } from 'zod';
import {
  addPatchChange,
  getPatchView,
  markPatchReleased,
  openPatchRelease,
  PATCH_ADD_USAGE,
} from '../../workflows/patch-release';
import { addRetroNote, compileRetrospective } from '../../workflows/retrospective';
import { getSuccessorView } from '../../workflows/successor';
import { patchBlocks } from '../blocks/patch-blocks';
import { retroBlocks, retroNotedBlocks } from '../blocks/retro-blocks';
import { successorBlocks } from '../blocks/successor-blocks';
import { md } from '../../text/mrkdwn';
import { freeText, type CommandWord } from './command-tokens';
import {
  optionalVersion,
  parseArgs,
  releaseVersion,
  type Subcommand,
  type CommandContext,
} from './subcommand';

const words = (min: number, message: string) => z.array(z.string()).min(min, message);

/** `retro show` and `retro list`: the notes so far by phase, with the cycle's figures. */
function showRetro(ctx: CommandContext, args: CommandWord[], name: 'retro show' | 'retro list') {
  const named = parseArgs(optionalVersion(name), args, `/kfrelease ${name} [version]`);
  return retroBlocks(compileRetrospective(ctx.services, releaseVersion(ctx, named)));
}

/** After release day: patch releases, the retrospective, and handing over to the next release manager. */
export const AFTER_RELEASE_SUBCOMMANDS: Subcommand[] = [
  {
    name: 'patch',
    usage: '/kfrelease patch [patch-version] [target-date]',
    example: '/kfrelease patch v1.10.1 2026-07-20',
    summary: 'Open a patch release after release day (release manager), or show it and its changes.',
    run: (ctx, args) => {
      const [version, targetOn] = parseArgs(
        z.array(z.string()).max(2, 'Give at most the patch version and its target date.'),
        args,
        '/kfrelease patch [patch-version] [target-date]',
      );
      if (version === undefined)
        return patchBlocks(getPatchView(ctx.services, undefined, releaseVersion(ctx)));
      const result = openPatchRelease(ctx.services, { userId: ctx.userId, version, targetOn });
      if (result.opened) ctx.services.deliverSoon();
      const lead = result.opened ? md`:package: Opened patch release *${result.view.version}*.` : undefined;
      return patchBlocks(result.view, lead);
    },
  },
  {
    name: 'patch add',
    usage: PATCH_ADD_USAGE.split(', e.g.')[0] ?? PATCH_ADD_USAGE,
    example: '/kfrelease patch add v1.10.1 kubeflow/pipelines#11234 bug fixes the run list',
    summary: "Record a fix for a patch release with the handbook's criterion it meets (release team).",
    run: (ctx, args) => {
      const [version = '', ref = '', criterion = ''] = parseArgs(
        words(
          3,
          'Give the patch version, the issue or pull request, and the criterion (bug, security or docs).',
        ),
        args,
        PATCH_ADD_USAGE,
      );
      const view = addPatchChange(ctx.services, {
        userId: ctx.userId,
        version,
        ref,
        criterion,
        note: freeText(args.slice(3)),
      });
      return patchBlocks(view, md`:heavy_plus_sign: Added ${ref} to *${view.version}*.`);
    },
  },
  {
    name: 'patch released',
    usage: '/kfrelease patch released <patch-version>',
    example: '/kfrelease patch released v1.10.1',
    summary: 'Mark a patch release as shipped today (release manager).',
    run: (ctx, args) => {
      const [version = ''] = parseArgs(
        words(1, 'Give the patch version.').max(1, 'Give only the patch version.'),
        args,
        '/kfrelease patch released <patch-version>',
      );
      const view = markPatchReleased(ctx.services, { userId: ctx.userId, version });
      ctx.services.deliverSoon();
      return patchBlocks(view, md`:rocket: *${view.version}* is released.`);
    },
  },
  {
    name: 'retro',
    usage: '/kfrelease retro <note>',
    example: '/kfrelease retro The rc.1 reminder came too late for the Training WG',
    summary: 'Write down what went well or could be better, any time; it is tagged with the current phase.',
    run: (ctx, args) =>
      retroNotedBlocks(
        addRetroNote(ctx.services, {
          actor: { kind: 'slack', userId: ctx.userId },
          note: freeText(args),
          version: releaseVersion(ctx),
        }),
      ),
  },
  {
    name: 'retro show',
    usage: '/kfrelease retro show [version] [--share]',
    example: '/kfrelease retro show v1.10.0',
    summary:
      "The retrospective, any time: notes by phase with the cycle's figures (so far, before release day).",
    run: (ctx, args) => showRetro(ctx, args, 'retro show'),
  },
  {
    name: 'retro list',
    usage: '/kfrelease retro list [version] [--share]',
    example: '/kfrelease retro list',
    summary: 'The notes written for the retrospective so far, by phase (the same as retro show).',
    run: (ctx, args) => showRetro(ctx, args, 'retro list'),
  },
  {
    name: 'successor',
    usage: '/kfrelease successor [version]',
    example: '/kfrelease successor',
    summary:
      'Who on the team can be the next release manager, per the handbook, and the call for participation.',
    run: (ctx, args) =>
      successorBlocks(
        getSuccessorView(
          ctx.services,
          releaseVersion(
            ctx,
            parseArgs(optionalVersion('successor'), args, '/kfrelease successor [version]'),
          ),
        ),
      ),
  },
];
