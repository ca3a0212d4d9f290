/**
 * Supported version ranges of common dependencies (Kubernetes, Istio, Python, ...), as working
 * groups declare them at Feature Freeze, and the expected final versions of their components.
 *
 * The range grammar, one interval per range:
 *   - comparators separated by spaces or commas, all of which must hold:
 *     `>=1.29 <1.32`, `>=3.9,<3.13`, `>1.29.3`, `<=1.31`, `=1.30`;
 *   - `1.29.x` (or `1.29.*`, or a bare `1.29`): any 1.29 patch; `1.x`: any 1 minor;
 *   - `^1.29`: from 1.29 up to the next major (`^0.16`: any 0.16 patch);
 *   - `~1.29.2`: from 1.29.2 up to the next minor;
 *   - a bare full version, `1.29.3`: exactly that one.
 * A version is one to three numbers with an optional leading `v`. A short version in a comparator
 * stands for its whole series: `<=1.31` takes every 1.31 patch, `>1.29` starts at 1.30.
 */

/** major, minor, patch. */
export type VersionParts = [number, number, number];

export interface Bound {
  version: VersionParts;
  inclusive: boolean;
}

/** The versions a range admits: between its bounds (an absent bound is open). */
export interface Interval {
  lower: Bound | null;
  upper: Bound | null;
}

export type RangeParse = { ok: true; interval: Interval } | { ok: false; problem: string };

const MAX_RANGE = 60;
const VERSION = /^v?(\d{1,6})(?:\.(\d{1,6}|[x*]))?(?:\.(\d{1,6}|[x*]))?$/i;
const COMPARATOR = /^(>=|<=|>|<|==|=|\^|~)?(.+)$/;
const EXAMPLES = 'e.g. >=1.29 <1.32, 1.29.x or ^1.29';

