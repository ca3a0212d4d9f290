import { userInfo } from 'node:os';
import type { AppServices } from '../app-services';
import { UserError } from '../errors';
import { md } from '../text/mrkdwn';
import { actorId, type Actor } from '../workflows/actor';
import { findRelease } from '../workflows/find-release';
import { requireManifestsToken, writeManifestsPulls } from '../workflows/manifests-pulls';
import { requireLive } from '../workflows/release-lifecycle';
import { planManifestsChanges } from '../workflows/manifests-change';
import { manifestsTargets } from '../workflows/manifests-targets';
import { syncManifestsPulls } from '../workflows/sync-manifests-pulls';
import type { CliInvocation, CliIo } from './cli-commands';

type CliCommand = { usage: string; run(s: AppServices, inv: CliInvocation, io: CliIo): Promise<void> | void };

const PREVIEW_USAGE = 'kfrelease manifests preview [COMPONENT|all] [--release VERSION] [--json]';
const SYNC_USAGE = 'kfrelease manifests sync [--json]';
const PR_USAGE = 'kfrelease manifests pr [COMPONENT|all] [--release VERSION] [--json]';

const cliActor = (): Actor => ({ kind: 'cli', name: userInfo().username || 'operator' });

/** The manifests sync pull requests from the command line: the change as a diff, and their state now. */
export const CLI_MANIFESTS_COMMANDS: Record<string, CliCommand> = {
  'manifests preview': {
    usage: PREVIEW_USAGE,
    run: async (s, { positionals, flags }, io) => {
      if (positionals.length > 1)
        throw new UserError('bad_argument', md`Name one component, or all.`, md`Usage: ${PREVIEW_USAGE}`);
      const release = findRelease(s, flags.release);
      const plan = await planManifestsChanges(s, release, manifestsTargets(s, release, positionals[0]));
      if (flags.json) return io.out(JSON.stringify(plan.items, null, 2));
      io.out(
        `Manifests change of Kubeflow ${release.version} in ${plan.repo} (into ${plan.base}); nothing is written.`,
      );
      for (const item of plan.items) {
        const revision = item.revision ? ` ${item.revision}` : '';
        const pull = item.pull ? ` ${item.pull.url}` : '';
        const detail = item.detail ? `: ${item.detail}` : '';
        io.out(
          `\n${item.component} (${item.upstreamRepo}${revision}): ${item.outcome.replaceAll('_', ' ')}${pull}${detail}`,
        );
        if (item.diff) io.out(item.diff);
      }
    },
  },
  'manifests pr': {
    usage: PR_USAGE,
    run: async (s, { positionals, flags }, io) => {
      if (positionals.length > 1)
        throw new UserError('bad_argument', md`Name one component, or all.`, md`Usage: ${PR_USAGE}`);
      const release = findRelease(s, flags.release);
      requireLive(release);
      requireManifestsToken(s);
      const targets = manifestsTargets(s, release, positionals[0]);
      const { items } = await writeManifestsPulls(s, release, targets, actorId(cliActor()));
      if (flags.json) return io.out(JSON.stringify(items, null, 2));
      for (const item of items) {
        const revision = item.revision ? ` ${item.revision}` : '';
        const pull = item.pull ? ` ${item.pull.url}` : '';
        const detail = item.detail ? `: ${item.detail}` : '';
        io.out(
          `${item.component} (${item.upstreamRepo}${revision}): ${item.outcome.replaceAll('_', ' ')}${pull}${detail}`,
        );
      }
    },
  },
  'manifests sync': {
    usage: SYNC_USAGE,
    run: async (s, { positionals, flags }, io) => {
      if (positionals.length > 0)
        throw new UserError('bad_argument', md`manifests sync takes no arguments.`, md`Usage: ${SYNC_USAGE}`);
      const result = await syncManifestsPulls(s);
      io.out(
        flags.json
          ? JSON.stringify(result, null, 2)
          : `Refreshed ${result.checked} manifests pull request(s) from GitHub: ${result.changed} changed.`,
      );
    },
  },
};
