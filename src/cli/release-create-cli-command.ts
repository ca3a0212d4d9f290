import { userInfo } from 'node:os';
import { UserError } from '../errors';
import { md } from '../text/mrkdwn';
import { CREATE_RELEASE_USAGE } from '../workflows/command-usages';
import { createRelease, templateAndZone, UnconfirmedPastDates } from '../workflows/create-release';
import { type CliCommand } from './cli-command';

const USAGE = CREATE_RELEASE_USAGE.replace('/kfrelease', 'kfrelease').split(', e.g.')[0] ?? '';

/**
 * `kfrelease release create`: a release with its first plan. Dates in the past are said plainly
 * and create nothing unless `--yes` confirms them.
 */
export const RELEASE_CREATE_CLI_COMMAND: CliCommand = {
  usage: `${USAGE} [--yes] [--json]`,
  summary:
    'Create a release and its first plan, without a release channel (create it in Slack if it should post anywhere). A start date or release day in the past is refused unless --yes confirms it.',
  options: {
    yes: 'Create it even though its start date or release day is in the past.',
    json: 'Print the release and its timeline as JSON.',
  },
  example: 'kfrelease release create v1.11.0 2026-07-06 handbook-17w Europe/Berlin',
  createsDatabase: true,
  run: (s, { positionals, flags }, io) => {
    const [version, startDate, ...rest] = positionals;
    if (!version || !startDate || positionals.length > 4) {
      throw new UserError(
        'bad_argument',
        md`Give a version and a start date, then optionally a template and a time zone.`,
        md`Usage: ${CREATE_RELEASE_USAGE.replace('/kfrelease', 'kfrelease')}`,
      );
    }
    let result;
    try {
      result = createRelease(s, {
        version,
        startDate,
        ...templateAndZone(rest),
        channel: null,
        actor: { kind: 'cli', name: userInfo().username || 'operator' },
        confirmedPastDates: flags.yes ?? false,
      });
    } catch (error) {
      if (!(error instanceof UnconfirmedPastDates)) throw error;
      throw new UserError(
        'unconfirmed',
        md`${error.warnings.join('\n')}`,
        md`Nothing was created. If that is what you mean, run it again with --yes: ${[
          'kfrelease release create',
          ...positionals,
          '--yes',
        ].join(' ')}`,
      );
    }
    if (flags.json) {
      const { release, timeline, notes } = result;
      return io.out(JSON.stringify({ version: release.version, timeline, notes }, null, 2));
    }
    io.out(
      `Created ${result.release.version} (${result.release.template}, ${result.release.timeZone}); week 1 starts ${result.release.startDate}.`,
    );
  },
};
