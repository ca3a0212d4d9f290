import { rcCheckDeps, refreshRcTags, STALE_CHECK_SECONDS } from '../../workflows/check-rc-tags';
import { findRelease } from '../../workflows/find-release';
import { rcStatus } from '../../workflows/rc-status';
import { getSignoffMatrix } from '../../workflows/signoff-matrix';
import { prepareSignoffForm, signoffRights } from '../../workflows/signoff-form';
import type { ReleaseRow } from '../../db/release-repository';
import { rcStatusBlocks } from '../blocks/rc-blocks';
import { signoffsBlocks, signoffView } from '../blocks/signoff-blocks';
import { signoffCheckingBlocks } from '../blocks/signoff-check-blocks';
import { type CommandContext, versionOnly } from './subcommand';
import type { SubcommandHandlers } from './lazy-subcommands';
import type { RcSubcommandName } from './rc-subcommands';

/**
 * Looks at the manifests repository again when it has never been checked or the last check is
 * older than two minutes, behind the answer (Slack wants one within 3 s): true while it runs.
 */
const checkingRcTags = (ctx: CommandContext, release: ReleaseRow): boolean =>
  refreshRcTags(rcCheckDeps(ctx.services), release, STALE_CHECK_SECONDS) !== null;

/** What the rc subcommands do; loaded the first time one of them runs. */
export const RC_HANDLERS: SubcommandHandlers<RcSubcommandName> = {
  rcs: (ctx, args) => {
    const version = versionOnly(ctx, args, 'rcs');
    const release = findRelease(ctx.services, version);
    // Answers with what is known now; anything new is announced in the release channel.
    const checking = checkingRcTags(ctx, release);
    return rcStatusBlocks(rcStatus(ctx.services, release.version), checking);
  },
  signoff: (ctx, args) => {
    const version = versionOnly(ctx, args, 'signoff');
    // Only someone who may sign off makes kfrelease look at GitHub.
    const { release } = signoffRights(ctx.services, { userId: ctx.userId, version });
    const checking = checkingRcTags(ctx, release);
    const form = prepareSignoffForm(ctx.services, { userId: ctx.userId, version, checking });
    // No RC known before the check answers: the button opens the form with what it found.
    if (form.checking) return signoffCheckingBlocks(release.version, ctx.services.manifestsRepo);
    return { view: signoffView({ ...form, release: form.release.version }) };
  },
  signoffs: (ctx, args) => {
    const version = versionOnly(ctx, args, 'signoffs');
    const release = findRelease(ctx.services, version);
    const checking = checkingRcTags(ctx, release) ? ctx.services.manifestsRepo : null;
    return signoffsBlocks(getSignoffMatrix(ctx.services, release.version), checking);
  },
};
