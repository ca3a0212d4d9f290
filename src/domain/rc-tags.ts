import { daysUntil } from './timeline';
import { parseVersion, type ParsedVersion } from './version';

/** A tag of the manifests repository read as one of a release's RCs, or as its final tag. */
export interface ReleaseTagMatch {
  /** `rc.N` for a release candidate, `release` for the final tag. */
  key: string;
  rc: number | null;
  /** The tag as found in the repository. */
  name: string;
  /** The spelling the plan uses, e.g. v1.10.0-rc.2. */
  normalized: string;
  /** What was odd about the name, or null when it is spelled as the plan spells it. */
  note: string | null;
}

/** Where an artifact stands: found, not due yet, due today, late, or an optional one never cut. */
export type ArtifactState = 'found' | 'upcoming' | 'due' | 'missing' | 'skipped';

export interface ArtifactTiming {
  state: ArtifactState;
  /** Days from today to the due date (negative once it has passed). */
  daysLeft: number;
  /** Days after the due date it was found, or has been missing; 0 when on time. */
  daysLate: number;
}

export const rcKey = (n: number): string => `rc.${n}`;

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * The tag-name prefixes to list for a release's tags: both `v1.10` and `1.10` for SemVer (real
 * tags such as 1.9.0-rc.2 lost their v), `26.03` for a calendar version.
 */
export function rcTagPrefixes(release: ParsedVersion): string[] {
  if (release.scheme === 'calver') return [`${pad2(release.major)}.${pad2(release.minor)}`];
  return [`v${release.major}.${release.minor}`, `${release.major}.${release.minor}`];
}

function builtName(release: ParsedVersion, rc: number | null): string {
  if (rc === null) return release.canonical;
  if (release.scheme === 'calver') return `${pad2(release.major)}.${pad2(release.minor)}-rc.${rc}`;
  return `v${release.major}.${release.minor}.${release.patch ?? 0}-rc.${rc}`;
}

/** The slips a real tag name makes against the canonical spelling, in words. */
function oddities(name: string, tag: ParsedVersion): string[] {
  const odd: string[] = [];
  if (tag.scheme === 'semver' && /^\d/.test(name)) odd.push('no leading v');
  if (name.startsWith('V')) odd.push('an upper-case V');
  if (/-rc\d/i.test(name)) odd.push('no dot before the RC number');
  if (/-(RC|Rc|rC)/.test(name)) odd.push('an upper-case RC');
  if (tag.scheme === 'semver' && tag.patch === null)
    odd.push("no patch number, the handbook's vX.Y-rc.N form");
  return odd;
}

function readTag(
  name: string,
  release: ParsedVersion,
  planned: ReadonlyMap<string, string | null>,
): { match: ReleaseTagMatch; odd: string[] } | null {
  const parsed = parseVersion(name);
  if (!parsed.ok) return null;
  const tag = parsed.version;
  if (tag.scheme !== release.scheme || tag.major !== release.major || tag.minor !== release.minor)
    return null;
  // The handbook's vX.Y-rc.N has no patch number: it names an RC of vX.Y.0.
  const samePatch =
    tag.scheme === 'calver'
      ? tag.patch === release.patch
      : tag.patch === null
        ? tag.rc !== null && (release.patch ?? 0) === 0
        : tag.patch === (release.patch ?? 0);
  if (!samePatch) return null;
  const key = tag.rc === null ? 'release' : rcKey(tag.rc);
  const normalized = planned.get(key) ?? builtName(release, tag.rc);
  if (name === normalized) return { match: { key, rc: tag.rc, name, normalized, note: null }, odd: [] };
  const odd = oddities(name, tag);
  const note = `Found as "${name}"${odd.length > 0 ? ` (${odd.join(', ')})` : ''}, read as ${normalized}.`;
  return { match: { key, rc: tag.rc, name, normalized, note }, odd };
}

/**
 * Reads a tag name as an RC or the final tag of `release`, accepting the spellings real
 * kubeflow/manifests tags used (v1.10.0-rc.1, v1.10-rc.1, 1.10.0-rc.2, v1.10.0-rc0). Tags of any
 * other version (v1.10.1-rc.0 for a v1.10.0 release, v1.1.0 when listing `v1.1`) answer null.
 * `planned` maps milestone keys to the names the plan expects; a name spelled otherwise gets a note.
 */
export function matchReleaseTag(
  name: string,
  release: ParsedVersion,
  planned: ReadonlyMap<string, string | null> = new Map(),
): ReleaseTagMatch | null {
  return readTag(name, release, planned)?.match ?? null;
}

/**
 * Picks, per RC and for the final tag, the one tag that stands for it: the planned spelling when
 * it exists, else one without slips, else the first by name. Tags of other versions are left out.
 */
export function chooseReleaseTags<T extends { name: string }>(
  tags: T[],
  release: ParsedVersion,
  planned: ReadonlyMap<string, string | null> = new Map(),
): Map<string, ReleaseTagMatch & { tag: T }> {
  const chosen = new Map<string, { rank: number; match: ReleaseTagMatch & { tag: T } }>();
  for (const tag of [...tags].sort((a, b) => a.name.localeCompare(b.name))) {
    const read = readTag(tag.name, release, planned);
    if (!read) continue;
    const rank = read.match.note === null ? 0 : read.odd.length === 0 ? 1 : 2;
    const current = chosen.get(read.match.key);
    if (!current || rank < current.rank) chosen.set(read.match.key, { rank, match: { ...read.match, tag } });
  }
  return new Map([...chosen].map(([key, { match }]) => [key, match]));
}

/**
 * Where a planned artifact stands on `today` (calendar dates in the release's zone). It is due on
 * its date, missing from the day after; an optional one (rc.3) not cut by then is skipped, not
 * missing. A found artifact is late by the days between its due date and `foundOn`.
 */
export function artifactTiming(params: {
  dueOn: string;
  optional: boolean;
  foundOn: string | null;
  today: string;
}): ArtifactTiming {
  const { dueOn, optional, foundOn, today } = params;
  const daysLeft = daysUntil(today, dueOn);
  if (foundOn !== null) return { state: 'found', daysLeft, daysLate: Math.max(0, daysUntil(dueOn, foundOn)) };
  if (daysLeft > 0) return { state: 'upcoming', daysLeft, daysLate: 0 };
  if (daysLeft === 0) return { state: 'due', daysLeft, daysLate: 0 };
  return optional
    ? { state: 'skipped', daysLeft, daysLate: 0 }
    : { state: 'missing', daysLeft, daysLate: -daysLeft };
}

/** The newest RC among those found, by number; null before the first one. */
export function latestRc<T extends { rc: number | null }>(found: T[]): (T & { rc: number }) | null {
  let latest: (T & { rc: number }) | null = null;
  for (const item of found) {
    if (item.rc === null) continue;
    if (latest === null || item.rc > latest.rc) latest = item as T & { rc: number };
  }
  return latest;
}
