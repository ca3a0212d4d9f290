import type { Clock } from '../clock';
import type { ReleaseArtifactRow } from '../db/rc-tag-repository';
import type { ReleaseRow } from '../db/release-repository';
import type { Store } from '../db/store';
import { signoffMatrix, type CurrentRc, type DistributionRow } from '../domain/signoff-standings';
import type { TeamAssignment } from '../domain/team';
import { findRelease } from './find-release';

/** A distribution's row with the people who may sign off for it. */
export interface DistributionRowView extends DistributionRow {
  reps: { name: string; slackId: string | null }[];
}

/** `/kfrelease signoffs`: who has given a thumbs-up on which RC, and whether the criterion is met. */
export interface SignoffMatrixView {
  version: string;
  rc: CurrentRc | null;
  rows: DistributionRowView[];
  thumbsUp: number;
  criterionMet: boolean;
}

/**
 * The RC the matrix is bound to: the newest one found in the manifests repository. Picked from
 * the release's artifacts, which status and RC status read anyway (a handful per release).
 */
export function currentRc(store: Store, releaseId: number): CurrentRc | null {
  const latest = store.rcTags
    .forRelease(releaseId)
    .reduce<ReleaseArtifactRow | null>(
      (newest, row) => (row.rc !== null && (newest?.rc == null || row.rc > newest.rc) ? row : newest),
      null,
    );
  return latest && latest.rc !== null
    ? { key: latest.milestone, rc: latest.rc, tag: latest.normalized }
    : null;
}

/** Each distribution of the release's team with its representatives (shadows included). */
export function distributionReps(store: Store, releaseId: number): Map<string, TeamAssignment[]> {
  const reps = new Map<string, TeamAssignment[]>();
  for (const a of store.team.assignments(releaseId)) {
    if (a.role !== 'distribution_rep' || !a.distribution) continue;
    reps.set(a.distribution, [...(reps.get(a.distribution) ?? []), a]);
  }
  return reps;
}

/** The matrix of one release as it stands now. */
export function matrixOf(store: Store, release: ReleaseRow): SignoffMatrixView {
  return { version: release.version, ...standingsOf(store, release.id) };
}

function standingsOf(store: Store, releaseId: number): Omit<SignoffMatrixView, 'version'> {
  const reps = distributionReps(store, releaseId);
  const matrix = signoffMatrix({
    distributions: [...reps.keys()],
    rc: currentRc(store, releaseId),
    signoffs: store.signoffs.forRelease(releaseId),
  });
  return {
    rc: matrix.rc,
    rows: matrix.rows.map((row) => ({
      ...row,
      reps: (reps.get(row.distribution) ?? []).map((a) => ({ name: a.name, slackId: a.slackId })),
    })),
    thumbsUp: matrix.thumbsUp,
    criterionMet: matrix.criterionMet,
  };
}

/** The sign-off matrix of the named release, or of the current one. */
export function getSignoffMatrix(deps: { store: Store; clock: Clock }, version?: string): SignoffMatrixView {
  return matrixOf(deps.store, findRelease(deps, version));
}

/** The sign-offs in one line, for `status`. */
export interface SignoffSummary {
  rc: string | null;
  thumbsUp: string[];
  blocked: string[];
  pending: string[];
  criterionMet: boolean;
  /** Plain text, e.g. "Sign-offs on v1.10.0-rc.2: thumbs up from AWS; pending: Azure (criterion not met)". */
  text: string;
}

/**
 * Who has given a thumbs-up on the current RC, and whether distribution testing's criterion is
 * met; status and its phase checklist both ask, so inside one answer it is worked out once.
 */
export function signoffSummary(deps: { store: Store }, releaseId: number): SignoffSummary {
  return deps.store.remember(`signoff-summary:${releaseId}`, () =>
    summarize(standingsOf(deps.store, releaseId)),
  );
}

function summarize(view: Omit<SignoffMatrixView, 'version'>): SignoffSummary {
  const named = (standing: DistributionRow['standing']) =>
    view.rows.filter((row) => row.standing === standing).map((row) => row.distribution);
  const [thumbsUp, blocked, pending] = [named('thumbs_up'), named('blocked'), named('pending')];
  const summary = { rc: view.rc?.tag ?? null, thumbsUp, blocked, pending, criterionMet: view.criterionMet };
  if (view.rows.length === 0) return { ...summary, text: 'Sign-offs: no distribution representatives named' };
  if (!view.rc) return { ...summary, text: 'Sign-offs: waiting for the first RC tag' };
  if (view.criterionMet) {
    return {
      ...summary,
      text: `Sign-offs on ${view.rc.tag}: thumbs up from every distribution (criterion met)`,
    };
  }
  const parts = [
    thumbsUp.length > 0 ? `thumbs up from ${thumbsUp.join(', ')}` : 'no thumbs up yet',
    blocked.length > 0 ? `blocked: ${blocked.join(', ')}` : '',
    pending.length > 0 ? `pending: ${pending.join(', ')}` : '',
  ].filter(Boolean);
  return { ...summary, text: `Sign-offs on ${view.rc.tag}: ${parts.join('; ')} (criterion not met)` };
}
