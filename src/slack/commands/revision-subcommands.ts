import { z } from 'zod';
import { ACCEPT_USAGE, acceptRevisionAnyway } from '../../workflows/accept-revision';
import { SHIP_USAGE, shipComponent, SKIP_USAGE, skipComponent } from '../../workflows/component-skips';
import { getComponentVersions } from '../../workflows/component-versions';
import { findRelease } from '../../workflows/find-release';
import { prepareSubmitForm } from '../../workflows/prepare-submit-form';
import { submitRevisionView } from '../blocks/submit-revision-view';
import { versionsBlocks } from '../blocks/versions-blocks';
import {
  acceptedAnywayBlocks,
  componentShippedBlocks,
  componentSkippedBlocks,
} from '../blocks/revision-exception-blocks';
import { wordTexts } from './command-tokens';
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
    // One read of the release for choosing it, the table and the manifests pull requests (readOnce).
    run: (ctx, args) =>
      ctx.services.store.readOnce(() => {
        const view = getComponentVersions(
          ctx.services,
          releaseVersion(ctx, parseArgs(optionalVersion('versions'), args, '/kfrelease versions [version]')),
        );
        const release = findRelease(ctx.services, view.version);
        return versionsBlocks(view, ctx.services.store.manifestsPulls.forRelease(release.id));
      }),
  },
  {
    name: 'revision accept',
    usage: ACCEPT_USAGE,
    example:
      '/kfrelease revision accept knative/serving knative-v1.16.0 Knative tags its releases knative-vX.Y.Z',
    summary:
      'Accept a revision the rules refuse or cannot read, once GitHub shows it exists (release manager); the reason goes to the decision log.',
    run: (ctx, args) =>
      acceptedAnywayBlocks(
        acceptRevisionAnyway(ctx.services, {
          version: releaseVersion(ctx),
          userId: ctx.userId,
          words: wordTexts(args),
        }),
      ),
  },
  {
    name: 'component skip',
    usage: SKIP_USAGE,
    example: '/kfrelease component skip kubeflow/kfp-tekton The Tekton backend is not released this cycle',
    summary:
      'Mark a component as not shipping this cycle (release manager): it owes no revision and is shown as not shipping.',
    run: (ctx, args) => {
      const result = skipComponent(ctx.services, {
        version: releaseVersion(ctx),
        userId: ctx.userId,
        words: wordTexts(args),
      });
      ctx.services.deliverSoon();
      return componentSkippedBlocks(result);
    },
  },
  {
    name: 'component ship',
    usage: SHIP_USAGE,
    example: '/kfrelease component ship kubeflow/kfp-tekton',
    summary: 'Take back "not shipping this cycle" (release manager): the component owes a revision again.',
    run: (ctx, args) => {
      const result = shipComponent(ctx.services, {
        version: releaseVersion(ctx),
        userId: ctx.userId,
        words: wordTexts(args),
      });
      ctx.services.deliverSoon();
      return componentShippedBlocks(result);
    },
  },
];
