import { z } from 'zod';
import { prepareDeclarationForm } from '../../workflows/dependency-declarations';
import { getDependencyMatrix } from '../../workflows/dependency-matrix';
import { declarationView, dependencyMatrixBlocks } from '../blocks/dependency-blocks';
import { optionalVersion, parseArgs, releaseVersion, type Subcommand } from './subcommand';

const DEPS_USAGE = '/kfrelease deps [working-group]';

/** From Feature Freeze on: expected final versions and common dependency ranges per working group. */
export const DEPENDENCY_SUBCOMMANDS: Subcommand[] = [
  {
    name: 'deps',
    usage: DEPS_USAGE,
    example: '/kfrelease deps Notebooks',
    summary:
      "Open the form to declare your working group's expected final versions and supported dependency ranges (liaisons, release manager; from Feature Freeze).",
    run: (ctx, args) => {
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
  },
  {
    name: 'deps matrix',
    usage: '/kfrelease deps matrix [version] [--share]',
    example: '/kfrelease deps matrix',
    summary:
      "Every working group's dependency ranges side by side, with the ones that do not intersect flagged, and who has not declared.",
    run: (ctx, args) =>
      dependencyMatrixBlocks(
        getDependencyMatrix(
          ctx.services,
          releaseVersion(
            ctx,
            parseArgs(optionalVersion('deps matrix'), args, '/kfrelease deps matrix [version]'),
          ),
        ),
      ),
  },
];
