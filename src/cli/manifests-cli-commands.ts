import { userInfo } from 'node:os';
import { UserError } from '../errors';
import { md } from '../text/mrkdwn';
import { actorId, type Actor } from '../workflows/actor';
import { findRelease } from '../workflows/find-release';
import { requireManifestsToken, writeManifestsPulls } from '../workflows/manifests-pulls';
import { requireLive } from '../workflows/release-lifecycle';
import { planManifestsChanges } from '../workflows/manifests-change';
import { manifestsTargets } from '../workflows/manifests-targets';
import { syncManifestsPulls } from '../workflows/sync-manifests-pulls';
import type { CliCommand, CliIo } from './cli-command';
import type { ManifestsPlan } from '../workflows/manifests-change';

const PREVIEW_USAGE = 'kfrelease manifests preview [COMPONENT|all] [--release VERSION] [--json]';
const SYNC_USAGE = 'kfrelease manifests sync [--json]';
const PR_USAGE = 'kfrelease manifests pr [COMPONENT|all] [--release VERSION] [--dry-run] [--json]';

const cliActor = (): Actor => ({ kind: 'cli', name: userInfo().username || 'operator' });

/** A preview (or a dry run): each component's outcome and diff; nothing written. */
function printPlan(io: CliIo, version: string, plan: ManifestsPlan, json: boolean): void {
  if (json) return io.out(JSON.stringify(plan.items, null, 2));
  io.out(`Manifests change of Kubeflow ${version} in ${plan.repo} (into ${plan.base}); nothing is written.`);
  for (const item of plan.items) {
    const revision = item.revision ? ` ${item.revision}` : '';
    const pull = item.pull ? ` ${item.pull.url}` : '';
    const detail = item.detail ? `: ${item.detail}` : '';
    io.out(
      `\n${item.component} (${item.upstreamRepo}${revision}): ${item.outcome.replaceAll('_', ' ')}${pull}${detail}`,
    );
    if (item.diff) io.out(item.diff);
  }
}

/** The manifests sync pull requests from the command line: the change as a diff, and their state now. */
export const CLI_MANIFESTS_COMMANDS: Record<string, CliCommand> = {
  'manifests preview': {
    usage: PREVIEW_USAGE,
    summary:
      "The change each component's accepted revision asks of the manifests repository (its sync script and the README table), as a diff; writes nothing.",
    options: {
      release: 'The release (default: the one kfrelease picks, as in Slack).',
      json: "Print each component's outcome and diff as JSON.",
    },
    example: 'kfrelease manifests preview katib',
    readsOnly: true,
    run: async (s, { positionals, flags }, io) => {
      if (positionals.length > 1)
        throw new UserError('bad_argument', md`Name one component, or all.`, md`Usage: ${PREVIEW_USAGE}`);
      const release = findRelease(s, flags.release);
      const plan = await planManifestsChanges(s, release, manifestsTargets(s, release, positionals[0]));
      printPlan(io, release.version, plan, flags.json);
    },
  },
  'manifests pr': {
    usage: PR_USAGE,
    summary:
      'Open (or update) one pull request per component in the manifests repository, on kfrelease/<release>/<component>, as in Slack, and print how each went (needs GITHUB_TOKEN with Contents and Pull requests write).',
    options: {
      release: 'The release (default: the one kfrelease picks, as in Slack).',
      'dry-run': 'Say what would be opened or updated, with the diffs; write nothing.',
      json: "Print each component's outcome as JSON.",
    },
    example: 'kfrelease manifests pr all --dry-run',
    run: async (s, { positionals, flags }, io) => {
      if (positionals.length > 1)
        throw new UserError('bad_argument', md`Name one component, or all.`, md`Usage: ${PR_USAGE}`);
      const release = findRelease(s, flags.release);
      requireLive(release);
      if (flags.dryRun) {
        const plan = await planManifestsChanges(s, release, manifestsTargets(s, release, positionals[0]));
        return printPlan(io, release.version, plan, flags.json);
      }
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
    summary:
      'Refresh the state (open, merged, closed) of the manifests sync pull requests from GitHub now, as the bot does every 10 minutes.',
    options: { json: 'Print the counts as JSON.' },
    example: 'kfrelease manifests sync',
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
