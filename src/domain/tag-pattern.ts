import { parseVersion, type ParsedVersion } from './version';

/** How most repositories name a release tag: v1.10.0, v1.10.0-rc.1. */
export const DEFAULT_TAG_PATTERN = 'v{version}';

const PLACEHOLDER = '{version}';
/** What may surround the version in a tag: the characters of a git tag name, no pattern syntax. */
const LITERAL = /^[A-Za-z0-9._/-]*$/;

/** Why a tag pattern from config/kubeflow.yml cannot be used, or null when it can. */
export function tagPatternProblem(pattern: string): string | null {
  const at = pattern.indexOf(PLACEHOLDER);
  if (at === -1 || pattern.indexOf(PLACEHOLDER, at + 1) !== -1)
    return `must contain {version} exactly once, e.g. "knative-v{version}" or "{version}"`;
  const rest = pattern.slice(0, at) + pattern.slice(at + PLACEHOLDER.length);
  if (!LITERAL.test(rest))
    return `may hold only letters, digits and . _ / - around {version}, e.g. "knative-v{version}"`;
  return null;
}

/** A tag of this shape for `version` (written without a v): the example a message shows. */
export function exampleTag(pattern: string, version = '1.10.0'): string {
  return pattern.replace(PLACEHOLDER, version);
}

/** "`v1.10.0` or `v1.10.0-rc.1`": how tags of this shape look, for a person. */
export function describeTagPattern(pattern: string): string {
  return `\`${exampleTag(pattern)}\` or \`${exampleTag(pattern, '1.10.0-rc.1')}\``;
}

export type TagVersionRead = { ok: true; version: ParsedVersion } | { ok: false; error: string };

const NO_LEADING_V = /^no leading 'v'/;

/**
 * Reads the version inside a tag named after a repository's pattern: `knative-v1.16.4` with
 * `knative-v{version}` is v1.16.4, `2.5.0` with `{version}` is v2.5.0. The version is stored and
 * compared in its canonical spelling; whether the tag writes a `v` is the pattern's business, so
 * no note says so. A tag of another shape is still read when it is a plain version (old tags,
 * slips such as 1.9.0-rc.2), with a note naming the shape the repository uses.
 */
export function readTagVersion(tag: string, pattern: string = DEFAULT_TAG_PATTERN): TagVersionRead {
  const at = pattern.indexOf(PLACEHOLDER);
  const prefix = at === -1 ? '' : pattern.slice(0, at);
  const suffix = at === -1 ? '' : pattern.slice(at + PLACEHOLDER.length);
  const shaped =
    at !== -1 && tag.length > prefix.length + suffix.length && tag.startsWith(prefix) && tag.endsWith(suffix);
  if (shaped) {
    const inner = parseVersion(tag.slice(prefix.length, tag.length - suffix.length));
    if (inner.ok) {
      const notes = inner.version.notes.filter((note) => !NO_LEADING_V.test(note));
      return { ok: true, version: { ...inner.version, input: tag, notes } };
    }
  }
  const plain = parseVersion(tag);
  if (!plain.ok || pattern === DEFAULT_TAG_PATTERN) return plain;
  const notes = [
    ...plain.version.notes.filter((note) => !NO_LEADING_V.test(note)),
    `this repository's tags are named like ${exampleTag(pattern)} (${pattern})`,
  ];
  return { ok: true, version: { ...plain.version, notes } };
}
