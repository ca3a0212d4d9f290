import fs from 'node:fs';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { UserError } from '../errors';
import { md } from '../text/mrkdwn';
import { displayName } from './config-dir';

/** What validating a file gave: its value, or every problem, each "<file>: <path>: <what is wrong>". */
export type ConfigParse<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/** One kind of config file: what it holds and how it is checked. */
export interface ConfigFileKind<T> {
  /** What the file holds, as "Problems in …" names it: "the holiday and conference calendar". */
  title: string;
  /** Validates the parsed YAML (an empty file is null); `source` is the name problems start with. */
  parse(data: unknown, source: string): ConfigParse<T>;
  /** The value of a file that does not exist; without it, a missing file is a problem. */
  whenMissing?: () => T;
}

/** A config file that cannot be used: every problem in it, written for whoever maintains it. */
export class ConfigFileError extends UserError {
  constructor(
    readonly title: string,
    readonly source: string,
    readonly problems: string[],
  ) {
    super(
      'bad_file',
      md`Problems in ${title} (${source}):\n${problems.map((p) => `• ${p}`).join('\n')}`,
      md`Whoever runs kfrelease fixes ${source}: every problem is listed, each with where it is in the file.`,
    );
    this.name = 'ConfigFileError';
  }
}

const cache = new Map<string, { stamp: string; result: ConfigParse<unknown> }>();

/** Size, modification time and inode: any edit, or a file replaced by another, changes it. */
function stampOf(file: string): string | null {
  try {
    const stat = fs.statSync(file);
    return `${stat.size}:${stat.mtimeMs}:${stat.ino}`;
  } catch {
    return null;
  }
}

/** "<file>: is not valid YAML at line 2, column 1: Map keys must be unique", from the yaml package's multi-line message. */
function yamlProblem(
  source: string,
  error: { message: string; linePos?: [{ line: number; col: number }, ...unknown[]] },
) {
  const first = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? error.message;
  const where = error.linePos ? ` at line ${error.linePos[0].line}, column ${error.linePos[0].col}` : '';
  return `${source}: is not valid YAML${where}: ${first}`;
}

function readFresh<T>(kind: ConfigFileKind<T>, file: string): ConfigParse<T> {
  const source = displayName(file);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && kind.whenMissing) return { ok: true, value: kind.whenMissing() };
    const why =
      code === 'ENOENT'
        ? 'does not exist (is KFRELEASE_CONFIG_DIR the folder with the config files?)'
        : code === 'EISDIR'
          ? 'is a folder, not a file'
          : code === 'EACCES'
            ? 'cannot be read: permission denied'
            : `cannot be read: ${(error as Error).message}`;
    return { ok: false, problems: [`${source}: ${why}`] };
  }
  const document = parseDocument(text);
  if (document.errors.length > 0)
    return { ok: false, problems: document.errors.map((e) => yamlProblem(source, e)) };
  return kind.parse(document.toJS(), source);
}

/**
 * Reads, parses and validates one config file, every problem at once. The one reload rule: the
 * result is kept while the file stays the same (size, modification time, inode) and the file is
 * read again at the first use after it changed, so an edit counts without a restart.
 */
export function loadConfigFile<T>(kind: ConfigFileKind<T>, file: string): ConfigParse<T> {
  const stamp = stampOf(file);
  const key = `${kind.title}\0${file}`;
  const kept = cache.get(key);
  if (stamp !== null && kept?.stamp === stamp) return kept.result as ConfigParse<T>;
  const result = readFresh(kind, file);
  if (stamp !== null) cache.set(key, { stamp, result });
  else cache.delete(key);
  return result;
}

/** As loadConfigFile, throwing a ConfigFileError that lists every problem. */
export function readConfigFile<T>(kind: ConfigFileKind<T>, file: string): T {
  const result = loadConfigFile(kind, file);
  if (!result.ok) throw new ConfigFileError(kind.title, displayName(file), result.problems);
  return result.value;
}

/** A path as people read it in YAML: phases[2].to_week. */
export function yamlPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, part) => {
    if (typeof part === 'number') return `${text}[${part}]`;
    return text === '' ? String(part) : `${text}.${String(part)}`;
  }, '');
}

/** Zod's messages reworded for someone editing YAML. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys')
    return `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}; check the spelling`;
  if (issue.code === 'invalid_type' && issue.path.length === 0 && issue.input == null)
    return 'the file is empty';
  if (issue.code === 'invalid_type' && issue.input === undefined)
    return `is missing (expected ${issue.expected})`;
  if (issue.code === 'invalid_type')
    return `must be ${issue.expected === 'object' ? 'a mapping' : issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}`;
  return issue.message;
}

/** A zod schema's validation as a ConfigParse: every issue with its path in the file. */
export function zodConfigParse<T>(
  schema: z.ZodType<T>,
  describe: (issue: z.core.$ZodIssue) => string = describeIssue,
): ConfigFileKind<T>['parse'] {
  return (data, source) => {
    const parsed = schema.safeParse(data, { reportInput: true });
    if (parsed.success) return { ok: true, value: parsed.data };
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => {
        const where = yamlPath(issue.path);
        return `${source}: ${where === '' ? '' : `${where}: `}${describe(issue)}`;
      }),
    };
  };
}
