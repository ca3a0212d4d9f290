import { z } from 'zod';
import {
  addPatchChange,
  getPatchView,
  markPatchReleased,
  openPatchRelease,
} from '../../workflows/patch-release';
import { addRetroNote, compileRetrospective } from '../../workflows/retrospective';
import { getSuccessorView } from '../../workflows/successor';
import { patchBlocks } from '../blocks/patch-blocks';
import { retroBlocks, retroNotedBlocks } from '../blocks/retro-blocks';
import { successorBlocks } from '../blocks/successor-blocks';
import { md } from '../../text/mrkdwn';
import { freeText, type CommandWord } from './command-tokens';
import { type CommandContext, parseArgs, releaseVersion, versionOnly } from './subcommand';
import { PATCH_ADD_USAGE } from '../../workflows/command-usages';
import type { SubcommandHandlers } from './lazy-subcommands';
import type { AfterReleaseSubcommandName } from './after-release-subcommands';

const words = (min: number, message: string) => z.array(z.string()).min(min, message);

/** `retro show` and `retro list`: the notes so far by phase, with the cycle's figures. */
function showRetro(ctx: CommandContext, args: CommandWord[], name: 'retro show' | 'retro list') {
  return retroBlocks(compileRetrospective(ctx.services, versionOnly(ctx, args, name)));
}

/** What the after-release subcommands do; loaded the first time one of them runs. */
export const AFTER_RELEASE_HANDLERS: SubcommandHandlers<AfterReleaseSubcommandName> = {
  patch: (ctx, args) => {
    const [version, targetOn] = parseArgs(
      z.array(z.string()).max(2, 'Give at most the patch version and its target date.'),
      args,
      '/kfrelease patch [patch-version] [target-date]',
    );
    if (version === undefined) return patchBlocks(getPatchView(ctx.services, undefined, releaseVersion(ctx)));
    const result = openPatchRelease(ctx.services, { userId: ctx.userId, version, targetOn });
    if (result.opened) ctx.services.deliverSoon();
    const lead = result.opened ? md`:package: Opened patch release *${result.view.version}*.` : undefined;
    return patchBlocks(result.view, lead);
  },
  'patch add': (ctx, args) => {
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
  'patch released': (ctx, args) => {
    const [version = ''] = parseArgs(
      words(1, 'Give the patch version.').max(1, 'Give only the patch version.'),
      args,
      '/kfrelease patch released <patch-version>',
    );
    const view = markPatchReleased(ctx.services, { userId: ctx.userId, version });
    ctx.services.deliverSoon();
    return patchBlocks(view, md`:rocket: *${view.version}* is released.`);
  },
  retro: (ctx, args) =>
    retroNotedBlocks(
      addRetroNote(ctx.services, {
        actor: { kind: 'slack', userId: ctx.userId },
        note: freeText(args),
        version: releaseVersion(ctx),
      }),
    ),
  'retro show': (ctx, args) => showRetro(ctx, args, 'retro show'),
  'retro list': (ctx, args) => showRetro(ctx, args, 'retro list'),
  successor: (ctx, args) =>
    successorBlocks(getSuccessorView(ctx.services, versionOnly(ctx, args, 'successor'))),
};