export function compareVersions(a: VersionParts, b: VersionParts): number {
  for (let i = 0; i < 3; i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** The numbers given, how many (a wildcard ends them), and whether a wildcard was written. */
function readVersion(text: string): { parts: VersionParts; given: number; wildcard: boolean } | null {
  const match = VERSION.exec(text);
  if (!match) return null;
  const given: number[] = [];
  let wildcard = false;
  for (const part of [match[1], match[2], match[3]]) {
    if (part === undefined) break;
    if (/^[x*]$/i.test(part)) {
      wildcard = true;
      break;
    }
    if (wildcard) return null;
    given.push(Number(part));
  }
  // `1.x.3` is nonsense: nothing may follow a wildcard.
  if (wildcard && match[3] !== undefined && !/^[x*]$/i.test(match[3])) return null;
  return { parts: [given[0] ?? 0, given[1] ?? 0, given[2] ?? 0], given: given.length, wildcard };
}

/** The first version after the series a short version names: 1.31 -> 1.32.0, 1 -> 2.0.0. */
function nextSeries(parts: VersionParts, given: number): VersionParts {
  if (given <= 1) return [parts[0] + 1, 0, 0];
  return [parts[0], parts[1] + 1, 0];
}

const at = (version: VersionParts, inclusive = true): Bound => ({ version, inclusive });

/** The interval one comparator (or one bare version) admits. */
function comparatorInterval(op: string, text: string): Interval | string {
  const read = readVersion(text);
  if (!read) return `"${text}" is not a version: write numbers separated by dots, e.g. 1.29 or v1.29.3`;
  const { parts, given, wildcard } = read;
  const full = given === 3 && !wildcard;
  if (wildcard && op !== '' && op !== '=' && op !== '==')
    return `a wildcard goes without an operator: write ${text} or ${op}${parts.slice(0, given).join('.')}`;
  switch (op) {
    case '>=':
      return { lower: at(parts), upper: null };
    case '>':
      return { lower: full ? at(parts, false) : at(nextSeries(parts, given)), upper: null };
    case '<':
      return { lower: null, upper: at(parts, false) };
    case '<=':
      return { lower: null, upper: full ? at(parts) : at(nextSeries(parts, given), false) };
    case '^': {
      const end: VersionParts = parts[0] > 0 || given < 2 ? [parts[0] + 1, 0, 0] : [0, parts[1] + 1, 0];
      return { lower: at(parts), upper: at(end, false) };
    }
    case '~':
      return { lower: at(parts), upper: at(nextSeries(parts, Math.min(given, 2)), false) };
    default:
      // A bare or `=` version: exactly it when complete, else its whole series.
      return full
        ? { lower: at(parts), upper: at(parts) }
        : { lower: at(parts), upper: at(nextSeries(parts, given), false) };
  }
}

function higherLower(a: Bound | null, b: Bound | null): Bound | null {
  if (!a || !b) return a ?? b;
  const c = compareVersions(a.version, b.version);
  if (c !== 0) return c > 0 ? a : b;
  return a.inclusive ? b : a;
}

function lowerUpper(a: Bound | null, b: Bound | null): Bound | null {
  if (!a || !b) return a ?? b;
  const c = compareVersions(a.version, b.version);
  if (c !== 0) return c < 0 ? a : b;
  return a.inclusive ? b : a;
}

/** Whether no version lies between the bounds. */
function isEmpty(interval: Interval): boolean {
  const { lower, upper } = interval;
  if (!lower || !upper) return false;
  const c = compareVersions(lower.version, upper.version);
  return c > 0 || (c === 0 && !(lower.inclusive && upper.inclusive));
}

/** The versions both intervals admit; null when there are none. */
export function intersect(a: Interval, b: Interval): Interval | null {
  const both = { lower: higherLower(a.lower, b.lower), upper: lowerUpper(a.upper, b.upper) };
  return isEmpty(both) ? null : both;
}

/**
 * Reads a supported version range (see the grammar at the top of this file). Refuses, in one
 * sentence, a range it cannot read and one no version satisfies (`>=1.32 <1.29`).
 */
export function parseRange(raw: string): RangeParse {
  const text = raw.trim();
  if (text === '') return { ok: false, problem: `The range is empty: ${EXAMPLES}.` };
  if (text.length > MAX_RANGE)
    return { ok: false, problem: `Keep the range under ${MAX_RANGE} characters: ${EXAMPLES}.` };
  if (text.includes('||'))
    return { ok: false, problem: `Give one range, not alternatives ("||"): ${EXAMPLES}.` };
  const words = text
    .replace(/(>=|<=|==|>|<|=|\^|~)\s+/g, '$1')
    .split(/[\s,]+/)
    .filter(Boolean);
  let interval: Interval = { lower: null, upper: null };
  for (const word of words) {
    const [, op = '', version = ''] = COMPARATOR.exec(word) ?? [];
    const one = comparatorInterval(op, version);
    if (typeof one === 'string') return { ok: false, problem: `${one} (${EXAMPLES}).` };
    const both = intersect(interval, one);
    if (!both)
      return { ok: false, problem: `No version satisfies "${text}": its bounds exclude each other.` };
    interval = both;
  }
  return { ok: true, interval };
}

/** 1.30.0 as 1.30, 1.30.2 as is. */
export function formatVersion(parts: VersionParts): string {
  return parts[2] === 0 ? `${parts[0]}.${parts[1]}` : parts.join('.');
}

/** An interval in the comparator form: `>=1.30 <1.31`, `=1.29.3`, `any`. */
export function formatInterval(interval: Interval): string {
  const { lower, upper } = interval;
  if (
    lower &&
    upper &&
    lower.inclusive &&
    upper.inclusive &&
    compareVersions(lower.version, upper.version) === 0
  )
    return `=${upper.version.join('.')}`;
  const parts = [
    lower ? `${lower.inclusive ? '>=' : '>'}${formatVersion(lower.version)}` : '',
    upper ? `${upper.inclusive ? '<=' : '<'}${formatVersion(upper.version)}` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : 'any';
}

/** One working group's declared ranges, by dependency id (a dependency it does not use is absent). */
export interface DeclaredRanges {
  wg: string;
  ranges: Record<string, string>;
}

/** One dependency across the working groups that declared a range for it. */
export interface DependencyRow {
  id: string;
  name: string;
  /** Each working group's range as declared, in the order given; null where it declared none. */
  cells: { wg: string; range: string | null }[];
  /** The versions every declared range admits, e.g. `>=1.30 <1.31`; null on a conflict or with none declared. */
  common: string | null;
  /** Pairs of working groups whose ranges have no version in common. */
  conflicts: [string, string][];
}

/**
 * The ranges side by side, one row per dependency: what every working group's range admits in
 * common, or, when there is no such version, each pair of working groups whose ranges do not
 * intersect. A stored range that no longer parses counts as no range.
 */
export function dependencyMatrix(input: {
  dependencies: { id: string; name: string }[];
  declarations: DeclaredRanges[];
}): DependencyRow[] {
  return input.dependencies.map((dep) => {
    const cells = input.declarations.map((d) => ({ wg: d.wg, range: d.ranges[dep.id] ?? null }));
    const parsed = cells.flatMap((cell) => {
      const read = cell.range === null ? null : parseRange(cell.range);
      return read?.ok ? [{ wg: cell.wg, interval: read.interval }] : [];
    });
    const conflicts: [string, string][] = [];
    parsed.forEach((a, i) => {
      for (const b of parsed.slice(i + 1))
        if (!intersect(a.interval, b.interval)) conflicts.push([a.wg, b.wg]);
    });
    let common: Interval | null = parsed.length > 0 ? { lower: null, upper: null } : null;
    for (const p of parsed) common = common && intersect(common, p.interval);
    return {
      id: dep.id,
      name: dep.name,
      cells,
      common: common && conflicts.length === 0 ? formatInterval(common) : null,
      conflicts,
    };
  });
}
