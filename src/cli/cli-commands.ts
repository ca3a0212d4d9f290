import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import type { AppServices } from '../app-services';
import { backupDatabase } from '../db/backup-database';
import { loadMigrations, migrationStatus, MIGRATIONS_DIR } from '../db/migrate';
import { UserError } from '../errors';
import type { Actor } from '../workflows/actor';
import { createRelease, CREATE_RELEASE_USAGE, templateAndZone } from '../workflows/create-release';
import { importTeam } from '../workflows/import-team';
import { cancelRelease, closeRelease, markShipped } from '../workflows/release-lifecycle-commands';
import { getReleaseStatus } from '../workflows/release-status';
import { getReleaseTimeline } from '../workflows/release-timeline';
import { componentVersionsMarkdown, getComponentVersions } from '../workflows/component-versions';
import { formatStatusText, formatTimelineText, formatVersionsText } from './cli-text';
import { CLI_BLOCKER_COMMANDS } from './blocker-cli-commands';
import { CLI_DEPENDENCY_COMMANDS } from './dependency-cli-commands';
import { CLI_MANIFESTS_COMMANDS } from './manifests-cli-commands';
import { CLI_MEETING_COMMANDS } from './meeting-cli-commands';
import { CLI_OUTBOX_COMMANDS } from './outbox-cli-commands';
import { CLI_RC_COMMANDS } from './rc-cli-commands';
import { CLI_RELEASE_MANAGER_COMMANDS } from './release-manager-cli-commands';
import { CLI_TRACKING_DOCS_COMMANDS } from './tracking-docs-cli-commands';
import { CLI_FEATURE_COMMANDS } from './feature-cli-commands';
import { md } from '../text/mrkdwn';

export interface CliIo {
  out(line: string): void;
}

export interface CliInvocation {
  positionals: string[];
  flags: {
    json: boolean;
    markdown: boolean;
    release?: string;
    /** Span and instant for rehearse and jobs run (ISO dates or timestamps). */
    from?: string;
    to?: string;
    at?: string;
    /** outbox list --failed, outbox retry --all-failed, outbox list --limit N. */
    failed?: boolean;
    allFailed?: boolean;
    limit?: string;
  };
}

const cliActor = (): Actor => ({ kind: 'cli', name: userInfo().username || 'operator' });

/** The command line's subcommands over the same workflows Slack uses. */
export const CLI_COMMANDS: Record<
  string,
  {
    usage: string;
    run(s: AppServices, inv: CliInvocation, io: CliIo): Promise<void> | void;
    /** Starts a new database in an existing empty file, which every other command refuses. */
    startsEmptyDatabase?: boolean;
  }
