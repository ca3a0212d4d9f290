import type { BlockerRow } from '../db/blocker-repository';
import type { ReleaseRow } from '../db/release-repository';
import type { Store } from '../db/store';
import type { IssueReference } from '../domain/issue-reference';
import type { Signoff } from '../domain/signoff-standings';
import type { IssueInfo } from '../github/github-client';
import { trackIssues, type ReferenceLine, type ReferenceProblem } from './submit-blockers';

/** What became of the issues a "blocked" sign-off names. */
export interface SignoffIssues {
  /** Tracked from now on, as blocking issues the representative reported. */
  tracked: BlockerRow[];
  /** The release tracked them already. */
  alreadyTracked: BlockerRow[];
  /** GitHub answered that it has no such issue, or cannot show it (a private repository). */
  notFound: ReferenceProblem[];
}

/**
 * The working group an issue is tracked under: the one owning its repository, else the one owning
 * the manifests repository, which is what distributions test (kubeflow/manifests#N is the
 * Manifests WG's; a distribution's own repository has no working group).
 */
function groupFor(
  groups: { id: number; name: string; repos: string[] }[],
  ref: IssueReference,
  manifestsRepo: string,
): { id: number; name: string } | null {
  const owns = (repo: string) => (g: { repos: string[] }) =>
    g.repos.some((r) => r.toLowerCase() === repo.toLowerCase());
  return groups.find(owns(`${ref.owner}/${ref.repo}`)) ?? groups.find(owns(manifestsRepo)) ?? null;
}

/**
 * The issues and pull requests named in a "blocked" sign-off become tracked blocking issues of
 * the release, in the caller's transaction: reported by the representative, claimed to block the
 * release, with the sign-off as their source (in the note and the audit log), and announced in the
 * release channel like any report. `found` is what GitHub said about the references not tracked yet.
 */
export function trackSignoffIssues(
  store: Store,
  params: {
    release: ReleaseRow;
    signoff: Signoff;
    lines: ReferenceLine[];
    found: Map<string, IssueInfo | null>;
    manifestsRepo: string;
    at: string;
  },
): SignoffIssues {
  const { release, signoff } = params;
  const result: SignoffIssues = { tracked: [], alreadyTracked: [], notFound: [] };
  const groups = store.workingGroups.list();
  const byGroup = new Map<number, { group: { id: number; name: string }; lines: ReferenceLine[] }>();
  for (const line of params.lines) {
    const tracked = store.blockers.byRef(release.id, line.ref);
    if (tracked) {
      result.alreadyTracked.push(tracked);
      continue;
    }
    const group = groupFor(groups, line.ref, params.manifestsRepo);
    if (!group) {
      result.notFound.push({ ...line, problem: 'no working group to track it under.' });
      continue;
    }
    const entry = byGroup.get(group.id) ?? { group, lines: [] };
    entry.lines.push(line);
    byGroup.set(group.id, entry);
  }
  for (const { group, lines } of byGroup.values()) {
    const outcome = trackIssues(store, {
      release,
      group,
      userId: signoff.signedBy,
      at: params.at,
      note: `From the ${signoff.distribution} sign-off #${signoff.id}: blocked on ${signoff.rcTag}.`,
      blocksRelease: true,
      lines,
      found: params.found,
      source: { signoff: signoff.id, distribution: signoff.distribution, rc: signoff.rcTag },
    });
    result.tracked.push(...outcome.saved);
    result.alreadyTracked.push(...outcome.alreadyTracked);
    result.notFound.push(...outcome.problems);
  }
  return result;
}
