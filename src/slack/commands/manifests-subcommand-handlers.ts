import { z } from 'zod';
import { startManifestsPreview, startManifestsPulls } from '../../workflows/manifests-pulls';
import { manifestsStartedBlocks } from '../blocks/manifests-blocks';
import { parseArgs, releaseVersion } from './subcommand';
import type { SubcommandHandlers } from './lazy-subcommands';
import { PREVIEW_USAGE, PR_USAGE, type ManifestsSubcommandName } from './manifests-subcommands';

/** At most one component, and `--dry-run` anywhere. */
const manifestsArgs = (usage: string) =>
  z
    .array(z.string())
    .transform((words) => ({
      dryRun: words.includes('--dry-run'),
      rest: words.filter((w) => w !== '--dry-run'),
    }))
    .superRefine(({ rest }, ctx) => {
      const flag = rest.find((w) => w.startsWith('--'));
      if (flag)
        ctx.addIssue({ code: 'custom', message: `${flag} is not an option here; ${usage} knows --dry-run.` });
      else if (rest.length > 1)
        ctx.addIssue({ code: 'custom', message: 'Name one component (katib, knative-serving...), or all.' });
    })
    .transform(({ dryRun, rest }) => ({ dryRun, component: rest[0] }));

/** What the manifests subcommands do; loaded the first time one of them runs. */
export const MANIFESTS_HANDLERS: SubcommandHandlers<ManifestsSubcommandName> = {
  'manifests preview': (ctx, args) => {
    const { component } = parseArgs(manifestsArgs(PREVIEW_USAGE), args, PREVIEW_USAGE);
    const version = releaseVersion(ctx);
    const started = startManifestsPreview(ctx.services, {
      userId: ctx.userId,
      version,
      ...(component ? { component } : {}),
      mode: 'preview',
    });
    return manifestsStartedBlocks(started);
  },
  'manifests pr': (ctx, args) => {
    const { component, dryRun } = parseArgs(manifestsArgs(PR_USAGE), args, PR_USAGE);
    const version = releaseVersion(ctx);
    const input = { userId: ctx.userId, version, ...(component ? { component } : {}) };
    const started = dryRun
      ? startManifestsPreview(ctx.services, { ...input, mode: 'dry_run' })
      : startManifestsPulls(ctx.services, input);
    return manifestsStartedBlocks(started);
  },
};
