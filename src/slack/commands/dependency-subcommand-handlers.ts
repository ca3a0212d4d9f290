import { z } from 'zod';
import { prepareDeclarationForm } from '../../workflows/dependency-declarations';
import { getDependencyMatrix } from '../../workflows/dependency-matrix';
import { declarationView, dependencyMatrixBlocks } from '../blocks/dependency-blocks';
import { parseArgs, releaseVersion, versionOnly } from './subcommand';
import type { SubcommandHandlers } from './lazy-subcommands';
import { DEPS_USAGE, type DependencySubcommandName } from './dependency-subcommands';

/** What the dependency subcommands do; loaded the first time one of them runs. */
export const DEPENDENCY_HANDLERS: SubcommandHandlers<DependencySubcommandName> = {
  deps: (ctx, args) => {
    const wg = parseArgs(
      z.array(z.string()).max(3, 'Give at most the working group name.'),
      args,
      DEPS_USAGE,
    ).join(' ');
    const form = prepareDeclarationForm(ctx.services, {
      userId: ctx.userId,
      version: releaseVersion(ctx),
      ...(wg ? { wg } : {}),
    });
    return { view: declarationView({ ...form, release: form.release.version }) };
  },
  'deps matrix': (ctx, args) =>
    dependencyMatrixBlocks(getDependencyMatrix(ctx.services, versionOnly(ctx, args, 'deps matrix'))),
};
