import { rcCheckDeps, refreshRcTags, STALE_CHECK_SECONDS } from '../../workflows/check-rc-tags';
import { findRelease } from '../../workflows/find-release';
import { rcStatus } from '../../workflows/rc-status';
import { getSignoffMatrix } from '../../workflows/signoff-matrix';
import { prepareSignoffForm } from '../../workflows/submit-signoff';
import { rcStatusBlocks } from '../blocks/rc-blocks';
import { signoffsBlocks, signoffView } from '../blocks/signoff-blocks';
import { optionalVersion, parseArgs, releaseVersion, type Subcommand } from './subcommand';

/** The release branch and RC tags in the manifests repository, and the distributions' sign-offs. */
export const RC_SUBCOMMANDS: Subcommand[] = [
  {
    name: 'rcs',
    usage: '/kfrelease rcs [version] [--share]',
    example: '/kfrelease rcs v1.10.0',
    summary:
      'The release branch and RC tags in the manifests repository: due, found (commit and date) or missing.',
    run: (ctx, args) => {
      const version = releaseVersion(
        ctx,
        parseArgs(optionalVersion('rcs'), args, '/kfrelease rcs [version]'),
      );
      const release = findRelease(ctx.services, version);
      // Answers with what is known now; a stale check is refreshed behind the answer and anything
      // new is announced in the release channel.
      const checking = refreshRcTags(rcCheckDeps(ctx.services), release, STALE_CHECK_SECONDS) !== null;
      return rcStatusBlocks(rcStatus(ctx.services, release.version), checking);
    },
  },
  {
    name: 'signoff',
    usage: '/kfrelease signoff [version]',
    example: '/kfrelease signoff',
    summary: 'Open the form to sign off on an RC for your distribution (distribution representatives).',
    run: (ctx, args) => {
      const version = releaseVersion(
        ctx,
        parseArgs(optionalVersion('signoff'), args, '/kfrelease signoff [version]'),
      );
      const form = prepareSignoffForm(ctx.services, { userId: ctx.userId, version });
      return { view: signoffView({ ...form, release: form.release.version }) };
    },
  },
  {
    name: 'signoffs',
    usage: '/kfrelease signoffs [version] [--share]',
    example: '/kfrelease signoffs',
    summary: 'Who has given a thumbs up on which RC, and whether every distribution has.',
    run: (ctx, args) =>
      signoffsBlocks(
        getSignoffMatrix(
          ctx.services,
          releaseVersion(ctx, parseArgs(optionalVersion('signoffs'), args, '/kfrelease signoffs [version]')),
        ),
      ),
  },
];
