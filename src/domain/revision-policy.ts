import { compareVersions, parseVersion } from './version';

/** What GitHub told us about one submitted revision, gathered before the rules are applied. */
export interface RevisionFacts {
  /** The revision as typed. */
  revision: string;
  resolved: { kind: 'tag' | 'branch' | 'commit'; name: string; sha: string } | null;
  /** The published GitHub release of the tag; null when there is none (drafts do not count). */
  release: { body: string | null; url: string } | null;
  /** True from the first day of Feature Freeze on. */
  freeze: boolean;
  /** The repository's last accepted revision submitted during the freeze, if any. */
  previous: { revision: string; version: string | null; sha: string } | null;
  comparison: {
    status: 'ahead' | 'behind' | 'diverged' | 'identical';
    commits: { sha: string; message: string }[];
  } | null;
  pullRequests: { number: number; title: string; url: string; labels: string[] }[];
}

export interface RevisionReview {
  /** Why it was held for the release manager. */
  reasons: string[];
  commits: { sha: string; message: string }[];
  pullRequests: { number: number; title: string; url: string; labels: string[]; flagged: boolean }[];
  releaseUrl: string | null;
  previous: string | null;
}

export type RevisionVerdict =
  | { outcome: 'refused'; problem: string }
  | {
      outcome: 'accepted' | 'needs_exception';
      kind: 'tag' | 'branch' | 'commit';
      sha: string;
      version: string | null;
      warnings: string[];
      review: RevisionReview;
    };

/**
 * Labels that mark a pull request as a bug fix or a docs change, the only kinds allowed after the
 * freeze. Whole words only: `area/docker`, `debug-tools` or `prefix-caching` are not fixes.
 */
const BUG_FIX_LABEL =
  /(^|[^a-z])(bugs?|bug-?fix(es)?|hot-?fix(es)?|fix(es)?|docs?|documentation|regression|security|cherry-?pick(ed)?)([^a-z]|$)/i;

/**
 * Applies the handbook's rules to one revision. Before the freeze any tag, branch or commit is
 * taken (a tag is preferred). From the first day of Feature Freeze on the revision must be a tag
 * with a published GitHub release and a changelog, named as a version; after a repository's first
 * accepted freeze revision, a new one may only add bug fixes on top of it. A problem the submitter
 * can fix is refused; anything else that breaks the rules is held for the release manager.
 */
export function evaluateRevision(facts: RevisionFacts): RevisionVerdict {
  const { resolved } = facts;
  if (!resolved) {
    return {
      outcome: 'refused',
      problem: `\`${facts.revision}\` is not a tag, branch or commit of this repository. Check the spelling, and that it is pushed.`,
    };
  }
  const warnings: string[] = [];
  const review: RevisionReview = {
    reasons: [],
    commits: [],
    pullRequests: [],
    releaseUrl: facts.release?.url ?? null,
    previous: facts.previous?.revision ?? null,
  };
  const parsed = resolved.kind === 'tag' ? parseVersion(resolved.name) : null;
  const version = parsed?.ok ? parsed.version : null;

  if (resolved.kind !== 'tag') {
    if (facts.freeze) {
      return {
        outcome: 'refused',
        problem: `\`${facts.revision}\` is a ${resolved.kind}. From Feature Freeze on, give a tag with a published GitHub release, e.g. v1.10.0-rc.1.`,
      };
    }
    warnings.push(
      `\`${facts.revision}\` is a ${resolved.kind}, recorded as commit ${resolved.sha.slice(0, 12)}. A tag is preferred, and required from Feature Freeze on.`,
    );
    return { outcome: 'accepted', kind: resolved.kind, sha: resolved.sha, version: null, warnings, review };
  }

  if (facts.freeze) {
    if (!facts.release) {
      return {
        outcome: 'refused',
        problem: `Tag \`${resolved.name}\` has no published GitHub release (a draft does not count). Publish a release with a changelog for it, then submit again.`,
      };
    }
    if (!facts.release.body || facts.release.body.trim() === '') {
      return {
        outcome: 'refused',
        problem: `The GitHub release of \`${resolved.name}\` has an empty description. Add the changelog to the release, then submit again.`,
      };
    }
    if (!version) {
      return {
        outcome: 'refused',
        problem: `Tag \`${resolved.name}\` is not a version. From Feature Freeze on, tag a SemVer or RC version such as v1.10.0 or v1.10.0-rc.1.`,
      };
    }
  } else if (!facts.release) {
    warnings.push(
      `Tag \`${resolved.name}\` has no published GitHub release yet; one with a changelog is required from Feature Freeze on.`,
    );
  }
  if (version && version.notes.length > 0)
    warnings.push(`Tag read as ${version.canonical}: ${version.notes.join('; ')}.`);

  if (facts.freeze && facts.previous) {
    holdUnlessBugFixOnly(facts, version?.canonical ?? null, review);
  }
  return {
    outcome: review.reasons.length > 0 ? 'needs_exception' : 'accepted',
    kind: 'tag',
    sha: resolved.sha,
    version: version?.canonical ?? null,
    warnings,
    review,
  };
}

function holdUnlessBugFixOnly(facts: RevisionFacts, version: string | null, review: RevisionReview): void {
  const previous = facts.previous;
  if (!previous) return;
  const comparison = facts.comparison;
  if (!comparison) {
    review.reasons.push(`GitHub cannot compare it with the previous revision \`${previous.revision}\`.`);
  } else if (comparison.status === 'behind' || comparison.status === 'diverged') {
    review.reasons.push(
      `It does not descend from the previous revision \`${previous.revision}\` (${comparison.status}), so it may carry more than bug fixes.`,
    );
  }
  review.commits = comparison?.commits ?? [];
  review.pullRequests = facts.pullRequests.map((pr) => ({
    ...pr,
    flagged: !pr.labels.some((l) => BUG_FIX_LABEL.test(l)),
  }));
  const bump = versionBump(previous.version, version);
  if (bump) review.reasons.push(bump);
}

/** Why a version change is more than a patch or RC step forward, or null when it is not. */
export function versionBump(previous: string | null, next: string | null): string | null {
  if (!previous || !next) return null;
  const a = parseVersion(previous);
  const b = parseVersion(next);
  if (!a.ok || !b.ok) return null;
  if (a.version.scheme !== b.version.scheme) return `The version scheme changed from ${previous} to ${next}.`;
  if (b.version.major !== a.version.major)
    return `The major version moved from ${a.version.canonical} to ${b.version.canonical}; after the freeze only patch or RC numbers may move.`;
  if (b.version.minor !== a.version.minor)
    return `The minor version moved from ${a.version.canonical} to ${b.version.canonical}; after the freeze only patch or RC numbers may move.`;
  if (compareVersions(b.version, a.version) < 0)
    return `The version moved back from ${a.version.canonical} to ${b.version.canonical}; after the freeze a new revision comes after the previous one.`;
  return null;
}
