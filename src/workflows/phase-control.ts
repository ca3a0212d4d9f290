import type { Clock } from '../clock';
import {
  checklistState,
  SCOPED_ROLE,
  scopesOf,
  tickPermission,
  unmetItems,
  type ChecklistFacts,
  type ChecklistItem,
  type ItemState,
} from '../domain/phase-checklist';
import { phasePosition, phaseSequence, type PhasePosition } from '../domain/phase-position';
import { ROLE_TITLES, type RoleKey } from '../domain/roles';
import { isOpenFeatureState } from '../domain/features';
import type { PhaseDates } from '../domain/timeline';
import type { PhaseTransition } from '../db/phase-control-repository';
import type { ReleaseRow } from '../db/release-repository';
import type { Store } from '../db/store';
import { UserError } from '../errors';
import { refuse } from './authority';
import { requireLive } from './release-lifecycle';
import { findRelease } from './find-release';
import { readPhaseChecklists } from './phase-checklists-file';
import { rcStatus } from './rc-status';
import { revisionProgress } from './revision-progress';
import { signoffSummary } from './signoff-matrix';
import { teamSummary } from './release-team';
import { todayIn } from './today-in';
import { code, join, md, user, type Mrkdwn } from '../text/mrkdwn';

type Deps = { store: Store; clock: Clock; admins: string[] };

/** What kfrelease knows by itself about a release, for the items that tick themselves. */
export function gatherChecklistFacts(
  deps: { store: Store; clock: Clock },
  release: ReleaseRow,
): ChecklistFacts {
  const { store } = deps;
  const plan = store.releases.latestPlan(release);
  const workingGroups = store.workingGroups.list().map((g) => g.name);
  const summary = teamSummary(store, release);
  // The same figures status shows in its revisions line: inside one answer they are read once.
  const revisions = revisionProgress(store, release);
  const rcs = rcStatus(deps, release.version);
  const blockers = { open: 0, undecided: 0 };
  for (const c of store.blockers.openCounts(release.id)) {
    blockers.open += c.open + c.punted;
    blockers.undecided += c.undecided;
  }
  const signoffs = signoffSummary(deps, release.id);
  return {
    teamComplete:
      summary.releaseManagers.length > 0 && summary.byWorkingGroup.every((g) => g.liaisons.length > 0),
    revisionsMissing: revisions.workingGroups > 0 ? revisions.missing : null,
    bugsAtRiskIdentified: blockers.open === 0 ? null : blockers.undecided === 0,
    tagged: rcs.lastCheck
      ? new Set(rcs.artifacts.filter((a) => a.state === 'found').map((a) => a.key))
      : null,
    plannedMilestones: plan?.timeline.milestones.map((m) => ({ key: m.key, phase: m.phase })) ?? [],
    patchOpened: store.patchReleases.forRelease(release.id).length > 0,
    meetingSetUp: store.meetings.meeting(release.id) !== null,
    trackingIssue: store.trackingIssues.find(release.id)?.url ?? null,
    signoffs: summary.byDistribution.length > 0 ? { met: signoffs.criterionMet, text: signoffs.text } : null,
    distributions: summary.byDistribution.map((d) => d.distribution),
    workingGroups,
    ticks: store.phaseControl.ticks(release.id),
    featuresUndecided: undecidedFeatures(store, release),
  };
}

/** Features neither landed nor punted, for Feature Freeze's criterion; null while none is tracked. */
function undecidedFeatures(store: Store, release: ReleaseRow): string[] | null {
  const features = store.features.forRelease(release.id);
  if (features.length === 0) return null;
  return features.filter((f) => isOpenFeatureState(f.state)).map((f) => `#${f.id} ${f.title} (${f.wg})`);
}

/** `/kfrelease phase`: the current phase, its checklist and those of the phases running alongside. */
export interface PhaseView {
  version: string;
  today: string;
  planRevision: number;
  position: PhasePosition;
  sections: { phase: PhaseDates; alongside: boolean; items: ItemState[] }[];
  /** Required items of the phases advancing now would close that are not done. */
  unmet: ItemState[];
  /** How the release entered its current phase, when the release manager moved it there. */
  enteredBy: PhaseTransition | null;
}

/**
 * Where a release stands today under its latest plan, with the sequence of phases read from its
 * first plan (see phaseSequence).
 */
export function releasePosition(deps: { store: Store; clock: Clock }, release: ReleaseRow) {
  const plan = deps.store.releases.latestPlan(release);
  if (!plan) throw new Error(`release ${release.version} has no plan`);
  const today = todayIn(deps, release.timeZone);
  const first = deps.store.releases.firstPlan(release) ?? plan;
  return { plan, today, position: phasePosition(plan.timeline, today, phaseSequence(first.timeline)) };
}

export function buildPhaseView(deps: Deps, release: ReleaseRow, items: ChecklistItem[]): PhaseView {
  const { plan, today, position } = releasePosition(deps, release);
  const states = checklistState(items, gatherChecklistFacts(deps, release));
  const of = (phase: PhaseDates) => states.filter((s) => s.item.phase === phase.key);
  const transitions = deps.store.phaseControl.transitions(release.id);
  return {
    version: release.version,
    today,
    planRevision: plan.revision,
    position,
    sections: [
      { phase: position.current, alongside: false, items: of(position.current) },
      ...position.alongside.map((phase) => ({ phase, alongside: true, items: of(phase) })),
    ],
    unmet: unmetItems(position.closing.flatMap(of)),
    enteredBy: [...transitions].reverse().find((t) => t.toPhase === position.current.key) ?? null,
  };
}

