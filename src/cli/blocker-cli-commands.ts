import type { AppServices } from '../app-services';
import { UserError } from '../errors';
import { syncBlockers, type SyncBlockersResult } from '../workflows/sync-blockers';
import type { CliInvocation, CliIo } from './cli-commands';
import { md } from '../text/mrkdwn';

const SYNC_USAGE = 'kfrelease blockers sync [--json]';

function describeSync(result: SyncBlockersResult): string {
  const left = result.remaining > 0 ? `; ${result.remaining} issue(s) left in this pass` : '';
  if (result.waitingUntil) {
    return `The sync is waiting until ${result.waitingUntil} (${result.error ?? 'GitHub asked to wait'})${left}. It continues from there on its own; nothing to do.`;
  }
  const queries = `${result.requests} GraphQL ${result.requests === 1 ? 'query' : 'queries'}`;
  return `Refreshed the tracked issues with ${queries} (cost ${result.cost}): ${result.changed} changed${left}.`;
}

/** The command line's blocker commands, in the shape of CLI_COMMANDS. */
export const CLI_BLOCKER_COMMANDS: Record<
  string,
  { usage: string; run(s: AppServices, inv: CliInvocation, io: CliIo): Promise<void> | void }
> = {
  'blockers sync': {
    usage: SYNC_USAGE,
    run: async (s, { positionals, flags }, io) => {
      if (positionals.length > 0)
        throw new UserError('bad_argument', md`blockers sync takes no arguments.`, md`Usage: ${SYNC_USAGE}`);
      const result = await syncBlockers({ ...s, github: s.github });
      io.out(flags.json ? JSON.stringify(result, null, 2) : describeSync(result));
    },
  },
};
