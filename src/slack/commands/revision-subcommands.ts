import { z } from 'zod';
import { getComponentVersions } from '../../workflows/component-versions';
import { findRelease } from '../../workflows/find-release';
import { prepareSubmitForm } from '../../workflows/prepare-submit-form';
import { submitRevisionView } from '../blocks/submit-revision-view';
import { versionsBlocks } from '../blocks/versions-blocks';
import { optionalVersion, parseArgs, releaseVersion, type Subcommand } from './subcommand';

/** Working groups' git revisions: the form, and the versions table. */
export const REVISION_SUBCOMMANDS: Subcommand[] = [
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
      const form = prepareSubmitForm(ctx.services, {
        userId: ctx.userId,
        wg: wg || undefined,
        version: releaseVersion(ctx),
      });
      return { view: submitRevisionView({ ...form, release: form.release.version }) };
    },
  },
  {
    name: 'versions',
    usage: '/kfrelease versions [version] [--share]',
    example: '/kfrelease versions',
    summary: 'Every component with the accepted revision that ships, and who still owes one.',
    run: (ctx, args) => {
      const view = getComponentVersions(
        ctx.services,
        releaseVersion(ctx, parseArgs(optionalVersion('versions'), args, '/kfrelease versions [version]')),
      );
      const release = findRelease(ctx.services, view.version);
      return versionsBlocks(view, ctx.services.store.manifestsPulls.forRelease(release.id));
    },
  },
];
