import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { backupDatabase } from '../db/backup-database';
import { loadMigrations, migrationStatus, MIGRATIONS_DIR } from '../db/migrate';
import { UserError } from '../errors';
import type { Actor } from '../workflows/actor';
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
import { JSON_OPTION, type CliCommand } from './cli-command';
import { RELEASE_CREATE_CLI_COMMAND } from './release-create-cli-command';

const cliActor = (): Actor => ({ kind: 'cli', name: userInfo().username || 'operator' });

/** The command line's subcommands over the same workflows Slack uses. */
export const CLI_COMMANDS: Record<string, CliCommand> = {
  migrate: {
    usage: 'kfrelease migrate',
    summary:
      'Create the database, or apply the migrations it is missing, and say which migration it is at (the bot and every other command migrate too).',
    example: 'DATABASE_PATH=./data/kfrelease.db kfrelease migrate',
    createsDatabase: true,
    startsEmptyDatabase: true,
    run: (s, _inv, io) => {
      const { current } = migrationStatus(s.store.db, loadMigrations(MIGRATIONS_DIR));
      io.out(`The database is at migration ${current}, the latest this kfrelease knows.`);
    },
  },
  'release create': RELEASE_CREATE_CLI_COMMAND,
  'release shipped': {
    usage: 'kfrelease release shipped [VERSION] [YYYY-MM-DD]',
    summary:
      'Record the day the release actually shipped, today by default. The final tag on the manifests repository records it too.',
    options: { release: 'The release, when no VERSION is given.' },
    example: 'kfrelease release shipped v1.11.0 2026-06-29',
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
    summary: 'End a release: read-only from then on, its scheduled posts stop. Before release day, say why.',
    options: { release: 'The release, when no VERSION is given.' },
    example: 'kfrelease release close v1.11.0',
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
    summary: 'Give a release up, with a reason; it stays readable by version.',
    example: 'kfrelease release cancel v1.12.0 merged into the calendar-versioned 26.10 release',
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
    usage: 'kfrelease team import FILE.yml [--release VERSION] [--json]',
    summary:
      'Set the release team (release manager, shadows, liaisons, docs lead, distribution representatives) from a YAML file.',
    options: { release: 'The release whose team it is; default the current one.', ...JSON_OPTION },
    example: 'kfrelease team import examples/team.yml --release v1.11.0',
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
    summary:
      'Where the release stands: phase, week, next milestone, release day, key roles, revisions, blockers, RC tags, sign-offs.',
    options: JSON_OPTION,
    example: 'kfrelease status v1.10.0',
    readsOnly: true,
    run: (s, { positionals, flags }, io) => {
      const status = getReleaseStatus(s, positionals[0]);
      io.out(flags.json ? JSON.stringify(status, null, 2) : formatStatusText(status));
    },
  },
  timeline: {
    usage: 'kfrelease timeline [VERSION] [--json]',
    summary: 'Every phase and milestone with its dates, the first plan against the current one.',
    options: JSON_OPTION,
    example: 'kfrelease timeline v1.10.0 --json',
    readsOnly: true,
    run: (s, { positionals, flags }, io) => {
      const view = getReleaseTimeline(s, positionals[0]);
      io.out(flags.json ? JSON.stringify(view, null, 2) : formatTimelineText(view));
    },
  },
  versions: {
    usage: 'kfrelease versions [VERSION] [--json | --markdown]',
    summary: 'The accepted Git revision of every component, by working group.',
    options: { ...JSON_OPTION, markdown: 'Print the table as Markdown, for the manifests README or a PR.' },
    example: 'kfrelease versions --markdown',
    readsOnly: true,
    run: (s, { positionals, flags }, io) => {
      const view = getComponentVersions(s, positionals[0]);
      if (flags.json) return io.out(JSON.stringify(view, null, 2));
      if (flags.markdown) return io.out(componentVersionsMarkdown(view));
      io.out(formatVersionsText(view));
    },
  },
  backup: {
    usage: 'kfrelease backup FILE',
    summary:
      'Copy the database to FILE while the bot runs (an online backup), then check the copy. FILE must not exist yet.',
    example: 'kfrelease backup backups/kfrelease-2026-03-02.db',
    readsOnly: true,
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
