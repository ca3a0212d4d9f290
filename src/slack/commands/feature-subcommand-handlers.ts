import { z } from 'zod';
import { UserError } from '../../errors';
import { code, md } from '../../text/mrkdwn';
import { keepFeature, puntFeature, setPublicFeatures } from '../../workflows/feature-decisions';
import { listFeatures, prepareFeatureForm } from '../../workflows/features';
import { getReleaseNotes } from '../../workflows/release-notes';
import { answer, section } from '../blocks/block-kit';
import { featureAddView, featureDecisionBlocks, featureListBlocks } from '../blocks/feature-blocks';
import { releaseNotesBlocks } from '../blocks/release-notes-blocks';
import { wordTexts } from './command-tokens';
import { optionalVersion, parseArgs, releaseVersion, versionOnly } from './subcommand';
import type { SubcommandHandlers } from './lazy-subcommands';
import { FEATURES_USAGE, FEATURE_USAGE, type FeatureSubcommandName } from './feature-subcommands';

/** A word that names a release rather than a working group: v1.10.0, 1.10, 2026.06. */
const looksLikeVersion = (word: string) => /^v?\d+(\.\d+)*(-[A-Za-z0-9.]+)?$/i.test(word);

const featuresArgs = z
  .array(z.string())
  .max(2, 'features takes at most a release version and a working group.')
  .transform((words) => ({
    version: words.find(looksLikeVersion),
    wg: words.find((w) => !looksLikeVersion(w)),
  }));

/** What the feature subcommands do; loaded the first time one of them runs. */
export const FEATURE_HANDLERS: SubcommandHandlers<FeatureSubcommandName> = {
  feature: (ctx, args) => {
    const [first, ...rest] = args;
    const action = first?.text;
    if (action === 'add') {
      const version = releaseVersion(ctx, parseArgs(optionalVersion('feature add'), rest, FEATURE_USAGE));
      const form = prepareFeatureForm(ctx.services, { userId: ctx.userId, version });
      return { view: featureAddView({ release: form.release.version, groups: form.groups }) };
    }
    if (action === 'punt') {
      const [id = '', ...reason] = wordTexts(rest);
      if (!id)
        throw new UserError(
          'bad_argument',
          md`Say which feature to punt, and why.`,
          md`Usage: ${code('/kfrelease feature punt <id> <reason>')}`,
        );
      const result = puntFeature(ctx.services, { userId: ctx.userId, id, reason: reason.join(' ') });
      return featureDecisionBlocks(result.feature, result.changed);
    }
    if (action === 'keep') {
      const [id = ''] = parseArgs(
        z.array(z.string()).length(1, 'Give the number of the at-risk feature to keep.'),
        rest,
        '/kfrelease feature keep <id>',
      );
      const result = keepFeature(ctx.services, { userId: ctx.userId, id });
      return featureDecisionBlocks(result.feature, result.changed);
    }
    if (action === 'public') {
      const [choice = '', named] = parseArgs(
        z
          .array(z.string())
          .min(1, 'Say show or hide.')
          .max(2, 'public takes show or hide, and optionally a release version.'),
        rest,
        '/kfrelease feature public <show|hide> [version]',
      );
      if (choice !== 'show' && choice !== 'hide')
        throw new UserError(
          'bad_argument',
          md`"${choice}" is neither show nor hide.`,
          md`Usage: ${code('/kfrelease feature public <show|hide> [version]')}`,
        );
      const result = setPublicFeatures(ctx.services, {
        userId: ctx.userId,
        version: releaseVersion(ctx, named),
        shown: choice === 'show',
      });
      const now = choice === 'show' ? 'shows' : 'does not show';
      const said = md`The public schedule of Kubeflow ${result.release.version} ${now} its landed features${result.changed ? '' : ' (as before)'}.`;
      return answer(said, [section(said)]);
    }
    throw new UserError(
      'bad_argument',
      action ? md`There is no ${code(`feature ${action}`)}.` : md`Say what to do with a feature.`,
      md`Usage: ${code(FEATURE_USAGE)}. The list: ${code(FEATURES_USAGE)}`,
    );
  },
  features: (ctx, args) => {
    const { version, wg } = parseArgs(featuresArgs, args, FEATURES_USAGE);
    return featureListBlocks(
      listFeatures(ctx.services, { version: releaseVersion(ctx, version), ...(wg ? { wg } : {}) }),
    );
  },
  'release-notes': (ctx, args) =>
    releaseNotesBlocks(getReleaseNotes(ctx.services, versionOnly(ctx, args, 'release-notes'))),
};
