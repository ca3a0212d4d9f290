import type { Clock } from '../clock';
import type { ReleaseRow } from '../db/release-repository';
import { standingKey } from '../db/revision-repository';
import type { Store } from '../db/store';
import type { DocsItem } from '../domain/docs-items';
import type { Feature } from '../domain/features';
import { ROLE_TITLES, type RoleKey } from '../domain/roles';
import { summarizeTeam } from '../domain/team';
import { isUserError } from '../errors';
import { authorityOf } from './authority';
import { revisionProgress } from './revision-progress';
import { describeMissingRepository } from '../domain/missing-revisions';
import { chooseRelease } from './find-release';
import { noteTakerRotation } from './note-takers';
import { getReleaseStatus, type ReleaseStatus } from './release-status';
import { matrixOf } from './signoff-matrix';
import { currentPlan } from './current-plan';

/** Roles that may record documentation work (for their working group, or all of them). */
const DOCS_ROLES: readonly RoleKey[] = ['docs_lead', 'team_member', 'wg_docs_lead', 'wg_test_lead'];

/** Something a person owes the release, as their Home tab lists it. */
export type HomeDuty =
  | {
      kind: 'revision';
      wg: string;
      /** Repositories still without an accepted revision: "kubeflow/kfp-tekton (Kubeflow Tekton Pipelines)". */
      missing: string[];
      waiting: number;
      /** Components the release manager marked as not shipping this cycle. */
      notShipping: string[];
    }
  | { kind: 'decisions'; held: number }
  | { kind: 'blockers'; wg: string; open: number; releaseBlocking: number }
  | { kind: 'release_blocking'; count: number }
  | { kind: 'notes'; meetingAt: string }
  | {
      kind: 'docs';
      scope: 'owner' | 'wg' | 'lead';
      label: string;
      /** The first HOME_DOCS_ITEMS open items; `total` counts them all. */
      items: DocsItem[];
      total: number;
    }
  | {
      kind: 'distribution';
      distribution: string;
      testing: { startsOn: string; endsOn: string } | null;
      /** Where the distribution stands on the current RC; null before the first RC. */
      signoff: { standing: 'thumbs_up' | 'blocked' | 'pending'; rcTag: string } | null;
    }
  | { kind: 'announcement'; releaseDate: string | null }
  /** For the product manager: the features proposed as highlights, and where each stands. */
  | { kind: 'highlights'; items: Feature[] };

/** One release on a person's Home tab. */
export interface HomeRelease {
  status: ReleaseStatus;
  trackingIssueUrl: string | null;
  roles: string[];
  admin: boolean;
  duties: HomeDuty[];
  /** Which buttons to show. */
  canSubmitRevisions: boolean;
  canAddDocs: boolean;
  canReportBlockers: boolean;
  canAddFeatures: boolean;
}

export interface AppHome {
  userId: string;
  /**
   * Every live release the person has a role in (an admin: every live release); someone with no
   * role sees the release chooseRelease picks. Empty when no release is live.
   */
  releases: HomeRelease[];
  /** Set when no release is live: the latest one, closed or cancelled. */
  lastEnded: { version: string; status: string } | null;
}

type Deps = { store: Store; clock: Clock; admins: string[] };

/** Revisions and blocking issues of the working groups the person is a liaison of; held ones for the RM. */
function workingGroupDuties(
  deps: Deps,
  release: ReleaseRow,
  userId: string,
  blockers: ReleaseStatus['blockers'],
): HomeDuty[] {
  const authority = authorityOf(deps, release, userId);
  // Read once for the status above and the duties here, without the versions table's rows.
  const revisions = revisionProgress(deps.store, release);
  const liaisonOf = [...new Set(authority.liaisonOf)];
  const waitingKeys = liaisonOf.length > 0 ? deps.store.revisions.waitingRepositories(release.id) : null;
  const duties: HomeDuty[] = [];
  for (const wg of liaisonOf) {
    const missing =
      revisions.missingRepos.find((m) => m.wg === wg)?.repos.map(describeMissingRepository) ?? [];
    const group = revisions.groups.find((g) => g.wg.name === wg);
    const waiting =
      group?.repos.filter((r) => waitingKeys?.has(standingKey(group.wg.id, r.repo))).length ?? 0;
    const notShipping = revisions.notShipping.filter((c) => c.wg === wg).map((c) => c.component);
    if (missing.length > 0 || waiting > 0 || notShipping.length > 0)
      duties.push({ kind: 'revision', wg, missing, waiting, notShipping });
    // Counted in SQL (status's blocker summary): open and not punted, and how many hold the release up.
    const counts = blockers.find((b) => b.wg === wg);
    if (counts && counts.open > 0)
      duties.push({ kind: 'blockers', wg, open: counts.open, releaseBlocking: counts.releaseBlocking });
  }
  if (!authority.releaseManager) return duties;
  if (revisions.held > 0) duties.push({ kind: 'decisions', held: revisions.held });
  const count = blockers.reduce((n, g) => n + g.releaseBlocking, 0);
  if (count > 0) duties.push({ kind: 'release_blocking', count });
  return duties;
}

/** Open docs items a duty on the Home tab lists; the rest are counted. */
export const HOME_DOCS_ITEMS = 10;

/**
 * Open docs items the person writes, leads for their working group, or leads for the release:
 * the first of each counted and read in SQL, however many the release records.
 */
