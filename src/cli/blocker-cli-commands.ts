import { UserError } from '../errors';
import { syncBlockers, type SyncBlockersResult } from '../workflows/sync-blockers';
import { JSON_OPTION, type CliCommand } from './cli-command';
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
export const CLI_BLOCKER_COMMANDS: Record<string, CliCommand> = {
  'blockers sync': {
    usage: SYNC_USAGE,
    summary:
      'Refresh the tracked blocking issues from GitHub now, as the bot does every 10 minutes (needs GITHUB_TOKEN).',
    options: JSON_OPTION,
    example: 'kfrelease blockers sync',
    run: async (s, { positionals, flags }, io) => {
      if (positionals.length > 0)
        throw new UserError('bad_argument', md`blockers sync takes no arguments.`, md`Usage: ${SYNC_USAGE}`);
      const result = await syncBlockers({ ...s, github: s.github });
      io.out(flags.json ? JSON.stringify(result, null, 2) : describeSync(result));
    },
  },
};
