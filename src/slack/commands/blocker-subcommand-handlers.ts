import { z } from 'zod';
import type { TriageAction } from '../../domain/blocker-triage';
import { getBlockersPage } from '../../workflows/blockers-page';
import { prepareBlockerForm } from '../../workflows/submit-blockers';
import { triageBlocker } from '../../workflows/triage-blocker';
import { context } from '../blocks/block-kit';
import { BLOCKERS_ROOM, blockerDecisionPost, blockersListBlocks } from '../blocks/blocker-blocks';
import { blockerFormView } from '../blocks/blocker-form-view';
import { md } from '../../text/mrkdwn';
import { freeText } from './command-tokens';
import { takePage } from './page-args';
import { parseArgs, releaseVersion } from './subcommand';
import type { SubcommandHandlers } from './lazy-subcommands';
import { BLOCK_USAGE, LIST_USAGE, TRIAGE_USAGE, type BlockerSubcommandName } from './blocker-subcommands';

const VERBS: Record<string, TriageAction> = {
  'at-risk': 'at_risk',
  at_risk: 'at_risk',
  punt: 'punt',
  blocking: 'release_blocking',
  'release-blocking': 'release_blocking',
};

/** A first word that starts like a version (v1.10.0, 1.10, 26.10) is the release, the rest the group. */
const listArgs = z
  .array(z.string())
  .max(4, 'Give at most a release version and a working group.')
  .transform((args) => {
    const [first, ...rest] = args;
    const isVersion = first !== undefined && /^v?\d/i.test(first);
    return {
      version: isVersion ? first : undefined,
      wg: (isVersion ? rest : args).join(' ') || undefined,
    };
  });

const triageArgs = z
  .array(z.string())
  .min(2, 'Say what to decide and for which issue.')
  .refine((args) => (args[0] ?? '').toLowerCase() in VERBS, {
    message: 'The decision is one of at-risk, punt or blocking.',
  })
  .transform(([verb = '', ref = '']) => ({ action: VERBS[verb.toLowerCase()] as TriageAction, ref }));

/** What the blocker subcommands do; loaded the first time one of them runs. */
export const BLOCKER_HANDLERS: SubcommandHandlers<BlockerSubcommandName> = {
  block: (ctx, args) => {
    const wg = parseArgs(
      z.array(z.string()).max(3, 'Give at most the working group name.'),
      args,
      BLOCK_USAGE,
    );
    const form = prepareBlockerForm(ctx.services, {
      userId: ctx.userId,
      wg: wg.join(' ') || undefined,
      version: releaseVersion(ctx),
    });
    return { view: blockerFormView({ ...form, release: form.release.version, attempt: 0 }) };
  },
  blockers: (ctx, args) => {
    const { rest, page } = takePage(args, LIST_USAGE);
    const { version, wg } = parseArgs(listArgs, rest, LIST_USAGE);
    return blockersListBlocks(
      getBlockersPage(ctx.services, { version: releaseVersion(ctx, version), wg, page }, BLOCKERS_ROOM),
    );
  },
  blocker: (ctx, args) => {
    const { action, ref } = parseArgs(triageArgs, args, TRIAGE_USAGE);
    const reason = freeText(args.slice(2));
    const { release, blocker } = triageBlocker(ctx.services, {
      target: { ref, version: releaseVersion(ctx) },
      userId: ctx.userId,
      action,
      reason,
    });
    ctx.services.deliverSoon();
    const post = blockerDecisionPost(release.version, blocker);
    return { ...post, blocks: [...post.blocks, context(md`Recorded; the release channel has been told.`)] };
  },
};