/** Where the named (or current) release stands in its phases, with the checklists. */
export function getPhaseView(deps: Deps, version?: string, items = readPhaseChecklists()): PhaseView {
  return buildPhaseView(deps, findRelease(deps, version), items);
}

/** How Slack names several holders of a role: "the Distribution Representatives". */
const PLURAL_TITLES: Partial<Record<RoleKey, string>> = {
  team_member: 'Release Team Members (WG liaisons)',
  distribution_rep: 'Distribution Representatives',
};

/**
 * "the Product Manager (<@U1>), the Release Manager (<@U2>) or an admin": who may tick an item.
 * For one distribution or working group, a role held per distribution or working group names only
 * its holders for that one ("the Notebooks Release Team Member (WG liaison) (<@U3>)"), and is left
 * out when nobody holds it there.
 */
function whoMay(store: Store, release: ReleaseRow, item: ChecklistItem, scope: string | null): Mrkdwn {
  const team = store.team.assignments(release.id);
  const parts = item.who.flatMap((role) => {
    const scoped = scope !== null && item.per !== null && SCOPED_ROLE[role] === item.per;
    const holders = team.filter(
      (a) =>
        a.role === role &&
        (!scoped ||
          (item.per === 'distribution' ? a.distribution : a.wg)?.toLowerCase() === scope.toLowerCase()),
    );
    const named = [...new Map(holders.map((a) => [`${a.shadow}:${a.slackId ?? a.name}`, a])).values()].map(
      (a) => md`${a.shadow ? 'shadow ' : ''}${a.slackId ? user(a.slackId) : a.name}`,
    );
    if (scoped && named.length === 0) return [];
    const title = scoped
      ? `the ${scope} ${ROLE_TITLES[role]}`
      : `the ${PLURAL_TITLES[role] ?? ROLE_TITLES[role]}`;
    return [named.length > 0 ? md`${title} (${join(named)})` : md`${title}`];
  });
  return md`${join(parts)} or an admin`;
}

/**
 * Ticks or unticks a checklist item, as the data says who may: the roles named for it, admins,
 * and for a per-distribution or per-working-group item, each one for itself.
 */
export function setChecklistItem(
  deps: Deps,
  input: { userId: string; itemId: string; scope: string | null; checked: boolean; version?: string },
  items = readPhaseChecklists(),
): { version: string; state: ItemState; scope: string; changed: boolean } {
  const { store, clock } = deps;
  const release = findRelease(deps, input.version);
  requireLive(release);
  const item = items.find((i) => i.id === input.itemId.toLowerCase());
  if (!item) {
    const word = input.itemId.toLowerCase();
    const guess = items.find((i) => i.id.includes(word) || word.includes(i.id))?.id;
    throw new UserError(
      'not_found',
      md`There is no checklist item "${input.itemId}".${guess ? ` Did you mean \`${guess}\`?` : ''}`,
      md`See the items and their ids with \`/kfrelease phase\`.`,
    );
  }
  const facts = gatherChecklistFacts(deps, release);
  const scopes = scopesOf(item, facts);
  const summary = teamSummary(store, release);
  const holder = {
    admin: deps.admins.includes(input.userId),
    roles: store.team.rolesOf(release.id, input.userId),
    docsLeadImplied: summary.docsLeadImplied,
  };
  const permission = tickPermission(item, holder, scopes, input.scope);
  // The distribution or working group named, as the release knows it.
  const scope = scopes.find((s) => s.toLowerCase() === input.scope?.toLowerCase()) ?? null;
  const what = `${input.checked ? 'tick' : 'untick'} "${item.title}"${scope ? ` for ${scope}` : ''}`;
  if (!permission.ok && permission.reason === 'forbidden') refuse(what, whoMay(store, release, item, scope));
  if (!permission.ok) {
    const kind = item.per === 'distribution' ? 'distribution' : 'working group';
    throw new UserError(
      'bad_argument',
      permission.given
        ? md`"${permission.given}" is not a ${kind} you can ${input.checked ? 'tick' : 'untick'} this for.`
        : md`Say which ${kind} this is for.`,
      md`For example ${code(`/kfrelease ${input.checked ? 'check' : 'uncheck'} ${item.id} ${permission.choices[0] ?? '<name>'}`)}; ${kind}s: ${permission.choices.join(', ') || 'none'}.`,
    );
  }
  const at = clock.now().toISO() ?? '';
  const changed = store.transaction(() => {
    const done = input.checked
      ? store.phaseControl.tick(release.id, { item: item.id, scope: permission.scope, by: input.userId, at })
      : store.phaseControl.untick(release.id, item.id, permission.scope);
    if (done) {
      store.audit.record({
        at,
        actor: input.userId,
        releaseId: release.id,
        action: input.checked ? 'checklist.checked' : 'checklist.unchecked',
        details: { item: item.id, scope: permission.scope },
      });
    }
    return done;
  });
  const state = checklistState([item], gatherChecklistFacts(deps, release))[0] as ItemState;
  return { version: release.version, state, scope: permission.scope, changed };
}
