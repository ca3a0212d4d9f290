import { z } from 'zod';
import { acceptRevisionAnyway } from '../../workflows/accept-revision';
import { shipComponent, skipComponent } from '../../workflows/component-skips';
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
import { parseArgs, releaseVersion, versionOnly } from './subcommand';
import type { SubcommandHandlers } from './lazy-subcommands';
import type { RevisionSubcommandName } from './revision-subcommands';

/** What the revision subcommands do; loaded the first time one of them runs. */
export const REVISION_HANDLERS: SubcommandHandlers<RevisionSubcommandName> = {
  submit: (ctx, args) => {
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
  // One read of the release for choosing it, the table and the manifests pull requests (readOnce).
  versions: (ctx, args) =>
    ctx.services.store.readOnce(() => {
      const view = getComponentVersions(ctx.services, versionOnly(ctx, args, 'versions'));
      const release = findRelease(ctx.services, view.version);
      return versionsBlocks(view, ctx.services.store.manifestsPulls.forRelease(release.id));
    }),
  'revision accept': (ctx, args) =>
    acceptedAnywayBlocks(
      acceptRevisionAnyway(ctx.services, {
        version: releaseVersion(ctx),
        userId: ctx.userId,
        words: wordTexts(args),
      }),
    ),
  'component skip': (ctx, args) => {
    const result = skipComponent(ctx.services, {
      version: releaseVersion(ctx),
      userId: ctx.userId,
      words: wordTexts(args),
    });
    ctx.services.deliverSoon();
    return componentSkippedBlocks(result);
  },
  'component ship': (ctx, args) => {
    const result = shipComponent(ctx.services, {
      version: releaseVersion(ctx),
      userId: ctx.userId,
      words: wordTexts(args),
    });
    ctx.services.deliverSoon();
    return componentShippedBlocks(result);
  },
};
