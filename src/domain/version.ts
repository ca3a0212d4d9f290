import { MAX_DIGITS } from '../text/numbers';

/** A release version as the bot stores and shows it, plus what was tidied up on the way in. */
export interface ParsedVersion {
  /** The text as given, before trimming. */
  input: string;
  scheme: 'semver' | 'calver';
  /** SemVer major, or the two-digit year of a calendar version (26 for 26.03). */
  major: number;
  /** SemVer minor, or the month of a calendar version (3 for 26.03). */
  minor: number;
  /** Null when the version has no patch part (v1.8-rc.0, 26.03). */
  patch: number | null;
  /** The release candidate number, null for a final version. */
  rc: number | null;
  /** The one spelling used in tags, the database and messages: v1.10.0, v1.8-rc.0, 26.03-rc.1. */
  canonical: string;
  /** Short sentences saying what was normalised, empty when the input was already canonical. */
  notes: string[];
}

export type ParseVersionResult = { ok: true; version: ParsedVersion } | { ok: false; error: string };

const MAX_LENGTH = 40;
const EXAMPLES = 'for example v1.10.0, v1.10.0-rc.1, 26.03 or 26.03-rc.1';
/** Optional v, two or three dot-separated numbers, optional -rc.N (also -rcN, as some old tags have). */
const VERSION_SHAPE = /^(v?)(\d+)\.(\d+)(?:\.(\d+))?(?:-(rc)(\.?)(\d+))?$/i;
const LEADING_ZERO = /^0\d/;

const shorten = (text: string): string => (text.length > MAX_LENGTH ? `${text.slice(0, 20)}...` : text);

function refuse(input: string, problem: string): ParseVersionResult {
  return {
    ok: false,
    error: `"${input}" is not a valid version: ${problem}. Write it like this: ${EXAMPLES}.`,
  };
}

/**
 * Reads a Kubeflow version: SemVer (v1.10.0, v1.10.0-rc.1, the handbook's v1.10-rc.0) or a
 * calendar version (26.03, 26.03.1, 26.03-rc.1). Common slips seen in real tags (1.9.0-rc.2,
 * v1.8.1-rc0, V1.2.3) are accepted and normalised, with a note saying so; anything else is
 * refused with an error that says what is wrong.
 */
export function parseVersion(input: string): ParseVersionResult {
  const text = input.trim();
  if (text === '') return { ok: false, error: `The version is empty. Write it like this: ${EXAMPLES}.` };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text) || text.includes('/')) {
    return refuse(shorten(text), 'it looks like a URL or a path; give only the version');
  }
  if (text.length > MAX_LENGTH) return refuse(shorten(text), `it is longer than ${MAX_LENGTH} characters`);
  if (/\s/.test(text)) return refuse(text, 'it contains spaces');
  if (text.includes('+'))
    return refuse(text, 'build metadata (the part after "+") is not used in Kubeflow versions');

  const match = VERSION_SHAPE.exec(text);
  if (!match) {
    if (/^v?\d+(\.\d+)*-/i.test(text)) {
      return refuse(text, 'the only pre-release label Kubeflow uses is -rc.N');
    }
    return refuse(text, 'it should be numbers separated by dots, optionally followed by -rc.N');
  }
  const [, v = '', first = '', second = '', third, rcLabel, rcDot, rcNumber] = match;
  const notes: string[] = [];
  if (rcLabel !== undefined && rcLabel !== 'rc') notes.push(`wrote "${rcLabel}" as "rc"`);
  if (rcNumber !== undefined && rcDot === '') notes.push(`added the missing dot before the RC number`);

  const tooLong = tooManyDigits({ major: first, minor: second, patch: third, RC: rcNumber });
  if (tooLong) return refuse(text, tooLong);

  const looksCalendar = v === '' && first.length === 2 && second.length === 2;
  if (looksCalendar) {
    return parseCalendar(input, text, { first, second, third, rcNumber, notes });
  }

  for (const part of [first, second, third, rcNumber]) {
    if (part !== undefined && LEADING_ZERO.test(part)) {
      const calendarLike = first.length === 2 && second.length === 2;
      const hint = calendarLike ? '; calendar versions are written without a "v", e.g. 26.03' : '';
      return refuse(text, `"${part}" has a leading zero${hint}`);
    }
  }
  if (third === undefined && rcNumber === undefined) {
    return refuse(
      text,
      `it has no patch number; a release is v${first}.${second}.0 and its first RC v${first}.${second}.0-rc.0`,
    );
  }
  if (v === '') notes.push(`no leading 'v': added one`);
  if (v === 'V') notes.push(`wrote the upper-case 'V' as 'v'`);

  const major = Number(first);
  const minor = Number(second);
  const patch = third === undefined ? null : Number(third);
  const rc = rcNumber === undefined ? null : Number(rcNumber);
  const canonical = `v${major}.${minor}${patch === null ? '' : `.${patch}`}${rc === null ? '' : `-rc.${rc}`}`;
  return { ok: true, version: { input, scheme: 'semver', major, minor, patch, rc, canonical, notes } };
}

