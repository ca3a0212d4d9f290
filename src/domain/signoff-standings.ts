/** A distribution representative's verdict on one RC. */
export type SignoffResult = 'thumbs_up' | 'blocked';

/** One sign-off as given; none is ever changed or removed. */
export interface Signoff {
  id: number;
  distribution: string;
  /** The RC tested: its milestone key (rc.2), number and tag name (v1.10.0-rc.2). */
  rcKey: string;
  rc: number;
  rcTag: string;
  result: SignoffResult;
  /** owner/repo#number of the issues that block the distribution; empty for a thumbs-up. */
  blockingIssues: string[];
  kubernetesVersion: string;
  evidenceUrl: string | null;
  notes: string;
  /** Slack user ID, or `cli:<name>`. */
  signedBy: string;
  /** UTC ISO timestamp. */
  signedAt: string;
}

/** The RC the matrix is bound to: the newest one found in the manifests repository. */
export interface CurrentRc {
  key: string;
  rc: number;
  tag: string;
}

export type DistributionStanding = 'thumbs_up' | 'blocked' | 'pending';

export interface DistributionRow {
  distribution: string;
  standing: DistributionStanding;
  /** The sign-off the standing comes from: the latest one on the current RC. */
  current: Signoff | null;
  /** While pending: the latest sign-off on an older RC, which a newer RC set aside. */
  earlier: Signoff | null;
  /** Every sign-off of the distribution, newest first. */
  history: Signoff[];
}

export interface SignoffMatrix {
  rc: CurrentRc | null;
  rows: DistributionRow[];
  /** Distributions with a thumbs-up on the current RC. */
  thumbsUp: number;
  /**
   * Distribution testing's success criterion ("thumbs up from distribution representatives"):
   * every distribution with a representative has a thumbs-up on the current RC.
   */
  criterionMet: boolean;
}

const newestFirst = (a: Signoff, b: Signoff) => b.id - a.id;

/**
 * Builds the sign-off matrix: one row per distribution, standing on its latest sign-off for the
 * current RC. A newer RC sends every distribution back to pending (history kept), so a thumbs-up
 * always means "tested the RC that would ship". With no distributions or no RC it is never met.
 */
export function signoffMatrix(params: {
  distributions: string[];
  rc: CurrentRc | null;
  signoffs: Signoff[];
}): SignoffMatrix {
  const { rc } = params;
  const rows = [...new Set(params.distributions)].sort().map((distribution): DistributionRow => {
    const history = params.signoffs.filter((s) => s.distribution === distribution).sort(newestFirst);
    const current = rc ? (history.find((s) => s.rc === rc.rc) ?? null) : null;
    const earlier = current ? null : (history.find((s) => rc === null || s.rc < rc.rc) ?? null);
    return { distribution, standing: current?.result ?? 'pending', current, earlier, history };
  });
  const thumbsUp = rows.filter((row) => row.standing === 'thumbs_up').length;
  return { rc, rows, thumbsUp, criterionMet: rc !== null && rows.length > 0 && thumbsUp === rows.length };
}

/**
 * The distributions a newly found RC sends back to pending: those whose latest sign-off is on an
 * older RC. Their representatives are asked to re-test.
 */
export function signoffsToRetest(signoffs: Signoff[], newRc: number): Signoff[] {
  const latest = new Map<string, Signoff>();
  for (const signoff of [...signoffs].sort(newestFirst)) {
    if (!latest.has(signoff.distribution)) latest.set(signoff.distribution, signoff);
  }
  return [...latest.values()]
    .filter((signoff) => signoff.rc < newRc)
    .sort((a, b) => a.distribution.localeCompare(b.distribution));
}
