import { DateTime } from 'luxon';
import type { Clock } from '../clock';
import type { ReleaseRow } from '../db/release-repository';
import type { Store } from '../db/store';
import { UserError } from '../errors';
import { md } from '../text/mrkdwn';
import { findRelease } from './find-release';
import { requireLive } from './release-lifecycle';
import { distributionReps } from './signoff-matrix';

type Deps = { store: Store; clock: Clock; admins: string[] };

export interface SignoffForm {
  release: ReleaseRow;
  /** Distributions this user may sign off for. */
  distributions: string[];
  /** RCs found, newest first; the first is the one the matrix is bound to. */
  rcs: { key: string; tag: string }[];
  /**
   * Set when none is known yet and the manifests repository is being checked right now: the form
   * can only be offered once the check has answered.
   */
  checking: boolean;
}

/** Distributions `userId` may sign off for: those they represent, or all of them for an admin. */
export function allowedDistributions(deps: Deps, release: ReleaseRow, userId: string): string[] {
  const reps = distributionReps(deps.store, release.id);
  if (deps.admins.includes(userId)) return [...reps.keys()].sort();
  return [...reps]
    .filter(([, people]) => people.some((p) => p.slackId === userId))
    .map(([d]) => d)
    .sort();
}

/** "Donald Knuth (AWS), Leslie Lamport (Azure) or an admin": who may sign off, for a refusal. */
function whoMay(store: Store, releaseId: number, distribution?: string): string {
  const reps = [...distributionReps(store, releaseId)]
    .filter(([d]) => distribution === undefined || d === distribution)
    .flatMap(([d, people]) => people.map((p) => `${p.name} (${d})`));
  return reps.length > 0 ? `${reps.join(', ')} or an admin` : 'an admin';
}

/**
 * The release and the distributions `userId` may sign off for; refuses non-representatives, naming
 * who may. Callers ask this before they look at GitHub, so only those who may sign off cause a check.
 */
export function signoffRights(
  deps: Deps,
  input: { userId: string; version?: string },
): { release: ReleaseRow; distributions: string[] } {
  const release = findRelease(deps, input.version);
  requireLive(release);
  const distributions = allowedDistributions(deps, release, input.userId);
  if (distributions.length > 0) return { release, distributions };
  if (distributionReps(deps.store, release.id).size === 0) {
    throw new UserError(
      'not_found',
      md`No distribution representatives are named for ${release.version}.`,
      md`Add them to the team file (role distribution_rep, with its distribution) and import it.`,
    );
  }
  throw new UserError(
    'forbidden',
    md`Only a distribution's representatives can sign off on ${release.version}: ${whoMay(deps.store, release.id)}.`,
    md`See who holds which role with \`/kfrelease team\`.`,
  );
}

/**
 * What the sign-off form offers this user (refusing as signoffRights does). `checking` says a check
 * of the manifests repository is under way: without any RC known yet, the form then waits for it
 * (`checking` in the answer) rather than saying there is none.
 */
export function prepareSignoffForm(
  deps: Deps,
  input: { userId: string; version?: string; checking?: boolean },
): SignoffForm {
  const { release, distributions } = signoffRights(deps, input);
  const rcs = deps.store.rcTags
    .forRelease(release.id)
    .filter((row) => row.rc !== null)
    .sort((a, b) => (b.rc ?? 0) - (a.rc ?? 0))
    .map((row) => ({ key: row.milestone, tag: row.normalized }));
  if (rcs.length === 0 && input.checking) return { release, distributions, rcs, checking: true };
  if (rcs.length === 0) {
    const last = deps.store.rcTags.lastCheck(release.id);
    const when = last && DateTime.fromISO(last.checkedAt, { zone: 'utc' }).setZone(release.timeZone);
    const at = when ? `${when.toFormat('ccc d LLL, HH:mm')} ${release.timeZone}` : '';
    if (last?.lastError)
      throw new UserError(
        'conflict',
        md`kfrelease could not look at ${last.repo} for the RC tags of ${release.version} (last tried ${at}): ${last.lastError}. There is no RC to sign off on until it can.`,
        md`Try again in a few minutes; \`/kfrelease rcs\` shows what is known.`,
      );
    const checked = at ? ` (checked ${at})` : '';
    throw new UserError(
      'not_found',
      md`No RC tag of ${release.version} has been found in the manifests repository yet${checked}, so there is nothing to sign off on.`,
      md`\`/kfrelease rcs\` shows what is due and checks GitHub again.`,
    );
  }
  return { release, distributions, rcs, checking: false };
}
