import fs from 'node:fs';
import type { z } from 'zod';
import { UserError } from '../errors';
import { md } from '../text/mrkdwn';
import { displayName } from './config-dir';
import { fileStamp } from './file-stamp';
import { parseYamlText, type YamlParse, type YamlProblem } from './parse-yaml-text';

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

/** A config file's YAML as parsed elsewhere (the start-up worker), with the file's stamp then. */
export interface PreparsedYaml {
  file: string;
  stamp: string;
  parse: YamlParse;
}

const preparsed = new Map<string, PreparsedYaml>();

/**
 * Hands over YAML the start-up worker parsed while the modules loaded. Each is used once, by the
 * first read of its file, and only while the file still has the stamp it had then; validation
 * (the file's own checks) still runs here.
 */
export function offerPreparsedYaml(entries: readonly PreparsedYaml[]): void {
  for (const entry of entries) preparsed.set(entry.file, entry);
}

/** The YAML of `file` parsed by the start-up worker, if it has not changed since. */
function takePreparsed(file: string, stamp: string | null): YamlParse | undefined {
  const entry = preparsed.get(file);
  preparsed.delete(file);
  return entry && entry.stamp === stamp ? entry.parse : undefined;
}

/** "<file>: is not valid YAML at line 2, column 1: Map keys must be unique", from the yaml package's multi-line message. */
function yamlProblem(source: string, error: YamlProblem) {
  const first = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? error.message;
  const where = error.linePos ? ` at line ${error.linePos[0].line}, column ${error.linePos[0].col}` : '';
  return `${source}: is not valid YAML${where}: ${first}`;
}

function readFresh<T>(kind: ConfigFileKind<T>, file: string, stamp: string | null): ConfigParse<T> {
  const source = displayName(file);
  const parsed = takePreparsed(file, stamp) ?? readYaml(kind, file, source);
  if ('unreadable' in parsed) return parsed.unreadable;
  if (!parsed.ok) return { ok: false, problems: parsed.problems.map((e) => yamlProblem(source, e)) };
  return kind.parse(parsed.data, source);
}

/** Reads and parses `file`; a file that cannot be read gives the verdict on it (`unreadable`). */
function readYaml<T>(
  kind: ConfigFileKind<T>,
  file: string,
  source: string,
): YamlParse | { unreadable: ConfigParse<T> } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && kind.whenMissing) return { unreadable: { ok: true, value: kind.whenMissing() } };
    const why =
      code === 'ENOENT'
        ? 'does not exist (is KFRELEASE_CONFIG_DIR the folder with the config files?)'
        : code === 'EISDIR'
          ? 'is a folder, not a file'
          : code === 'EACCES'
            ? 'cannot be read: permission denied'
            : `cannot be read: ${(error as Error).message}`;
    return { unreadable: { ok: false, problems: [`${source}: ${why}`] } };
  }
  return parseYamlText(text);
}

/**
 * Reads, parses and validates one config file, every problem at once. The one reload rule: the
 * result is kept while the file stays the same (size, modification time, inode) and the file is
 * read again at the first use after it changed, so an edit counts without a restart.
 */
export function loadConfigFile<T>(kind: ConfigFileKind<T>, file: string): ConfigParse<T> {
  const stamp = fileStamp(file);
  const key = `${kind.title}\0${file}`;
  const kept = cache.get(key);
  if (stamp !== null && kept?.stamp === stamp) return kept.result as ConfigParse<T>;
  const result = readFresh(kind, file, stamp);
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
