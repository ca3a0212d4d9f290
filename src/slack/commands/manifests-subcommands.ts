import { z } from 'zod';
import { startManifestsPreview, startManifestsPulls } from '../../workflows/manifests-pulls';
import { manifestsStartedBlocks } from '../blocks/manifests-blocks';
import { parseArgs, releaseVersion, type Subcommand } from './subcommand';

const PREVIEW_USAGE = '/kfrelease manifests preview [component]';
const PR_USAGE = '/kfrelease manifests pr [component|all] [--dry-run]';

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

/** The manifests sync pull requests: preview the change, open or update them. */
export const MANIFESTS_SUBCOMMANDS: Subcommand[] = [
  {
    name: 'manifests preview',
    usage: PREVIEW_USAGE,
    example: '/kfrelease manifests preview katib',
    summary:
      "The change each component's accepted revision asks of the manifests repository (its sync script and the README's version table), as a diff sent to you; nothing is written.",
    run: (ctx, args) => {
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
  },
  {
    name: 'manifests pr',
    usage: PR_USAGE,
    example: '/kfrelease manifests pr all',
    summary:
      'Open (or update) one pull request per component in the manifests repository, on kfrelease/<release>/<component>, labelled and linked to the revision (release manager, release team members); --dry-run only says what it would do.',
    run: (ctx, args) => {
      const { component, dryRun } = parseArgs(manifestsArgs(PR_USAGE), args, PR_USAGE);
      const version = releaseVersion(ctx);
      const input = { userId: ctx.userId, version, ...(component ? { component } : {}) };
      const started = dryRun
        ? startManifestsPreview(ctx.services, { ...input, mode: 'dry_run' })
        : startManifestsPulls(ctx.services, input);
      return manifestsStartedBlocks(started);
    },
  },
];
