import type * as Yaml from 'yaml';

/** Where the yaml package found a problem: its message and line/column positions. */
export interface YamlProblem {
  message: string;
  linePos?: [{ line: number; col: number }, ...unknown[]];
}

/** A YAML text as JavaScript values, or the problems that stop it being read. Plain data: it crosses threads. */
export type YamlParse = { ok: true; data: unknown } | { ok: false; problems: YamlProblem[] };

/**
 * Parses one YAML text. The yaml package loads on first use: at start the start-up worker parses
 * the config folder, so a Slack start need not load it at all.
 */
export function parseYamlText(text: string): YamlParse {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parseDocument } = require('yaml') as typeof Yaml;
  const document = parseDocument(text);
  if (document.errors.length > 0)
    return {
      ok: false,
      problems: document.errors.map(({ message, linePos }) => ({ message, ...(linePos ? { linePos } : {}) })),
    };
  return { ok: true, data: document.toJS() as unknown };
}