function docsDuties(store: Store, release: ReleaseRow, userId: string, isDocsLead: boolean): HomeDuty[] {
  const open = (scope: { owner: string | null; wg: string | null }) =>
    store.docsItems.open(release.id, scope, HOME_DOCS_ITEMS);
  const duties: HomeDuty[] = [];
  const mine = open({ owner: userId, wg: null });
  if (mine.total > 0) duties.push({ kind: 'docs', scope: 'owner', label: 'Docs you write', ...mine });
  if (isDocsLead) {
    const all = open({ owner: null, wg: null });
    return [...duties, { kind: 'docs', scope: 'lead', label: 'Open docs work of the release', ...all }];
  }
  const led = store.team.rolesOf(release.id, userId).filter((r) => r.role === 'wg_docs_lead' && r.wg);
  for (const wg of new Set(led.map((r) => r.wg as string))) {
    duties.push({
      kind: 'docs',
      scope: 'wg',
      label: `Open docs work of ${wg}`,
      ...open({ owner: null, wg }),
    });
  }
  return duties;
}

/** The distribution testing a representative owes, with their sign-off on the current RC. */
function distributionDuties(store: Store, release: ReleaseRow, distributions: string[]): HomeDuty[] {
  if (distributions.length === 0) return [];
  const testing = currentPlan(store, release).timeline.phases.find((p) => p.key === 'distribution_testing');
  const matrix = matrixOf(store, release);
  return distributions.map((distribution) => {
    const row = matrix.rows.find((r) => r.distribution === distribution);
    return {
      kind: 'distribution' as const,
      distribution,
      testing: testing ? { startsOn: testing.startsOn, endsOn: testing.endsOn } : null,
      signoff: matrix.rc ? { standing: row?.standing ?? 'pending', rcTag: matrix.rc.tag } : null,
    };
  });
}

/** The person's next note-taking turn, when the release has a meeting and they are in the rotation. */
function noteDuty(deps: Deps, release: ReleaseRow, userId: string): HomeDuty[] {
  try {
    const now = deps.clock.now();
    const next = noteTakerRotation(deps.store, release).turns.find((t) => t.at > now);
    return next?.member?.slackId === userId
      ? [{ kind: 'notes', meetingAt: next.at.toUTC().toISO() ?? '' }]
      : [];
  } catch (error) {
    if (isUserError(error)) return [];
    throw error;
  }
}

/**
 * One person's Home tab: for each live release they have a role in (several can be live at once),
 * where it stands, the roles they hold and what they owe (their working group's revisions and
 * blocking issues, decisions, docs work, sign-off, note-taking turn, the announcement draft).
 */
export function getAppHome(deps: Deps, userId: string): AppHome {
  return deps.store.readOnce(() => appHomeOf(deps, userId));
}

function appHomeOf(deps: Deps, userId: string): AppHome {
  const { store } = deps;
  const live = store.releases.live();
  const mine = live.filter(
    (r) => deps.admins.includes(userId) || store.team.rolesOf(r.id, userId).length > 0,
  );
  if (mine.length > 0)
    return { userId, releases: mine.map((r) => homeRelease(deps, r, userId)), lastEnded: null };
  try {
    return {
      userId,
      releases: [homeRelease(deps, chooseRelease(deps, null).release, userId)],
      lastEnded: null,
    };
  } catch (error) {
    if (!isUserError(error) || error.code !== 'not_found') throw error;
    const last = store.releases.list().at(-1);
    return { userId, releases: [], lastEnded: last ? { version: last.version, status: last.status } : null };
  }
}

/** One release as a person's Home tab shows it. */
function homeRelease(deps: Deps, release: ReleaseRow, userId: string): HomeRelease {
  const { store } = deps;
  const status = getReleaseStatus(deps, release.version);
  const authority = authorityOf(deps, release, userId);
  const roles = store.team.rolesOf(release.id, userId);
  const team = summarizeTeam(
    store.team.assignments(release.id),
    store.workingGroups.list().map((g) => g.name),
  );
  const isDocsLead = team.docsLeads.some((p) => p.slackId === userId);
  const distributions = [
    ...new Set(roles.filter((r) => r.role === 'distribution_rep').map((r) => r.distribution ?? '')),
  ];
  const duties: HomeDuty[] = [
    ...workingGroupDuties(deps, release, userId, status.blockers),
    ...docsDuties(store, release, userId, isDocsLead),
    ...distributionDuties(store, release, distributions),
    ...noteDuty(deps, release, userId),
    ...(roles.some((r) => r.role === 'product_manager')
      ? [
          {
            kind: 'highlights' as const,
            items: store.features.forRelease(release.id).filter((f) => f.highlight),
          },
          { kind: 'announcement' as const, releaseDate: status.release?.dueOn ?? null },
        ]
      : []),
  ];
  const onTeam = authority.steers || roles.length > 0;
  return {
    status,
    trackingIssueUrl: store.trackingIssues.find(release.id)?.url ?? null,
    roles: roles.map((r) => {
      const where = r.wg ?? r.distribution;
      return `${ROLE_TITLES[r.role]}${where ? `: ${where}` : ''}${r.shadow ? ' (shadow)' : ''}`;
    }),
    admin: authority.admin,
    duties,
    canSubmitRevisions: authority.steers || authority.liaisonOf.length > 0,
    canAddDocs: authority.steers || isDocsLead || roles.some((r) => DOCS_ROLES.includes(r.role)),
    canReportBlockers: onTeam,
    canAddFeatures: authority.steers || authority.liaisonOf.length > 0,
  };
}