> = {
  migrate: {
    usage: 'kfrelease migrate',
    startsEmptyDatabase: true,
    run: (s, _inv, io) => {
      const { current } = migrationStatus(s.store.db, loadMigrations(MIGRATIONS_DIR));
      io.out(`The database is at migration ${current}, the latest this kfrelease knows.`);
    },
  },
  'release create': {
    usage: CREATE_RELEASE_USAGE.replace('/kfrelease', 'kfrelease').split(', e.g.')[0] ?? '',
    run: (s, { positionals, flags }, io) => {
      const [version, startDate, ...rest] = positionals;
      if (!version || !startDate || positionals.length > 4) {
        throw new UserError(
          'bad_argument',
          md`Give a version and a start date, then optionally a template and a time zone.`,
          md`Usage: ${CREATE_RELEASE_USAGE.replace('/kfrelease', 'kfrelease')}`,
        );
      }
      const result = createRelease(s, {
        version,
        startDate,
        ...templateAndZone(rest),
        channel: null,
        actor: cliActor(),
      });
      if (flags.json)
        io.out(
          JSON.stringify(
            { version: result.release.version, timeline: result.timeline, notes: result.notes },
            null,
            2,
          ),
        );
      else
        io.out(
          `Created ${result.release.version} (${result.release.template}, ${result.release.timeZone}); week 1 starts ${result.release.startDate}.`,
        );
    },
  },
  'release shipped': {
    usage: 'kfrelease release shipped [VERSION] [YYYY-MM-DD]',
    run: (s, { positionals, flags }, io) => {
      const [first, second] = positionals;
      const isDate = (word: string | undefined) => word !== undefined && /^\d{4}-/.test(word);
      const version = isDate(first) ? flags.release : (first ?? flags.release);
      const on = isDate(first) ? first : second;
      const result = markShipped(s, { version, on, actor: cliActor() });
      io.out(
        `Kubeflow ${result.release.version} shipped on ${result.on}${result.slipDays ? ` (${result.slipDays > 0 ? '+' : ''}${result.slipDays} days off the first plan)` : ''}.`,
      );
    },
  },
  'release close': {
    usage: 'kfrelease release close [VERSION] [REASON...]',
    run: (s, { positionals, flags }, io) => {
      const [first, ...rest] = positionals;
      const named = first !== undefined && s.store.releases.findByVersion(first) !== null;
      const result = closeRelease(s, {
        version: named ? first : flags.release,
        reason: (named ? rest : positionals).join(' '),
        actor: cliActor(),
      });
      io.out(
        `Kubeflow ${result.release.version} is closed${result.early ? ' before its release day' : ''}: it is read-only now.`,
      );
    },
  },
  'release cancel': {
    usage: 'kfrelease release cancel VERSION REASON...',
    run: (s, { positionals }, io) => {
      const [version, ...reason] = positionals;
      if (!version || reason.length === 0) {
        throw new UserError(
          'bad_argument',
          md`Name the release to cancel and say why.`,
          md`Usage: kfrelease release cancel VERSION REASON...`,
        );
      }
      const result = cancelRelease(s, { version, reason: reason.join(' '), actor: cliActor() });
      io.out(`Kubeflow ${result.release.version} is cancelled: it is read-only now.`);
    },
  },
  'team import': {
    usage: 'kfrelease team import FILE.yml [--release VERSION]',
    run: (s, { positionals, flags }, io) => {
      const [file] = positionals;
      if (!file || positionals.length > 1)
        throw new UserError(
          'bad_argument',
          md`Give one team file.`,
          md`Usage: kfrelease team import FILE.yml [--release VERSION]`,
        );
      let yaml: string;
      try {
        yaml = readFileSync(file, 'utf8');
      } catch (error) {
        throw new UserError('bad_file', md`Cannot read ${file}: ${(error as Error).message}`);
      }
      const result = importTeam(s, { yaml, source: file, version: flags.release, actor: cliActor() });
      if (flags.json) return io.out(JSON.stringify(result, null, 2));
      io.out(
        result.changed
          ? `Team of ${result.version} updated: ${result.added.length} role(s) added, ${result.removed.length} removed.`
          : `Team of ${result.version} unchanged.`,
      );
      for (const w of result.warnings) io.out(`warning: ${w}`);
    },
  },
  status: {
    usage: 'kfrelease status [VERSION] [--json]',
    run: (s, { positionals, flags }, io) => {
      const status = getReleaseStatus(s, positionals[0]);
      io.out(flags.json ? JSON.stringify(status, null, 2) : formatStatusText(status));
    },
  },
  timeline: {
    usage: 'kfrelease timeline [VERSION] [--json]',
    run: (s, { positionals, flags }, io) => {
      const view = getReleaseTimeline(s, positionals[0]);
      io.out(flags.json ? JSON.stringify(view, null, 2) : formatTimelineText(view));
    },
  },
  versions: {
    usage: 'kfrelease versions [VERSION] [--json | --markdown]',
    run: (s, { positionals, flags }, io) => {
      const view = getComponentVersions(s, positionals[0]);
      if (flags.json) return io.out(JSON.stringify(view, null, 2));
      if (flags.markdown) return io.out(componentVersionsMarkdown(view));
      io.out(formatVersionsText(view));
    },
  },
  backup: {
    usage: 'kfrelease backup FILE',
    run: async (s, { positionals }, io) => {
      const [file] = positionals;
      if (!file)
        throw new UserError(
          'bad_argument',
          md`Give the file to write the backup to.`,
          md`Usage: kfrelease backup FILE`,
        );
      const { pages } = await backupDatabase(s.store.db, file);
      io.out(`Backed up ${pages} pages to ${file}; integrity check ok.`);
    },
  },
  ...CLI_TRACKING_DOCS_COMMANDS,
  ...CLI_FEATURE_COMMANDS,
  ...CLI_MEETING_COMMANDS,
  ...CLI_RELEASE_MANAGER_COMMANDS,
  ...CLI_BLOCKER_COMMANDS,
  ...CLI_RC_COMMANDS,
  ...CLI_DEPENDENCY_COMMANDS,
  ...CLI_OUTBOX_COMMANDS,
  ...CLI_MANIFESTS_COMMANDS,
};
