import {
  DEFAULT_REVISION_RULES,
  notBugFixOnly,
  rulesForRepository,
  type RepositoryRules,
} from './revision-rules';
import { describeTagPattern, readTagVersion } from './tag-pattern';
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
  /** Commits since the previous revision whose pull requests were not looked up (too many). */
  unlookedCommits?: number;
}

export interface RevisionReview {
  /** Why it was held for the release manager. */
  reasons: string[];
  commits: { sha: string; message: string }[];
  pullRequests: {
    number: number;
    title: string;
    url: string;
    labels: string[];
    flagged: boolean;
    /** Why a flagged one is not bug-fix-only: "labelled kind/feature", "no bug/fix/docs/test/chore label". */
    why?: string;
  }[];
  releaseUrl: string | null;
  previous: string | null;
}

/** What GitHub says the revision is: kept with a refusal, for the release manager to accept it anyway. */
export interface FoundRevision {
  kind: 'tag' | 'branch' | 'commit';
  sha: string;
  version: string | null;
}

export type RevisionVerdict =
  | { outcome: 'refused'; problem: string; found: FoundRevision | null }
  | {
      outcome: 'accepted' | 'needs_exception';
      kind: 'tag' | 'branch' | 'commit';
      sha: string;
      version: string | null;
      warnings: string[];
      review: RevisionReview;
    };

const DEFAULT_RULES = rulesForRepository(DEFAULT_REVISION_RULES, '');

/**
 * Applies the handbook's rules to one revision of a repository with `rules` (its tag pattern and
 * the labels that count). Before the freeze any tag, branch or commit is taken (a tag is
 * preferred). From the first day of Feature Freeze on the revision must be a tag with a published
 * GitHub release and a changelog, named as a version in the repository's tag shape; after a
 * repository's first accepted freeze revision, a new one may only add bug fixes on top of it,
 * whether its version jumps or only its patch or RC number moves. A problem the submitter can fix
 * is refused; anything else that breaks the rules is held for the release manager.
 */
export function evaluateRevision(
  facts: RevisionFacts,
  rules: RepositoryRules = DEFAULT_RULES,
): RevisionVerdict {
  const { resolved } = facts;
  if (!resolved) {
    return {
      outcome: 'refused',
      problem: `\`${facts.revision}\` is not a tag, branch or commit of this repository. Check the spelling, and that it is pushed.`,
      found: null,
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
  const parsed = resolved.kind === 'tag' ? readTagVersion(resolved.name, rules.tagPattern) : null;
  const version = parsed?.ok ? parsed.version : null;
  const found: FoundRevision = {
    kind: resolved.kind,
    sha: resolved.sha,
    version: version?.canonical ?? null,
  };
  const refused = (problem: string): RevisionVerdict => ({ outcome: 'refused', problem, found });

  if (resolved.kind !== 'tag') {
    if (facts.freeze) {
      return refused(
        `\`${facts.revision}\` is a ${resolved.kind}. From Feature Freeze on, give a tag with a published GitHub release, e.g. ${describeTagPattern(rules.tagPattern)}.`,
      );
    }
    warnings.push(
      `\`${facts.revision}\` is a ${resolved.kind}, recorded as commit ${resolved.sha.slice(0, 12)}. A tag is preferred, and required from Feature Freeze on.`,
    );
    return { outcome: 'accepted', kind: resolved.kind, sha: resolved.sha, version: null, warnings, review };
  }

  if (facts.freeze) {
    if (!facts.release) {
      return refused(
        `Tag \`${resolved.name}\` has no published GitHub release (a draft does not count). Publish a release with a changelog for it, then submit again.`,
      );
    }
    if (!facts.release.body || facts.release.body.trim() === '') {
      return refused(
        `The GitHub release of \`${resolved.name}\` has an empty description. Add the changelog to the release, then submit again.`,
      );
    }
    if (!version) {
      return refused(
        `Tag \`${resolved.name}\` is not a version: this repository's tags look like ${describeTagPattern(rules.tagPattern)} (\`${rules.tagPattern}\` in config/kubeflow.yml). From Feature Freeze on, tag a version of that shape.`,
      );
    }
  } else if (!facts.release) {
    warnings.push(
      `Tag \`${resolved.name}\` has no published GitHub release yet; one with a changelog is required from Feature Freeze on.`,
    );
  }
  if (version && version.notes.length > 0)
    warnings.push(`Tag read as ${version.canonical}: ${version.notes.join('; ')}.`);

  if (facts.freeze && facts.previous) {
    holdUnlessBugFixOnly(facts, version?.canonical ?? null, review, rules);
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

function holdUnlessBugFixOnly(
  facts: RevisionFacts,
  version: string | null,
  review: RevisionReview,
  rules: RepositoryRules,
): void {
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
  review.pullRequests = facts.pullRequests.map((pr) => {
    const why = notBugFixOnly(pr.labels, rules);
    return why === null ? { ...pr, flagged: false } : { ...pr, flagged: true, why };
  });
  const bump = versionBump(previous.version, version);
  if (bump) review.reasons.push(bump);
  const offending = review.pullRequests.filter((pr) => pr.flagged);
  if (offending.length > 0) {
    const list = offending.map((pr) => `#${pr.number} (${pr.why ?? 'not a fix'})`).join(', ');
    review.reasons.push(
      `${offending.length === 1 ? 'A pull request' : `${offending.length} pull requests`} since \`${previous.revision}\` ${offending.length === 1 ? 'is' : 'are'} not bug-fix-only: ${list}. After the freeze only bug fixes, docs, tests and chores may ship.`,
    );
  }
  if (facts.unlookedCommits && facts.unlookedCommits > 0) {
    review.reasons.push(
      `The pull requests of ${facts.unlookedCommits} earlier commit(s) since \`${previous.revision}\` were not looked up: too many to check one by one.`,
    );
  }
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

/**
 * A verdict overruled by the release manager, who accepted the revision as it is: whatever the
 * rules said becomes a warning. A revision GitHub does not have stays refused: there is nothing
 * to accept.
 */
export function acceptedAnyway(verdict: RevisionVerdict): RevisionVerdict {
  const note = (said: string) => `Accepted by the release manager although the rules say: ${said}`;
  if (verdict.outcome !== 'refused') {
    const warnings = [...verdict.warnings, ...verdict.review.reasons.map(note)];
    return { ...verdict, outcome: 'accepted', warnings };
  }
  if (!verdict.found) return verdict;
  const review: RevisionReview = {
    reasons: [],
    commits: [],
    pullRequests: [],
    releaseUrl: null,
    previous: null,
  };
  return { outcome: 'accepted', ...verdict.found, warnings: [note(verdict.problem)], review };
}