/**
 * Why a version's numbers cannot be read, or null: each has at most nine digits, so no version is
 * ever stored or shown as v1e+21.0.0, which no command could then address.
 */
function tooManyDigits(parts: Record<string, string | undefined>): string | null {
  for (const [name, digits] of Object.entries(parts)) {
    if (digits !== undefined && digits.length > MAX_DIGITS)
      return `its ${name} number has ${digits.length} digits, and a version number has at most ${MAX_DIGITS}`;
  }
  return null;
}

interface CalendarParts {
  first: string;
  second: string;
  third: string | undefined;
  rcNumber: string | undefined;
  notes: string[];
}

function parseCalendar(input: string, text: string, parts: CalendarParts): ParseVersionResult {
  const { first, second, third, rcNumber, notes } = parts;
  const month = Number(second);
  if (month < 1 || month > 12)
    return refuse(text, `the month "${second}" of a calendar version must be 01 to 12`);
  if (third !== undefined && rcNumber !== undefined) {
    return refuse(text, 'calendar release candidates have no patch number (26.03-rc.1)');
  }
  for (const part of [third, rcNumber]) {
    if (part !== undefined && LEADING_ZERO.test(part)) return refuse(text, `"${part}" has a leading zero`);
  }
  const patch = third === undefined ? null : Number(third);
  const rc = rcNumber === undefined ? null : Number(rcNumber);
  const canonical = `${first}.${second}${patch === null ? '' : `.${patch}`}${rc === null ? '' : `-rc.${rc}`}`;
  return {
    ok: true,
    version: { input, scheme: 'calver', major: Number(first), minor: month, patch, rc, canonical, notes },
  };
}

/** A final version is one that is not a release candidate. */
export function isFinalVersion(v: ParsedVersion): boolean {
  return v.rc === null;
}

/**
 * Orders two versions of the same scheme: negative when a comes first. A missing patch counts as 0
 * and a release candidate comes before its final version (v1.8.0-rc.3 < v1.8.0).
 */
export function compareVersions(a: ParsedVersion, b: ParsedVersion): number {
  if (a.scheme !== b.scheme) {
    throw new Error(`Cannot compare ${a.canonical} (${a.scheme}) with ${b.canonical} (${b.scheme}).`);
  }
  const byNumbers = a.major - b.major || a.minor - b.minor || (a.patch ?? 0) - (b.patch ?? 0);
  if (byNumbers !== 0) return byNumbers;
  if (a.rc === b.rc) return 0;
  if (a.rc === null) return 1;
  if (b.rc === null) return -1;
  return a.rc - b.rc;
}

const pad2 = (value: number): string => String(value).padStart(2, '0');

/**
 * Fills a branch or tag pattern from a template: {major} {minor} {patch} (0 when the version has
 * none), {yy} {mm} (two digits, for calendar versions) and {n}, the RC number (defaults to the
 * version's own). Throws when the pattern needs an RC number and none is known: that is a bug.
 */
export function formatVersionPattern(pattern: string, v: ParsedVersion, n?: number): string {
  const rcNumber = n ?? v.rc;
  if (pattern.includes('{n}') && rcNumber === null) {
    throw new Error(`The pattern "${pattern}" needs an RC number and ${v.canonical} has none.`);
  }
  const values: Record<string, string> = {
    major: String(v.major),
    minor: String(v.minor),
    patch: String(v.patch ?? 0),
    n: String(rcNumber),
    yy: pad2(v.major),
    mm: pad2(v.minor),
  };
  return pattern.replace(/\{(major|minor|patch|n|yy|mm)\}/g, (_whole, name: string) => values[name] ?? '');
}
