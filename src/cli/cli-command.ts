import type { AppServices } from '../app-services';

export interface CliIo {
  out(line: string): void;
}

/** Every option the command line knows; each command says which of them it takes. */
export const CLI_OPTIONS = {
  json: { type: 'boolean' },
  markdown: { type: 'boolean' },
  release: { type: 'string', value: 'VERSION' },
  from: { type: 'string', value: 'YYYY-MM-DD' },
  to: { type: 'string', value: 'YYYY-MM-DD' },
  at: { type: 'string', value: 'ISO-TIMESTAMP' },
  failed: { type: 'boolean' },
  'all-failed': { type: 'boolean' },
  limit: { type: 'string', value: 'N' },
  yes: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
} as const satisfies Record<string, { type: 'boolean' | 'string'; value?: string }>;

export type CliOptionName = keyof typeof CLI_OPTIONS;

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
    /** release create --yes: go ahead although dates are in the past. */
    yes?: boolean;
    /** manifests pr --dry-run: say what would be written, write nothing. */
    dryRun?: boolean;
  };
}

/**
 * One command of the command line: what `kfrelease help <command>` prints (and docs/commands.md
 * shows) is data here, next to what it runs.
 */
export interface CliCommand {
  /** e.g. `kfrelease status [VERSION] [--json]`. */
  usage: string;
  /** One or two sentences: what it does. */
  summary: string;
  /** The options it takes, each with what it does for this command. */
  options?: Partial<Record<CliOptionName, string>>;
  /** A command line as a release manager would type it. */
  example: string;
  /** Reads only, changes nothing. */
  readsOnly?: boolean;
  /**
   * Starts a database when there is none (migrate, release create). Every other command needs one
   * already: without it, it creates nothing and says which one it looked for.
   */
  createsDatabase?: boolean;
  /** Starts a new database in an existing empty file, which every other command refuses. */
  startsEmptyDatabase?: boolean;
  run(s: AppServices, inv: CliInvocation, io: CliIo): Promise<void> | void;
}

/** The `--json` line most reading commands share. */
export const JSON_OPTION = { json: 'Print it as JSON instead of text.' } as const;
